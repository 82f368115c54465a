package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mix: {@code tempo_bpm} (20..300, for tempo-synced delay), {@code tracks} (an object whose
 * keys are track names as in {@code NN-<name>.wav}, or the file's stem {@code NN-<name>}; values
 * {@link TrackSettings}; tracks not named get the defaults), {@code reverb}, {@code delay}.
 */
public record MixSettings(double tempoBpm, Map<String, TrackSettings> tracks, ReverbSettings reverb, DelaySettings delay) {
    public static final MixSettings DEFAULT = new MixSettings(120, Map.of(), ReverbSettings.DEFAULT, DelaySettings.DEFAULT);

    static MixSettings parse(Fields f) throws SettingsException {
        double tempo = f.number("tempo_bpm", DEFAULT.tempoBpm, 20, 300);
        Fields t = f.object("tracks");
        Map<String, TrackSettings> tracks = new LinkedHashMap<>();
        for (String name : t.keys()) tracks.put(name, TrackSettings.parse(t.object(name), TrackSettings.DEFAULT));
        MixSettings m = new MixSettings(tempo, Collections.unmodifiableMap(tracks),
                ReverbSettings.parse(f.object("reverb"), ReverbSettings.DEFAULT),
                DelaySettings.parse(f.object("delay"), DelaySettings.DEFAULT));
        f.finish();
        return m;
    }

    /** The settings for a track file stem {@code NN-name}: by name, then by stem, else defaults. */
    public TrackSettings track(String stem, String name) {
        TrackSettings s = tracks.get(name);
        if (s == null) s = tracks.get(stem);
        return s != null ? s : TrackSettings.DEFAULT;
    }

    public MixSettings withTracks(Map<String, TrackSettings> t) {
        return new MixSettings(tempoBpm, Map.copyOf(t), reverb, delay);
    }

    void write(ObjectNode n) {
        n.put("tempo_bpm", tempoBpm);
        ObjectNode t = n.putObject("tracks");
        for (Map.Entry<String, TrackSettings> e : tracks.entrySet()) e.getValue().write(t.putObject(e.getKey()));
        reverb.write(n.putObject("reverb"));
        delay.write(n.putObject("delay"));
    }
}
