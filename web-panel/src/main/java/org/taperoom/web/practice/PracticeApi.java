package org.taperoom.web.practice;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntSupplier;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.song.AudioImport;
import org.taperoom.appliance.song.EqualLoudness;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Pass;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.playback.PlaybackApi;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.Person;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.Owners;

/**
 * Practice over a class's backing tracks: teachers upload a backing track (and a reference
 * recording) to a class; a student of that class begins a practice (a song of their own over the
 * backing track), records passes over it through the transport as any overdub, and then hears
 * their take and the reference one after the other at one integrated loudness
 * ({@link EqualLoudness}, the gains said in the answer). A student reaches only their own class's
 * material and their own practices: anything else is 404, as an id that never existed.
 */
public final class PracticeApi {
    private static final String SOURCE = "panel";
    private static final double MAX_SECONDS = 86_400;
    private static final int MAX_TITLE = 80;
    private static final int MAX_CLASS = 40;

    private final Practices practices;
    private final SongLibrary songs;
    private final Transport transport;
    private final PlaybackApi playback;
    private final IntSupplier rateHz;
    private final IntSupplier inputs;

    /**
     * @param rateHz the rate the interface records at now (uploads are converted to it)
     * @param inputs how many inputs the interface has now
     */
    public PracticeApi(Practices practices, Path library, Transport transport, PlaybackApi playback, IntSupplier rateHz, IntSupplier inputs) {
        this.practices = practices;
        this.songs = new SongLibrary(library);
        this.transport = transport;
        this.playback = playback;
        this.rateHz = rateHz;
        this.inputs = inputs;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/materials", Access.SESSION, this::listMaterials,
                        "Practice material: [{id, class, title, seconds, reference}] (a student: their class's only).").students(),
                Route.post("/api/materials", Access.CHANGE, this::upload,
                        "Upload a backing track to a class: the WAV, FLAC or MP3 file as the body (Content-Type audio/wav, audio/flac or audio/mpeg), ?class=3b&title=…; 201 with the material; 400 for another type or what is not audio, 413 beyond 512 MiB.").teachers(),
                Route.put("/api/materials/{material}/reference", Access.CHANGE, this::uploadReference,
                        "Upload the material's reference recording (body and answers as POST /api/materials).").teachers(),
                Route.post("/api/materials/{material}/practices", Access.CHANGE, this::begin,
                        "Begin a practice over the material's backing track: a song of the caller's own; 201 with the practice.").students(),
                Route.get("/api/practices", Access.SESSION, this::listPractices,
                        "Practices: [{id, material, title, class, student, passes, take, reference}] (a student: their own only).").students(),
                Route.get("/api/practices/{practice}", Access.SESSION, this::getPractice, "One practice (as in the list).").students(),
                Route.post("/api/practices/{practice}/passes", Access.CHANGE, this::record,
                        "Record a pass over the backing track while it plays: {\"input\": 1}; the pass is the caller's take, in lane take; 202, 409 while a take or another pass records.").students(),
                Route.post("/api/practices/{practice}/passes/stop", Access.CHANGE, this::stopPass,
                        "End the pass being recorded (what was recorded is kept); 409 when none is.").students(),
                Route.get("/api/practices/{practice}/loudness", Access.SESSION, this::loudness,
                        "The latest take and the reference at one loudness: {targetLufs, take {id, integratedLufs, gainDb}, reference {…}}; 409 without a take or a reference.").students(),
                Route.post("/api/practices/{practice}/play", Access.CHANGE, this::play,
                        "Play on the output: {\"what\": \"take\" | \"reference\" | \"together\", \"fromSeconds\": 0}; take and reference at the gains of /loudness, together the backing track with the take; answers the playback state and the gain.").students());
    }

    private void listMaterials(Context ctx) {
        Person p = Guard.person(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Practices.Material m : practices.materials()) if (maySee(p, m)) out.add(doc(m));
        ctx.json(out);
    }

    private void upload(Context ctx) throws IOException {
        String className = query(ctx, "class", MAX_CLASS);
        String title = query(ctx, "title", MAX_TITLE);
        AudioImport.Imported in = importBody(ctx, title, "backing");
        Practices.Material m = practices.addMaterial(className, title, in.takeId(), in.seconds());
        ctx.status(201).json(doc(m));
    }

    private void uploadReference(Context ctx) throws IOException {
        Practices.Material m = material(ctx);
        AudioImport.Imported in = importBody(ctx, m.title(), "reference");
        ctx.json(doc(practices.change(m.id(), x -> x.withReference(in.takeId())).orElseThrow()));
    }

    private void begin(Context ctx) throws IOException {
        Person p = Guard.person(ctx);
        Practices.Material m = material(ctx);
        Song song;
        try {
            song = songs.create(m.title() + (p.isStudent() ? " " + p.name() : ""), m.backing());
        } catch (SongException e) {
            throw ApiError.conflict("the backing track cannot be practised over: " + e.getMessage());
        }
        Practices.Practice practice = practices.addPractice(song.id(), p.isStudent() ? p.id() : null, m.id());
        ctx.status(201).json(doc(practice));
    }

    private void listPractices(Context ctx) throws IOException {
        Person p = Guard.person(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Practices.Practice x : practices.practices()) if (p.maySee(x.owner())) out.add(doc(x));
        ctx.json(out);
    }

    private void getPractice(Context ctx) throws IOException {
        ctx.json(doc(practice(ctx)));
    }

    private void record(Context ctx) throws IOException {
        Practices.Practice x = practice(ctx);
        Body b = Body.of(ctx, Set.of("input"));
        int count = inputs.getAsInt();
        if (!b.has("input")) throw ApiError.badRequest("input", "missing: the input to record, from 1 to " + count);
        JsonNode n = b.node("input");
        if (!n.isInt() || n.intValue() < 1 || n.intValue() > count) {
            throw ApiError.badRequest("input", "expected an input number from 1 to " + count + ", got " + n);
        }
        TransportState s = transport.view().state();
        if (s != TransportState.IDLE && s != TransportState.WAITING) throw ApiError.conflict("the recorder is " + s.wireName() + ": a pass starts when it is idle");
        // The pass plays the backing track on the output: whatever plays there must stop.
        playback.stopPlayback();
        String source = Owners.source(Guard.person(ctx), SOURCE);
        String refused = transport.submit(new ControlEvent.Overdub(source, x.id(), List.of(n.intValue()), List.of(Practices.TAKE_LANE)));
        if (refused != null) throw ApiError.conflict(refused);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("practice", x.id());
        answer.put("state", transport.view().state().wireName());
        answer.put("input", n.intValue());
        ctx.status(202).json(answer);
    }

    private void stopPass(Context ctx) throws IOException {
        Practices.Practice x = practice(ctx);
        if (transport.view().state() != TransportState.OVERDUBBING) throw ApiError.conflict("no pass is being recorded");
        String refused = transport.submit(new ControlEvent.Stop(SOURCE));
        if (refused != null) throw ApiError.conflict(refused);
        ctx.status(202).json(Map.of("practice", x.id(), "state", transport.view().state().wireName()));
    }

    private void loudness(Context ctx) throws IOException {
        Practices.Practice x = practice(ctx);
        ctx.json(loudnessDoc(compare(x)));
    }

    private void play(Context ctx) throws IOException {
        Practices.Practice x = practice(ctx);
        Body b = Body.of(ctx, Set.of("what", "fromSeconds"));
        String what = b.has("what") ? b.text("what", 16) : "";
        double from = b.has("fromSeconds") ? b.number("fromSeconds", 0, MAX_SECONDS) : 0;
        TransportState s = transport.view().state();
        if (s == TransportState.OVERDUBBING) throw ApiError.conflict("a pass is being recorded: stop it first");
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (what) {
            case "together" -> {
                Song song = song(x);
                SongArrangement a;
                try {
                    a = SongArrangement.of(song, songs.library());
                } catch (SongException e) {
                    throw ApiError.conflict(e.getMessage());
                }
                answer.putAll(playback.playAtGain(a.tracks(), a.settings(RenderSettings.DEFAULT), from, 0, x.owner()));
                answer.put("gainDb", 0.0);
            }
            case "take", "reference" -> {
                Comparison c = compare(x);
                boolean take = what.equals("take");
                EqualLoudness.Side side = take ? c.match().take() : c.match().reference();
                TakeTracks tracks = take ? c.take() : c.reference();
                answer.putAll(playback.playAtGain(tracks, plain(tracks), from, side.gainDb(), x.owner()));
                answer.put("gainDb", round(side.gainDb()));
                answer.put("targetLufs", round(c.match().targetLufs()));
            }
            default -> throw ApiError.badRequest("what", "expected \"take\", \"reference\" or \"together\", got \"" + what + "\"");
        }
        answer.put("what", what);
        ctx.json(answer);
    }

    /** The practice's latest take and the material's reference, measured. */
    private record Comparison(String takeId, TakeTracks take, String referenceId, TakeTracks reference, EqualLoudness.Match match) {}

    private Comparison compare(Practices.Practice x) throws IOException {
        Song song = song(x);
        Lane lane = song.lanes().stream().filter(l -> l.name().equals(Practices.TAKE_LANE)).findFirst().orElse(null);
        if (lane == null || lane.passes().isEmpty()) throw ApiError.conflict("no take yet: record a pass over the backing track first");
        Pass pass = lane.activePass();
        Practices.Material m = practices.material(x.material()).orElse(null);
        if (m == null || m.reference().isEmpty()) throw ApiError.conflict("this piece has no reference recording yet: a teacher uploads one");
        try {
            TakeTracks take = passTracks(pass);
            TakeTracks reference = TakeTracks.find(folder(m.reference()));
            EqualLoudness.Match match = EqualLoudness.of(EqualLoudness.integratedLufs(take), EqualLoudness.integratedLufs(reference));
            return new Comparison(pass.take(), take, m.reference(), reference, match);
        } catch (SongException e) {
            throw ApiError.conflict(e.getMessage());
        }
    }

    /** The pass's own track of its take (a pass records one track per armed input). */
    private TakeTracks passTracks(Pass pass) throws IOException, SongException {
        Path folder = folder(pass.take());
        for (TakeTracks.Track t : TakeTracks.find(folder).tracks()) {
            if (t.stem().equals(pass.track()) || t.name().equals(pass.track())) return TakeTracks.arranged(folder, List.of(t));
        }
        throw new SongException("the take's track " + pass.track() + " is missing");
    }

    private Path folder(String takeId) throws SongException {
        Path f = TakeFolders.folderOf(songs.library(), takeId);
        if (f == null || !Files.isDirectory(f)) throw new SongException("take " + takeId + " is no longer in the library");
        return f;
    }

    /**
     * What a recording plays with in a comparison: no strip settings of its own (a student's Mix
     * page changes would change its loudness), a stereo pair's tracks panned hard apart, and the
     * default master, whose limiter the gains (never above 0 dB) do not reach into.
     */
    private static RenderSettings plain(TakeTracks tracks) {
        Map<String, TrackSettings> strips = new LinkedHashMap<>();
        if (tracks.tracks().size() == 2) {
            strips.put(tracks.tracks().get(0).name(), TrackSettings.DEFAULT.withPan(-1));
            strips.put(tracks.tracks().get(1).name(), TrackSettings.DEFAULT.withPan(1));
        }
        return RenderSettings.DEFAULT.withMix(MixSettings.DEFAULT.withTracks(strips));
    }

    private AudioImport.Imported importBody(Context ctx, String title, String kind) throws IOException {
        Path file = AudioUpload.receive(ctx, songs.library().resolve(".import"));
        try {
            return AudioImport.take(songs.library(), file, title + " " + kind, "practice-" + kind, rateHz.getAsInt());
        } catch (SongException e) {
            throw new ApiError(400, "body: " + e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Practices.Material material(Context ctx) {
        String id = PathIds.id(ctx, "material");
        Person p = Guard.person(ctx);
        return practices.material(id).filter(m -> maySee(p, m))
                .orElseThrow(() -> ApiError.notFound("no material " + id + "; GET /api/materials lists your class's"));
    }

    private Practices.Practice practice(Context ctx) {
        String id = PathIds.id(ctx, "practice");
        Person p = Guard.person(ctx);
        return practices.practice(id).filter(x -> p.maySee(x.owner()))
                .orElseThrow(() -> ApiError.notFound("no practice " + id + "; GET /api/practices lists yours"));
    }

    private Song song(Practices.Practice x) throws IOException {
        try {
            return songs.load(x.id());
        } catch (SongException | NoSuchElementException e) {
            throw ApiError.conflict("the practice's song is gone: begin the practice again");
        }
    }

    private static boolean maySee(Person p, Practices.Material m) {
        return p.isTeacher() || (p.isStudent() && p.className().equals(m.className()));
    }

    private static String query(Context ctx, String name, int maxChars) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw ApiError.badRequest(name, "missing: give ?" + name + "=… in the address");
        v = v.strip();
        if (v.length() > maxChars) throw ApiError.badRequest(name, "at most " + maxChars + " characters, got " + v.length());
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < 0x20) throw ApiError.badRequest(name, "must not contain control characters");
        return v;
    }

    private static Map<String, Object> doc(Practices.Material m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", m.id());
        d.put("class", m.className());
        d.put("title", m.title());
        d.put("seconds", round(m.seconds()));
        d.put("reference", !m.reference().isEmpty());
        d.put("uploaded", m.uploaded());
        return d;
    }

    private Map<String, Object> doc(Practices.Practice x) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        Practices.Material m = practices.material(x.material()).orElse(null);
        d.put("id", x.id());
        d.put("material", x.material());
        d.put("title", m == null ? "" : m.title());
        d.put("class", m == null ? "" : m.className());
        d.put("student", x.student());
        Lane lane = null;
        try {
            lane = songs.load(x.id()).lanes().stream().filter(l -> l.name().equals(Practices.TAKE_LANE)).findFirst().orElse(null);
        } catch (SongException | NoSuchElementException e) {
            // listed without passes; opening it says what is wrong
        }
        d.put("passes", lane == null ? 0 : lane.passes().size());
        d.put("take", lane == null || lane.passes().isEmpty() ? null : lane.activePass().take());
        d.put("reference", m != null && !m.reference().isEmpty());
        d.put("created", x.created());
        return d;
    }

    private static Map<String, Object> loudnessDoc(Comparison c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("targetLufs", round(c.match().targetLufs()));
        d.put("take", side(c.takeId(), c.match().take()));
        d.put("reference", side(c.referenceId(), c.match().reference()));
        return d;
    }

    private static Map<String, Object> side(String id, EqualLoudness.Side s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("integratedLufs", round(s.integratedLufs()));
        d.put("gainDb", round(s.gainDb()));
        return d;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
