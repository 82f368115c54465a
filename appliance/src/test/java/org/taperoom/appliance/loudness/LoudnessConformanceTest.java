package org.taperoom.appliance.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EBU Tech 3341 (loudness, true peak) and Tech 3342 (loudness range) test signals, regenerated
 * from their published definitions (tone frequency, levels in dBFS, durations, channel set),
 * measured through {@link LoudnessMeter} and checked against the published tolerances:
 * +-0.1 LU for M/S/I, +-1 LU for LRA, +0.2/-0.4 dB for true peak.
 */
class LoudnessConformanceTest {
    private static final int RATE = 48000;

    /** A segment of a 1 kHz sine at a level in dBFS (peak), for a duration. */
    private record Part(double dbfs, double seconds) {}

    /** Interleaved tone; channel c gets the tone at {@code levels[c]} dBFS (NaN = silent). */
    private static float[] tone(double hz, List<Part> parts, double... channelOffsetsDb) {
        int ch = channelOffsetsDb.length;
        int total = 0;
        for (Part p : parts) total += (int) Math.round(p.seconds * RATE);
        float[] out = new float[total * ch];
        int i = 0;
        for (Part p : parts) {
            int n = (int) Math.round(p.seconds * RATE);
            for (int k = 0; k < n; k++, i++) {
                double s = Math.sin(2 * Math.PI * hz * i / RATE);
                for (int c = 0; c < ch; c++) {
                    if (Double.isNaN(channelOffsetsDb[c])) continue;
                    out[i * ch + c] = (float) (Math.pow(10, (p.dbfs + channelOffsetsDb[c]) / 20) * s);
                }
            }
        }
        return out;
    }

    private static LoudnessFigures measure(ChannelLayout layout, float[] interleaved) {
        try (LoudnessMeter m = new LoudnessMeter(layout, RATE)) {
            int ch = layout.channels();
            int frames = interleaved.length / ch;
            // Odd block sizes on purpose: the 100 ms meter hop must not depend on them.
            int block = 1777;
            float[] buf = new float[block * ch];
            for (int pos = 0; pos < frames; pos += block) {
                int n = Math.min(block, frames - pos);
                System.arraycopy(interleaved, pos * ch, buf, 0, n * ch);
                m.add(buf, n);
            }
            return m.figures();
        }
    }

    private static float[] stereo(Part... parts) {
        return tone(1000, List.of(parts), 0, 0);
    }

    @Test
    void tech3341Case1StereoSineAtMinus23DbfsReadsMinus23OnEveryMeter() {
        LoudnessFigures f = measure(ChannelLayout.STEREO, stereo(new Part(-23, 20)));
        assertEquals(-23.0, f.integratedLufs(), 0.1);
        assertEquals(-23.0, f.momentaryMaxLufs(), 0.1);
        assertEquals(-23.0, f.shortTermMaxLufs(), 0.1);
    }

    @Test
    void tech3341Case2StereoSineAtMinus33DbfsReadsMinus33() {
        LoudnessFigures f = measure(ChannelLayout.STEREO, stereo(new Part(-33, 20)));
        assertEquals(-33.0, f.integratedLufs(), 0.1);
        assertEquals(-33.0, f.momentaryMaxLufs(), 0.1);
        assertEquals(-33.0, f.shortTermMaxLufs(), 0.1);
    }

    @Test
    void tech3341Case3RelativeGateIgnoresTheQuietEnds() {
        LoudnessFigures f = measure(ChannelLayout.STEREO, stereo(new Part(-36, 10), new Part(-23, 60), new Part(-36, 10)));
        assertEquals(-23.0, f.integratedLufs(), 0.1);
    }

    @Test
    void tech3341Case4AbsoluteAndRelativeGatesTogether() {
        LoudnessFigures f = measure(ChannelLayout.STEREO,
                stereo(new Part(-72, 10), new Part(-36, 10), new Part(-23, 60), new Part(-36, 10), new Part(-72, 10)));
        assertEquals(-23.0, f.integratedLufs(), 0.1);
    }

    @Test
    void tech3341Case5LevelStepsIntegrateToMinus23() {
        LoudnessFigures f = measure(ChannelLayout.STEREO, stereo(new Part(-26, 20), new Part(-20, 20.1), new Part(-26, 20)));
        assertEquals(-23.0, f.integratedLufs(), 0.1);
    }

    @Test
    void tech3341Case6FiveChannelSurroundIsWeightedPerBs1770() {
        // L, R -28 dBFS; C -24 dBFS; Ls, Rs -30 dBFS (surrounds weighted +1.5 dB).
        float[] s = tone(1000, List.of(new Part(0, 20)), -28, -28, -24, -30, -30);
        assertEquals(-23.0, measure(ChannelLayout.SURROUND_5_0, s).integratedLufs(), 0.1);
    }

    @Test
    void fivePointOneIgnoresTheLfeChannel() {
        // Case 6 in the 6-channel order L R C LFE Ls Rs, with a loud LFE that must not count.
        float[] s = tone(1000, List.of(new Part(0, 20)), -28, -28, -24, -6, -30, -30);
        assertEquals(-23.0, measure(ChannelLayout.SURROUND_5_1, s).integratedLufs(), 0.1);
    }

    @Test
    void monoIsOneFrontChannel() {
        LoudnessFigures f = measure(ChannelLayout.MONO, tone(1000, List.of(new Part(-23, 10)), 0));
        assertEquals(-26.0, f.integratedLufs(), 0.1);
    }

    @Test
    void tech3342Case1LoudnessRangeOf10Lu() {
        assertEquals(10, measure(ChannelLayout.STEREO, stereo(new Part(-20, 20), new Part(-30, 20))).loudnessRangeLu(), 1);
    }

    @Test
    void tech3342Case2LoudnessRangeOf5Lu() {
        assertEquals(5, measure(ChannelLayout.STEREO, stereo(new Part(-20, 20), new Part(-15, 20))).loudnessRangeLu(), 1);
    }

    @Test
    void tech3342Case3LoudnessRangeOf20Lu() {
        assertEquals(20, measure(ChannelLayout.STEREO, stereo(new Part(-40, 20), new Part(-20, 20))).loudnessRangeLu(), 1);
    }

    @Test
    void tech3342Case4LoudnessRangeOf15Lu() {
        LoudnessFigures f = measure(ChannelLayout.STEREO,
                stereo(new Part(-50, 20), new Part(-35, 20), new Part(-20, 20), new Part(-35, 20), new Part(-50, 20)));
        assertEquals(15, f.loudnessRangeLu(), 1);
    }

    /**
     * Tech 3341 cases 15-19: a sine at fs/k with amplitude A and starting phase, true peak
     * 20 log10(A). It fades in over 20 ms: started at full level, the step at the first sample
     * makes any band-limited interpolator ring above A (libebur128 reads -5.4 dBTP for case 18
     * started abruptly), which is the onset, not the steady tone the case is about.
     */
    private static double truePeakOf(double fraction, double amplitude, double phaseDeg) {
        int n = RATE * 2;
        float[] s = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double fade = i < RATE / 50 ? 0.5 - 0.5 * Math.cos(Math.PI * i / (RATE / 50.0)) : 1;
            double v = fade * amplitude * Math.sin(2 * Math.PI * fraction * i + Math.toRadians(phaseDeg));
            s[2 * i] = (float) v;
            s[2 * i + 1] = (float) v;
        }
        return measure(ChannelLayout.STEREO, s).truePeakDbtp();
    }

    @Test
    void tech3341Cases15To19TruePeakWithinPlus02Minus04Db() {
        double[][] cases = { // fraction of fs, amplitude, phase in degrees, expected dBTP
                {0.25, 0.5, 0, -6.0}, {0.25, 0.5, 45, -6.0}, {1 / 6.0, 0.5, 60, -6.0}, {0.125, 0.5, 67.5, -6.0},
                {0.25, 1.41, 45, 3.0}};
        List<String> failures = new ArrayList<>();
        for (double[] c : cases) {
            double tp = truePeakOf(c[0], c[1], c[2]);
            if (tp > c[3] + 0.2 || tp < c[3] - 0.4) failures.add(String.format("fs*%.3f %.1f deg: %.2f dBTP, expected %.1f", c[0], c[2], tp, c[3]));
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void silenceHasNoIntegratedLoudnessNorRange() {
        LoudnessFigures f = measure(ChannelLayout.STEREO, new float[RATE * 5 * 2]);
        assertNull(f.integratedLufs());
        assertNull(f.loudnessRangeLu());
        assertNull(f.truePeakDbtp());
        assertNotNull(f.toJsonMap());
        assertTrue(f.toJsonMap().containsKey("integrated_lufs"));
    }
}
