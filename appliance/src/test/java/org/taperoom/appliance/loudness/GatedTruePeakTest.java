package org.taperoom.appliance.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The output's gated true-peak check against libebur128 over every frame: the same value whenever
 * the true peak is above the check level, on material made to tempt a gate (decaying clicks like
 * MasterGuaranteesTest's, inter-sample peaks whose samples are all lower, loud bursts in quiet
 * noise), fed in awkward block sizes, at 48 and 96 kHz.
 */
class GatedTruePeakTest {

    private static List<float[]> material(int rate) {
        List<float[]> signals = new ArrayList<>();
        Random rnd = new Random(3);
        int n = rate * 6;
        float[] clicks = new float[2 * n];
        for (int start = 0; start + 240 < n; start += rate / 3) {
            for (int i = 0; i < 240; i++) {
                double v = (rnd.nextDouble() * 2 - 1) * 0.9 * Math.exp(-i / 40.0);
                clicks[2 * (start + i)] = (float) v;
                clicks[2 * (start + i) + 1] = (float) -v;
            }
        }
        signals.add(clicks);
        // fs/4 at 45 degrees in short bursts: every sample at 0.707 of the peak between them.
        float[] interSample = new float[2 * n];
        for (int start = 100; start + 64 < n; start += 5000 + rnd.nextInt(3000)) {
            for (int i = 0; i < 64; i++) interSample[2 * (start + i) + 1] = (float) Math.sin(Math.PI / 2 * i + Math.PI / 4);
        }
        signals.add(interSample);
        float[] bursts = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double env = (i / 4800) % 7 == 0 ? 0.8 : 0.05;
            bursts[2 * i] = (float) (env * (rnd.nextDouble() * 2 - 1));
            bursts[2 * i + 1] = (float) (env * Math.sin(i * 0.31));
        }
        signals.add(bursts);
        return signals;
    }

    private static double full(float[] x, int rate) {
        try (TruePeakMeter m = new TruePeakMeter(ChannelLayout.STEREO, rate)) {
            m.add(x, x.length / 2);
            return m.truePeak();
        }
    }

    /** Feeds {@code x} in blocks of varying size, shorter than the gate's reach among them. */
    private static double[] gated(float[] x, int rate, double level) {
        Random sizes = new Random(7);
        try (GatedTruePeak g = new GatedTruePeak(ChannelLayout.STEREO, rate, level)) {
            int frames = x.length / 2;
            for (int pos = 0; pos < frames; ) {
                int n = Math.min(frames - pos, 1 + sizes.nextInt(5000));
                float[] block = new float[2 * n];
                System.arraycopy(x, 2 * pos, block, 0, 2 * n);
                g.add(block, n);
                pos += n;
            }
            return new double[] {g.finish(), g.fedFrames()};
        }
    }

    @Test
    void aboveItsLevelTheGatedTruePeakIsLibebur128sExactly() {
        for (int rate : new int[] {48000, 96000}) {
            int s = 0;
            for (float[] x : material(rate)) {
                double reference = full(x, rate);
                for (double below : new double[] {0.05, 0.5, 3}) {
                    double level = reference * Math.pow(10, -below / 20);
                    double[] g = gated(x, rate, level);
                    System.out.printf("%d Hz signal %d, level %.2f dB under its true peak: %.1f%% of frames oversampled%n",
                            rate, s, below, 100 * g[1] / (x.length / 2.0));
                    assertEquals(reference, g[0], 0.0, rate + " Hz signal " + s + " level -" + below + " dB");
                    if (s < 2 && below < 1) assertTrue(g[1] < x.length / 4.0, "sparse peaks leave most frames unread: " + g[1]);
                }
                s++;
            }
        }
    }

    @Test
    void atOrBelowItsLevelItSaysItDoesNotKnowRatherThanReadLow() {
        for (float[] x : material(48000)) {
            double reference = full(x, 48000);
            double g = gated(x, 48000, reference * 1.2)[0];
            assertTrue(Double.isNaN(g) || g == reference, "either unknown or exact: " + g + " vs " + reference);
        }
    }
}
