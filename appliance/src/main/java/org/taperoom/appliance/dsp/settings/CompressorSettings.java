package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Feed-forward compressor: {@code on}, {@code threshold_db} (-60..0), {@code ratio} (1..20),
 * {@code knee_db} (0..24, soft knee width), {@code attack_ms} (0.1..500), {@code release_ms}
 * (5..5000), {@code makeup_db} (-12..24), {@code detection} ("rms" or "peak").
 */
public record CompressorSettings(boolean on, double thresholdDb, double ratio, double kneeDb, double attackMs,
                                 double releaseMs, double makeupDb, boolean rms) {
    public static final CompressorSettings TRACK_DEFAULT = new CompressorSettings(false, -18, 3, 6, 10, 120, 0, true);
    public static final CompressorSettings GLUE_DEFAULT = new CompressorSettings(false, -12, 2, 6, 30, 200, 0, true);

    static CompressorSettings parse(Fields f, CompressorSettings d) throws SettingsException {
        CompressorSettings c = new CompressorSettings(
                f.bool("on", d.on),
                f.number("threshold_db", d.thresholdDb, -60, 0),
                f.number("ratio", d.ratio, 1, 20),
                f.number("knee_db", d.kneeDb, 0, 24),
                f.number("attack_ms", d.attackMs, 0.1, 500),
                f.number("release_ms", d.releaseMs, 5, 5000),
                f.number("makeup_db", d.makeupDb, -12, 24),
                f.choice("detection", d.rms ? "rms" : "peak", List.of("rms", "peak")).equals("rms"));
        f.finish();
        return c;
    }

    void write(ObjectNode n) {
        n.put("on", on);
        n.put("threshold_db", thresholdDb);
        n.put("ratio", ratio);
        n.put("knee_db", kneeDb);
        n.put("attack_ms", attackMs);
        n.put("release_ms", releaseMs);
        n.put("makeup_db", makeupDb);
        n.put("detection", rms ? "rms" : "peak");
    }
}
