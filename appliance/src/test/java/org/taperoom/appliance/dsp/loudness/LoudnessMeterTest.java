package org.taperoom.appliance.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our momentary/short-term windows against libebur128's own, at every 100 ms hop, on noise-like
 * programme with level jumps, for mono, stereo and 5.1 at 44.1 and 48 kHz; and what each costs.
 */
class LoudnessMeterTest {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static float[] programme(int rate, int channels, double seconds, long seed) {
        Random rnd = new Random(seed);
        int n = (int) (rate * seconds);
        float[] x = new float[n * channels];
        double[] lp = new double[channels];
        for (int i = 0; i < n; i++) {
            double level = Math.pow(10, (-30 + 10 * ((i / (rate / 2)) % 3)) / 20.0);
            for (int c = 0; c < channels; c++) {
                lp[c] += 0.2 * (rnd.nextGaussian() - lp[c]);
                x[i * channels + c] = (float) (level * (lp[c] + 0.3 * Math.sin(2 * Math.PI * (100 + 300 * c) * i / rate)));
            }
        }
        return x;
    }

    private record Run(List<double[]> hops, long cpuNanos) {}

    private static Run run(ChannelLayout layout, int rate, float[] x, boolean reference) {
        List<double[]> hops = new ArrayList<>();
        long t0 = CPU.getCurrentThreadCpuTime();
        try (LoudnessMeter m = new LoudnessMeter(layout, rate, true, true, reference)) {
            m.onHops((mo, st) -> hops.add(new double[] {mo, st}));
            int ch = layout.channels();
            int block = 1500;
            float[] buf = new float[block * ch];
            for (int pos = 0; pos < x.length / ch; pos += block) {
                int n = Math.min(block, x.length / ch - pos);
                System.arraycopy(x, pos * ch, buf, 0, n * ch);
                m.add(buf, n);
            }
        }
        return new Run(hops, CPU.getCurrentThreadCpuTime() - t0);
    }

    @Test
    void ourWindowsAgreeWithLibebur128AtEveryHop() {
        for (int rate : new int[] {44100, 48000}) {
            for (ChannelLayout layout : new ChannelLayout[] {ChannelLayout.MONO, ChannelLayout.STEREO, ChannelLayout.SURROUND_5_1}) {
                float[] x = programme(rate, layout.channels(), 8, rate + layout.ordinal());
                Run ours = run(layout, rate, x, false);
                Run theirs = run(layout, rate, x, true);
                assertEquals(theirs.hops().size(), ours.hops().size());
                double worst = 0;
                for (int i = 0; i < ours.hops().size(); i++) {
                    for (int k = 0; k < 2; k++) {
                        double a = ours.hops().get(i)[k];
                        double b = theirs.hops().get(i)[k];
                        if (Double.isInfinite(a) || Double.isInfinite(b)) {
                            assertEquals(b, a, layout + " hop " + i);
                        } else {
                            worst = Math.max(worst, Math.abs(a - b));
                        }
                    }
                }
                assertTrue(worst < 0.01, layout + " at " + rate + ": " + worst + " LU apart");
            }
        }
    }

    @Test
    void ourWindowsCostLessCpuThanQueryingLibebur128() {
        float[] x = programme(48000, 2, 60, 1);
        run(ChannelLayout.STEREO, 48000, x, false);
        run(ChannelLayout.STEREO, 48000, x, true);
        long ours = Long.MAX_VALUE;
        long theirs = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            ours = Math.min(ours, run(ChannelLayout.STEREO, 48000, x, false).cpuNanos());
            theirs = Math.min(theirs, run(ChannelLayout.STEREO, 48000, x, true).cpuNanos());
        }
        System.out.printf("full meter over 60 s stereo: %.0f ms CPU with our windows, %.0f ms querying libebur128%n", ours / 1e6, theirs / 1e6);
        assertTrue(ours < theirs, "ours " + ours / 1e6 + " ms, libebur128's queries " + theirs / 1e6 + " ms");
    }
}
