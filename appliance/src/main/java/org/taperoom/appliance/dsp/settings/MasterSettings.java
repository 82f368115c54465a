package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * The master bus: {@code preset} ("streaming" -14, "apple" -16, "broadcast" -23, "rehearsal" -18,
 * "custom" with {@code target_lufs} -40..-5), {@code normalize} (bring the integrated loudness to
 * the target), {@code ceiling_dbtp} (-20..0, default -1: the true peak of the output never exceeds
 * it), {@code eq} ({@link EqSettings}), {@code glue} ({@link CompressorSettings}, stereo-linked),
 * {@code limiter} ({@code lookahead_ms} 1..20, {@code release_ms} 10..1000), {@code max_limiting_db}
 * (0..20: how far past the ceiling normalisation may push into the limiter before it stops short
 * of the target and says so).
 */
public record MasterSettings(Preset preset, double targetLufs, boolean normalize, double ceilingDbtp, EqSettings eq,
                             CompressorSettings glue, double lookaheadMs, double releaseMs, double maxLimitingDb) {
    public static final MasterSettings DEFAULT = new MasterSettings(Preset.STREAMING, Preset.STREAMING.targetLufs, true, -1,
            EqSettings.FLAT, CompressorSettings.GLUE_DEFAULT, 5, 80, 6);

    static MasterSettings parse(Fields f) throws SettingsException {
        String presetName = f.choice("preset", DEFAULT.preset.jsonName(),
                Arrays.stream(Preset.values()).map(Preset::jsonName).toList());
        Preset preset = Preset.valueOf(presetName.toUpperCase(java.util.Locale.ROOT));
        double target = preset.targetLufs;
        if (preset == Preset.CUSTOM) {
            if (!f.has("target_lufs")) throw new SettingsException(f.key("target_lufs") + ": required with preset custom (-40 to -5)");
            target = f.number("target_lufs", 0, -40, -5);
        } else if (f.has("target_lufs")) {
            throw new SettingsException(f.key("target_lufs") + ": only with \"preset\": \"custom\" (preset " + presetName + " means " + Fields.fmt(target) + " LUFS)");
        }
        boolean normalize = f.bool("normalize", DEFAULT.normalize);
        double ceiling = f.number("ceiling_dbtp", DEFAULT.ceilingDbtp, -20, 0);
        EqSettings eq = EqSettings.parse(f.object("eq"), DEFAULT.eq);
        CompressorSettings glue = CompressorSettings.parse(f.object("glue"), DEFAULT.glue);
        Fields lim = f.object("limiter");
        double look = lim.number("lookahead_ms", DEFAULT.lookaheadMs, 1, 20);
        double rel = lim.number("release_ms", DEFAULT.releaseMs, 10, 1000);
        lim.finish();
        double maxLimiting = f.number("max_limiting_db", DEFAULT.maxLimitingDb, 0, 20);
        f.finish();
        return new MasterSettings(preset, target, normalize, ceiling, eq, glue, look, rel, maxLimiting);
    }

    public MasterSettings withPreset(Preset p, double target) {
        return new MasterSettings(p, target, normalize, ceilingDbtp, eq, glue, lookaheadMs, releaseMs, maxLimitingDb);
    }

    public MasterSettings withNormalize(boolean on) {
        return new MasterSettings(preset, targetLufs, on, ceilingDbtp, eq, glue, lookaheadMs, releaseMs, maxLimitingDb);
    }

    void write(ObjectNode n) {
        n.put("preset", preset.jsonName());
        if (preset == Preset.CUSTOM) n.put("target_lufs", targetLufs);
        n.put("normalize", normalize);
        n.put("ceiling_dbtp", ceilingDbtp);
        eq.write(n.putObject("eq"));
        glue.write(n.putObject("glue"));
        ObjectNode lim = n.putObject("limiter");
        lim.put("lookahead_ms", lookaheadMs);
        lim.put("release_ms", releaseMs);
        n.put("max_limiting_db", maxLimitingDb);
    }
}
