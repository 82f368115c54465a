package org.taperoom.web.playback;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.Viewer;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;
import org.tinylog.Logger;

/**
 * Play, pause, seek and stop a take on the appliance's output, through the playback engine:
 * what is heard is the take's mix and master as a render would write them.
 */
public final class PlaybackApi {
    /** Longest take position the API accepts, seconds (a day): beyond it a number is a mistake. */
    private static final double MAX_SECONDS = 86_400;
    private final TakeCatalog takes;
    private final PlaybackService playback;
    /** The id of the take playing, for the documents; guarded by the service's lock order (set under this object). */
    private volatile String playingId;
    /** The id of the song playing, or null; written by the request threads that play and stop. */
    private volatile String playingSong;
    /** The song opened last, with its folder and the lanes it plays; written by the request thread that plays it. */
    private volatile SongOpen songOpen;

    /** A song as the engine opened it: the key it plays under and the lanes heard (a missing lane's strip is left out). */
    private record SongOpen(String id, Path dir, Set<String> lanes) {}

    public PlaybackApi(TakeCatalog takes, PlaybackService playback) {
        this.takes = takes;
        this.playback = playback;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/takes/{id}/play", Access.CHANGE, this::play,
                        "Play a take on the output with its mix and master: {\"fromSeconds\": 0, \"loop\": {\"fromSeconds\", \"toSeconds\"}} (all optional; a loop without fromSeconds starts at its own start); answers the playback state.").students(),
                Route.get("/api/playback", Access.SESSION, this::state,
                        "The playback state: take (or song), playing, positionSeconds, lengthSeconds, underruns, starvedPeriods, meters (also sent over /ws at 30 Hz while playing).").students(),
                Route.post("/api/playback/pause", Access.CHANGE, this::pause, "Pause playback, keeping the position.").students(),
                Route.post("/api/playback/seek", Access.CHANGE, this::seek, "Move the play position: {\"seconds\": n}; 409 when nothing is playing.").students(),
                Route.post("/api/playback/stop", Access.CHANGE, this::stop, "Stop playback and free the output (the metronome, if on, carries on alone).").students(),
                Route.put("/api/takes/{id}/mix/live", Access.CHANGE, this::liveMix,
                        "Hear a mix document (as PUT /api/takes/{id}/mix takes it) on the take playing from the next block, without saving it; 409 when that take is not playing.").students());
    }

    /** The current document, for the live socket. */
    public Map<String, Object> current() {
        return PlaybackDocs.doc(playback.now(), playingId, playingSong);
    }

    /**
     * Plays a song's arrangement (its active passes at their offsets, its mix and master) from
     * {@code fromSeconds}; answers the playback document. The Songs API calls it.
     */
    public Map<String, Object> playSong(String songId, TakeTracks tracks, RenderSettings settings, double fromSeconds) throws IOException {
        try {
            PlaybackService.Now now = playback.playArranged(tracks, settings, fromSeconds);
            playingId = null;
            playingSong = songId;
            songOpen = new SongOpen(songId, tracks.dir(), tracks.tracks().stream().map(TakeTracks.Track::name).collect(Collectors.toUnmodifiableSet()));
            // A song is the teachers' work: its sound is theirs to hear.
            heardOwner = new Heard(true, null);
            return PlaybackDocs.doc(now, null, songId);
        } catch (SettingsException e) {
            throw new ApiError(400, e.getMessage().replace("take's end", "song's end"));
        } catch (AudioDeviceException e) {
            throw ApiError.conflict("the output cannot play: " + e.getMessage());
        }
    }

    /**
     * A mix heard at once on song {@code songId} while it is open (playing or paused), without
     * saving it; false when another song, a take or nothing is open.
     *
     * @throws SettingsException the mix cannot be played
     */
    public boolean liveSongMix(String songId, MixSettings mix) throws SettingsException {
        SongOpen open = songOpen;
        if (open == null || !open.id().equals(songId) || !songId.equals(playingSong)) return false;
        return playback.liveMix(open.dir(), heardStrips(open, mix));
    }

    /**
     * Song {@code songId}'s saved mix and master: heard from the next block when it is the song
     * open, else nothing happens.
     */
    public void songSettingsSaved(String songId, MixSettings mix, MasterSettings master) {
        SongOpen open = songOpen;
        if (open == null || !open.id().equals(songId) || !songId.equals(playingSong)) return;
        try {
            playback.settingsChanged(open.dir(), RenderSettings.DEFAULT.withMix(heardStrips(open, mix)).withMaster(master));
        } catch (SettingsException e) {
            // Saved settings were checked before they were written; a failure here leaves the old mix playing.
            Logger.warn("the saved settings of song {} could not reach the playing mix: {}", songId, e.getMessage());
        }
    }

    /** {@code mix} with the strips of lanes the engine does not play left out (as a song's render leaves them out). */
    private static MixSettings heardStrips(SongOpen open, MixSettings mix) {
        Map<String, TrackSettings> strips = new LinkedHashMap<>();
        mix.tracks().forEach((lane, strip) -> {
            if (open.lanes().contains(lane)) strips.put(lane, strip);
        });
        return mix.withTracks(strips);
    }

    /**
     * Plays one recording of a practice (the student's take or the teacher's reference) at
     * {@code gainDb} before the master's limiter, so that both play at one loudness; {@code owner}
     * is whose work it is (null: the teachers'), for the browser stream. Answers the playback
     * document, which names neither take nor song (the practice's page knows what it asked for).
     */
    public Map<String, Object> playAtGain(TakeTracks tracks, RenderSettings settings, double fromSeconds, double gainDb, String owner)
            throws IOException {
        try {
            PlaybackService.Now now = playback.playArranged(tracks, settings, fromSeconds, gainDb);
            playingId = null;
            playingSong = null;
            heardOwner = new Heard(true, owner);
            return PlaybackDocs.doc(now, null, null);
        } catch (SettingsException e) {
            throw new ApiError(400, e.getMessage());
        } catch (AudioDeviceException e) {
            throw ApiError.conflict("the output cannot play: " + e.getMessage());
        }
    }

    /** Stops playback and frees the output (before a pass needs it). */
    public void stopPlayback() {
        playback.close();
        playingId = null;
        playingSong = null;
        heardOwner = Heard.NOTHING;
    }

    private void play(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Path folder = takes.folder(id);
        double from = 0;
        Double loopFrom = null;
        Double loopTo = null;
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("fromSeconds", "loop"));
            if (b.has("fromSeconds")) from = b.number("fromSeconds", 0, MAX_SECONDS);
            if (b.has("loop")) {
                JsonNode loop = b.node("loop");
                if (!loop.isObject()) throw ApiError.badRequest("loop", "expected {\"fromSeconds\": n, \"toSeconds\": n}");
                for (var it = loop.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!f.equals("fromSeconds") && !f.equals("toSeconds")) {
                        throw ApiError.badRequest("loop." + f, "unknown field; expected fromSeconds, toSeconds");
                    }
                }
                if (!loop.has("fromSeconds") || !loop.has("toSeconds")) {
                    throw ApiError.badRequest("loop", "needs both fromSeconds and toSeconds");
                }
                loopFrom = Body.number("loop.fromSeconds", loop.get("fromSeconds"), 0, MAX_SECONDS);
                loopTo = Body.number("loop.toSeconds", loop.get("toSeconds"), 0, MAX_SECONDS);
                if (loopTo <= loopFrom) throw ApiError.badRequest("loop.toSeconds", "must be after loop.fromSeconds");
                // A loop without a start plays the loop.
                if (!b.has("fromSeconds")) from = loopFrom;
            }
        }
        try {
            PlaybackService.Now now = playback.play(folder, from, loopFrom, loopTo);
            playingId = id;
            playingSong = null;
            heardOwner = new Heard(true, ownerOf(id));
            ctx.json(PlaybackDocs.doc(now, id, null));
        } catch (SettingsException e) {
            throw new ApiError(400, e.getMessage());
        } catch (AudioDeviceException e) {
            throw ApiError.conflict("the output cannot play: " + e.getMessage());
        }
    }

    private void liveMix(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Path folder = takes.folder(id);
        try {
            MixSettings mix = RenderSettings.parseMix(ctx.body());
            if (!playback.liveMix(folder, mix)) throw ApiError.conflict("take " + id + " is not playing: play it first");
        } catch (SettingsException e) {
            throw new ApiError(400, e.getMessage());
        }
        ctx.status(204);
    }

    private void state(Context ctx) {
        Map<String, Object> doc = current();
        // Another student's take playing: this student sees that something plays, not what.
        if (doc.get("take") != null && !Guard.person(ctx).maySee(ownerOf(doc.get("take")))) {
            doc = new java.util.LinkedHashMap<>(doc);
            doc.put("take", null);
        }
        ctx.json(doc);
    }

    /** What the output plays: whether a take or song is open, and whose it is (null: the teachers'). */
    private record Heard(boolean open, String owner) {
        static final Heard NOTHING = new Heard(false, null);
    }

    /** Written by request threads as playback starts and stops; read by the browser stream's thread. */
    private volatile Heard heardOwner = Heard.NOTHING;

    /**
     * Whether {@code person} may hear the output in the browser: always while no take or song is
     * open (silence, the metronome), else only when the work playing is theirs to see. Any thread;
     * no disk access.
     */
    public boolean audibleTo(org.taperoom.web.security.Person person) {
        Heard h = heardOwner;
        return !h.open() || (person != null && person.maySee(h.owner()));
    }

    /** The owner of the take {@code takeId} (the document's {@code take}); null when none, unknown, or not the caller's to see. */
    public String ownerOf(Object takeId) {
        if (takeId == null) return null;
        try {
            return Viewer.as(null, () -> takes.owner(takeId.toString()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void pause(Context ctx) {
        playback.pause();
        ctx.json(current());
    }

    private void seek(Context ctx) {
        Body b = Body.of(ctx, Set.of("seconds"));
        if (!b.has("seconds")) throw ApiError.badRequest("seconds", "required: the position to move to, in seconds");
        double seconds = b.number("seconds", 0, MAX_SECONDS);
        try {
            if (!playback.seek(seconds)) throw ApiError.conflict("nothing is playing: play a take first");
        } catch (SettingsException e) {
            throw new ApiError(400, e.getMessage());
        }
        ctx.json(current());
    }

    private void stop(Context ctx) {
        try {
            playback.stop();
        } catch (AudioDeviceException e) {
            throw ApiError.conflict("the take stopped, but the metronome could not go on alone: " + e.getMessage());
        } finally {
            playingId = null;
            playingSong = null;
            heardOwner = Heard.NOTHING;
        }
        ctx.json(current());
    }
}
