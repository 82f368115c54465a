package org.taperoom.appliance.dsp.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The render's true-peak envelope (which the limiter, the "before" and the "after" figures use)
 * against EBU Tech 3341 cases 15-19 with the published tolerance, +0.2/-0.4 dB, and against its
 * own point-by-point definition; {@link TruePeakTrackerTest} holds it to libebur128's readings.
 */
class TruePeakEnvelopeTest {
    private static final int RATE = 48000;

    private static double truePeakDb(double fraction, double amplitude, double phaseDeg, boolean wideband) {
        int n = RATE;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // 20 ms fades in and out, as in LoudnessConformanceTest: a step at either end rings in
            // any band-limited interpolator, which is not what the case tests.
            int edge = Math.min(i, n - 1 - i);
            double fade = edge < RATE / 50 ? 0.5 - 0.5 * Math.cos(Math.PI * edge / (RATE / 50.0)) : 1;
            x[i] = (float) (fade * amplitude * Math.sin(2 * Math.PI * fraction * i + Math.toRadians(phaseDeg)));
        }
        float[] env = new float[n];
        float reference = TruePeakEnvelope.forRate(RATE).compute(x, x, n, env, 0, n);
        float max = 0;
        for (float v : env) max = Math.max(max, v);
        // What the figures report (libebur128's reading) and what the limiter sees must both pass.
        return 20 * Math.log10(wideband ? max : reference);
    }

    @Test
    void tech3341Cases15To19AreWithinPlus02Minus04Db() {
        double[][] cases = {{0.25, 0.5, 0, -6.0}, {0.25, 0.5, 45, -6.0}, {1 / 6.0, 0.5, 60, -6.0}, {0.125, 0.5, 67.5, -6.0},
                {0.25, 1.41, 45, 3.0}};
        List<String> failures = new ArrayList<>();
        for (double[] c : cases) {
            for (boolean wideband : new boolean[] {false, true}) {
                double tp = truePeakDb(c[0], c[1], c[2], wideband);
                String which = wideband ? "limiter's envelope" : "libebur128's reading";
                System.out.printf("%s fs*%.3f %.1f deg: %.3f dBTP (expected %.1f)%n", which, c[0], c[2], tp, c[3]);
                if (tp > c[3] + 0.2 || tp < c[3] - 0.4) failures.add(String.format("%s fs*%.3f %.1f deg: %.2f dBTP", which, c[0], c[2], tp));
            }
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void anInterSamplePeakAboveEverySampleIsFound() {
        // fs/4 at 45 degrees: every sample is at 0.707 of the peak, the envelope must see the peak.
        double tp = truePeakDb(0.25, 1.0, 45, false);
        assertTrue(tp > -0.2, "found " + tp + " dBTP; the samples alone say -3.0");
    }

    @Test
    void theBlockedFiltersGiveTheBitsOfTheirPointByPointDefinitions() {
        // The limiter works on this envelope, so the vectorised filters must not change a single
        // value: every frame against both definitions, at 4x and 2x, over a range split unevenly.
        for (int rate : new int[] {48000, 96000}) {
            TruePeakEnvelope e = TruePeakEnvelope.forRate(rate);
            ReferenceInterpolator ref = e.reference();
            Random random = new Random(5);
            int n = 10_000;
            float[] left = new float[n];
            float[] right = new float[n];
            for (int i = 0; i < n; i++) {
                left[i] = (float) (random.nextGaussian() * 0.3);
                right[i] = (float) (random.nextGaussian() * 0.3);
            }
            float[] env = new float[n];
            float reference = Math.max(e.compute(left, right, n, env, 0, 3333), e.compute(left, right, n, env, 3333, n));
            float referenceExpected = 0;
            for (int i = 0; i < n; i++) {
                float sample = Math.max(Math.abs(left[i]), Math.abs(right[i]));
                float ours = sample;
                float wide = 0;
                for (float[] x : new float[][] {left, right}) {
                    for (int f = 1; f < ref.factor(); f++) ours = Math.max(ours, Math.abs(ref.point(x, n, i, f)));
                    if (i == 0) {
                        for (int before = -TruePeakEnvelope.REACH; before < 0; before++) {
                            for (int f = 1; f < ref.factor(); f++) ours = Math.max(ours, Math.abs(ref.point(x, n, before, f)));
                        }
                    }
                    for (float[] h : WidebandInterpolator.PHASES) {
                        float acc = 0;
                        for (int j = 0; j < WidebandInterpolator.TAPS; j++) {
                            int k = i - WidebandInterpolator.TAPS / 2 + 1 + j;
                            acc += h[j] * (k >= 0 && k < n ? x[k] : 0f);
                        }
                        wide = Math.max(wide, Math.abs(acc));
                    }
                }
                referenceExpected = Math.max(referenceExpected, ours);
                assertEquals(Math.max(ours, wide), env[i], 0f, rate + " Hz frame " + i);
            }
            assertEquals(referenceExpected, reference, 0f, rate + " Hz: libebur128's reading");
        }
    }

    @Test
    void itOversamplesLikeLibebur128ByRate() {
        assertEquals(4, TruePeakEnvelope.forRate(44100).factor());
        assertEquals(4, TruePeakEnvelope.forRate(48000).factor());
        assertEquals(2, TruePeakEnvelope.forRate(96000).factor());
        assertEquals(1, TruePeakEnvelope.forRate(192000).factor());
    }
}
