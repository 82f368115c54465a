package org.taperoom.appliance.dsp.loudness;

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
 *
 * <p>Not here, because they are not synthetic: Tech 3341 cases 7 and 8 and Tech 3342 cases 5 and
 * 6 are authentic programme material (film soundtracks the EBU ships as files, not a recipe), and
 * may not be redistributed in this repository. Tech 3341 cases 20-23 (true peak, expected
 * 0.0 dBTP) are published as files too; their text gives no recipe we could regenerate them from.
 * {@link EbuTestSetTest} runs all of those from the EBU's files where they are given.
 * Cases 10, 11, 13 and 14 state the expected readings but leave the bursts' exact positions to
 * the files; here each burst is placed at offsets that sweep every alignment to the meter's
 * 100 ms update grid, which is what those cases exist to exercise.
 */
class LoudnessConformanceTest {
    private static final int RATE = 48000;
    private static final double SILENT = Double.NEGATIVE_INFINITY;

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

    /** Stereo 1 kHz bursts: {@code repeats} times (loudDb for loudSeconds, then quietDb for quietSeconds). */
    private static float[] alternating(double loudDb, double loudSeconds, double quietDb, double quietSeconds, int repeats) {
        List<Part> parts = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            parts.add(new Part(loudDb, loudSeconds));
            parts.add(new Part(quietDb, quietSeconds));
        }
        return stereo(parts.toArray(Part[]::new));
    }

    /** The meter's 100 ms readings of {@code x}: {momentary, short-term, seconds of input}. */
    private static List<double[]> hops(float[] x) {
        List<double[]> hops = new ArrayList<>();
        try (LoudnessMeter m = new LoudnessMeter(ChannelLayout.STEREO, RATE)) {
            m.onHops((mo, st) -> hops.add(new double[] {mo, st, (hops.size() + 1) / 10.0}));
            m.add(x, x.length / 2);
        }
        return hops;
    }

    @Test
    void tech3341Case9ShortTermStaysAtMinus23AfterThreeSeconds() {
        // 1.34 s at -20 dBFS and 1.66 s at -30 dBFS, five times: every 3 s window holds one of each.
        List<String> off = new ArrayList<>();
        for (double[] h : hops(alternating(-20, 1.34, -30, 1.66, 5))) {
            if (h[2] >= 3.0 && Math.abs(h[1] + 23) > 0.1) off.add(String.format("S %.2f at %.1f s", h[1], h[2]));
        }
        assertTrue(off.isEmpty(), String.join("; ", off));
    }

    @Test
    void tech3341Case10ShortTermMaximumOfA3SecondBurstWhereverItStarts() {
        List<String> off = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            double startSeconds = 0.5 + k * 0.005 + (k % 4) * 0.1; // 20 starts, 5 ms apart modulo the 100 ms grid
            double s = measure(ChannelLayout.STEREO, stereo(new Part(SILENT, startSeconds), new Part(-23, 3), new Part(SILENT, 1)))
                    .shortTermMaxLufs();
            if (Math.abs(s + 23) > 0.1) off.add(String.format("start %.3f s: max S %.2f", startSeconds, s));
        }
        assertTrue(off.isEmpty(), String.join("; ", off));
    }

    @Test
    void tech3341Case11SuccessiveShortTermMaximaFromMinus38ToMinus19() {
        // Twenty 6 s segments, each a 3 s burst at -38, -37, ... -19 dBFS and silence; the bursts'
        // starts drift by 13 ms per segment against the 100 ms grid. Levels rise, so the running
        // maximum at the end of a segment is that segment's own.
        List<String> off = new ArrayList<>();
        try (LoudnessMeter m = new LoudnessMeter(ChannelLayout.STEREO, RATE)) {
            for (int i = 0; i < 20; i++) {
                double lead = 0.013 * i;
                float[] segment = stereo(new Part(SILENT, lead), new Part(-38 + i, 3), new Part(SILENT, 3 - lead));
                m.add(segment, segment.length / 2);
                double s = m.figures().shortTermMaxLufs();
                if (Math.abs(s - (-38 + i)) > 0.1) off.add(String.format("segment %d: max S %.2f, expected %d", i + 1, s, -38 + i));
            }
        }
        assertTrue(off.isEmpty(), String.join("; ", off));
    }

    @Test
    void tech3341Case12MomentaryStaysAtMinus23AfterOneSecond() {
        // 0.18 s at -20 dBFS and 0.22 s at -30 dBFS, 25 times: every 400 ms window holds one of each.
        List<String> off = new ArrayList<>();
        for (double[] h : hops(alternating(-20, 0.18, -30, 0.22, 25))) {
            if (h[2] >= 1.0 && Math.abs(h[0] + 23) > 0.1) off.add(String.format("M %.2f at %.1f s", h[0], h[2]));
        }
        assertTrue(off.isEmpty(), String.join("; ", off));
    }

    @Test
    void tech3341Case13MomentaryMaximumOfA400MsBurstWhereverItStarts() {
        // A 400 ms burst fills one 400 ms window exactly; the 20 starts, 20 ms apart, put it
        // between the 100 ms updates, where a meter that only looks at updates reads it 0.2-0.6 LU low.
        List<String> off = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            double startSeconds = 0.5 + k * 0.02;
            double mo = measure(ChannelLayout.STEREO, stereo(new Part(SILENT, startSeconds), new Part(-23, 0.4), new Part(SILENT, 1)))
                    .momentaryMaxLufs();
            if (Math.abs(mo + 23) > 0.1) off.add(String.format("start %.3f s: max M %.2f", startSeconds, mo));
        }
        assertTrue(off.isEmpty(), String.join("; ", off));
    }

    @Test
    void tech3341Case14SuccessiveMomentaryMaximaFromMinus38ToMinus19() {
        // Twenty 800 ms segments, each a 400 ms burst at -38 ... -19 dBFS and silence, drifting 7 ms per segment.
        List<String> off = new ArrayList<>();
        try (LoudnessMeter m = new LoudnessMeter(ChannelLayout.STEREO, RATE)) {
            for (int i = 0; i < 20; i++) {
                double lead = 0.007 * i;
                float[] segment = stereo(new Part(SILENT, lead), new Part(-38 + i, 0.4), new Part(SILENT, 0.4 - lead));
                m.add(segment, segment.length / 2);
                double mo = m.figures().momentaryMaxLufs();
                if (Math.abs(mo - (-38 + i)) > 0.1) off.add(String.format("segment %d: max M %.2f, expected %d", i + 1, mo, -38 + i));
            }
        }
        assertTrue(off.isEmpty(), String.join("; ", off));
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
