package org.taperoom.appliance.song;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.TrackSettings;

/**
 * A song: lanes of passes on one timeline (frames at {@code rateHz}), what a musician needs to
 * play along (tempo, time signature, key, sections, markers) and its mix and master. Immutable:
 * every change makes a new song, which {@link SongLibrary#save} writes.
 *
 * @param id            the song's folder name under {@code <library>/songs/}
 * @param timeSignature {@code beats/unit}, e.g. {@code 4/4} or {@code 6/8}
 * @param key           free text ("E minor"); empty when not set
 * @param mix           the mix; its {@code tracks} are keyed by lane name
 * @param punchCrossfadeMs how long a pass fades over its lane's earlier pass where it starts or
 *                      ends inside it (a punch's boundaries), 0 to {@value #MAX_PUNCH_CROSSFADE_MS};
 *                      0 is a butt splice
 */
public record Song(String id, String title, int rateHz, double tempoBpm, String timeSignature, String key,
                   List<Section> sections, List<Marker> markers, List<Lane> lanes, MixSettings mix, MasterSettings master,
                   double punchCrossfadeMs) {
    /** A punch's boundaries crossfade this long unless the song says otherwise. */
    public static final double DEFAULT_PUNCH_CROSSFADE_MS = 5;
    /** The longest crossfade a song may ask for. */
    public static final double MAX_PUNCH_CROSSFADE_MS = 100;

    /** A named part of the song starting at a frame. */
    public record Section(String name, long frame) {}

    /** A labelled position. */
    public record Marker(String label, long frame) {}

    public Song {
        sections = List.copyOf(sections);
        markers = List.copyOf(markers);
        lanes = List.copyOf(lanes);
        if (!timeSignature.matches("[1-9][0-9]?/(1|2|4|8|16|32)")) {
            throw new IllegalArgumentException("time signature \"" + timeSignature + "\" should be beats/unit, such as 4/4 or 6/8");
        }
        if (!(punchCrossfadeMs >= 0 && punchCrossfadeMs <= MAX_PUNCH_CROSSFADE_MS)) {
            throw new IllegalArgumentException("punch crossfade " + punchCrossfadeMs + " ms is outside 0 to " + MAX_PUNCH_CROSSFADE_MS);
        }
        if (!(tempoBpm >= 20 && tempoBpm <= 300)) throw new IllegalArgumentException("tempo " + tempoBpm + " bpm is outside 20 to 300");
        List<String> names = new ArrayList<>();
        for (Lane l : lanes) {
            if (names.contains(l.name())) throw new IllegalArgumentException("two lanes are named " + l.name() + "; lane names are unique");
            names.add(l.name());
        }
    }

    public Lane lane(String name) {
        for (Lane l : lanes) if (l.name().equals(name)) return l;
        throw new NoSuchElementException("no lane " + name + " in song " + id + "; lanes: "
                + String.join(", ", lanes.stream().map(Lane::name).toList()));
    }

    /** This song with {@code lane} in place of the lane of the same name, or added at the end. */
    public Song withLane(Lane lane) {
        List<Lane> out = new ArrayList<>(lanes);
        int at = -1;
        for (int i = 0; i < out.size(); i++) if (out.get(i).name().equals(lane.name())) at = i;
        if (at >= 0) out.set(at, lane);
        else out.add(lane);
        return new Song(id, title, rateHz, tempoBpm, timeSignature, key, sections, markers, out, mix, master, punchCrossfadeMs);
    }

    /** Comping: the lane {@code laneName} plays its pass number {@code index} (0-based). */
    public Song withActivePass(String laneName, int index) {
        return withLane(lane(laneName).withActive(index));
    }

    public Song withMix(MixSettings m) {
        return new Song(id, title, rateHz, tempoBpm, timeSignature, key, sections, markers, lanes, m, master, punchCrossfadeMs);
    }

    public Song withMaster(MasterSettings m) {
        return new Song(id, title, rateHz, tempoBpm, timeSignature, key, sections, markers, lanes, mix, m, punchCrossfadeMs);
    }

    public Song withTempo(double bpm, String signature) {
        return new Song(id, title, rateHz, bpm, signature, key, sections, markers, lanes, mix, master, punchCrossfadeMs);
    }

    public Song withSections(List<Section> s) {
        return new Song(id, title, rateHz, tempoBpm, timeSignature, key, s, markers, lanes, mix, master, punchCrossfadeMs);
    }

    public Song withMarkers(List<Marker> m) {
        return new Song(id, title, rateHz, tempoBpm, timeSignature, key, sections, m, lanes, mix, master, punchCrossfadeMs);
    }

    public Song withKey(String k) {
        return new Song(id, title, rateHz, tempoBpm, timeSignature, k, sections, markers, lanes, mix, master, punchCrossfadeMs);
    }

    public Song withPunchCrossfadeMs(double ms) {
        return new Song(id, title, rateHz, tempoBpm, timeSignature, key, sections, markers, lanes, mix, master, ms);
    }

    /** The punch crossfade in frames at the song's rate. */
    public int punchCrossfadeFrames() {
        return (int) Math.round(punchCrossfadeMs * rateHz / 1000.0);
    }

    /** Mutes or unmutes a lane (its strip in the mix). */
    public Song withMute(String laneName, boolean mute) {
        TrackSettings t = strip(laneName);
        return withStrip(laneName, new TrackSettings(t.trimDb(), t.faderDb(), t.pan(), mute, t.solo(), t.polarityInverted(), t.eq(),
                t.compressor(), t.reverbSendDb(), t.delaySendDb()));
    }

    /** Solos or unsolos a lane (its strip in the mix). */
    public Song withSolo(String laneName, boolean solo) {
        TrackSettings t = strip(laneName);
        return withStrip(laneName, new TrackSettings(t.trimDb(), t.faderDb(), t.pan(), t.mute(), solo, t.polarityInverted(), t.eq(),
                t.compressor(), t.reverbSendDb(), t.delaySendDb()));
    }

    /** The lane's strip settings (defaults when the mix does not name it). */
    public TrackSettings strip(String laneName) {
        lane(laneName);
        return mix.tracks().getOrDefault(laneName, TrackSettings.DEFAULT);
    }

    public Song withStrip(String laneName, TrackSettings strip) {
        lane(laneName);
        Map<String, TrackSettings> tracks = new LinkedHashMap<>(mix.tracks());
        tracks.put(laneName, strip);
        return withMix(mix.withTracks(tracks));
    }
}
