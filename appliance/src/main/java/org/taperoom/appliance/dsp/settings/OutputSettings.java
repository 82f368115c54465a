package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code sample_format}: "s16", "s24" or "f32" (f32 only for WAV) for WAV and FLAC;
 * {@code quality}: 0 (best) .. 1 (smallest) for MP3 and Opus; {@code tail_seconds}: extra time
 * rendered after the last sample so reverb and delay ring out (0..30, default: automatic).
 */
public record OutputSettings(String sampleFormat, double quality, Double tailSeconds) {
    public static final OutputSettings DEFAULT = new OutputSettings("s24", 0.2, null);

    static OutputSettings parse(Fields f) throws SettingsException {
        OutputSettings o = new OutputSettings(f.choice("sample_format", DEFAULT.sampleFormat, List.of("s16", "s24", "f32")),
                f.number("quality", DEFAULT.quality, 0, 1),
                f.has("tail_seconds") ? f.number("tail_seconds", 0, 0, 30) : null);
        f.finish();
        return o;
    }

    public int bits() {
        return switch (sampleFormat) {
            case "s16" -> 16;
            case "s24" -> 24;
            default -> 32;
        };
    }

    void write(ObjectNode n) {
        n.put("sample_format", sampleFormat);
        n.put("quality", quality);
        if (tailSeconds != null) n.put("tail_seconds", tailSeconds);
    }
}
