package org.taperoom.appliance.dsp.loudness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a loudness measurement found. A {@code null} figure is undefined (the integrated loudness
 * of silence, the loudness range of less than one gated short-term block).
 *
 * @param integratedLufs   gated programme loudness (BS.1770-4), LUFS
 * @param loudnessRangeLu  EBU Tech 3342 loudness range, LU
 * @param truePeakDbtp     maximum 4x-oversampled peak over all channels, dBTP
 * @param samplePeakDbfs   maximum absolute sample over all channels, dBFS
 * @param momentaryMaxLufs highest 400 ms loudness, sampled every 100 ms
 * @param shortTermMaxLufs highest 3 s loudness, sampled every 100 ms
 * @param durationSeconds  length of the measured signal
 */
public record LoudnessFigures(Double integratedLufs, Double loudnessRangeLu, Double truePeakDbtp, Double samplePeakDbfs,
                              Double momentaryMaxLufs, Double shortTermMaxLufs, double durationSeconds) {

    /** These figures with another true peak (linear), e.g. from the render's own oversampling. */
    public LoudnessFigures withTruePeak(double linear) {
        return new LoudnessFigures(integratedLufs, loudnessRangeLu, linear > 0 ? 20 * Math.log10(linear) : null, samplePeakDbfs,
                momentaryMaxLufs, shortTermMaxLufs, durationSeconds);
    }

    /** The figures under the keys {@code taperoom analyze --json} prints (part of the contract). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("integrated_lufs", round(integratedLufs));
        m.put("loudness_range_lu", round(loudnessRangeLu));
        m.put("true_peak_dbtp", round(truePeakDbtp));
        m.put("sample_peak_dbfs", round(samplePeakDbfs));
        m.put("momentary_max_lufs", round(momentaryMaxLufs));
        m.put("short_term_max_lufs", round(shortTermMaxLufs));
        m.put("duration_seconds", Math.round(durationSeconds * 1000) / 1000.0);
        return m;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }
}
