package org.taperoom.appliance.dsp.master;

/**
 * A 4x interpolator flat to 20 kHz at 48 kHz (24 taps, Kaiser-windowed sinc, beta 7: within 0.03
 * dB for every phase), for the limiter only: closer to an ideal reconstruction than libebur128's
 * (whose Hann-windowed filter attenuates the top octave), so it finds the inter-sample peaks of
 * bright material that a resampling meter like ffmpeg's reads and libebur128 reads lower. Each
 * point is summed in float, tap by tap.
 *
 * <p>Immutable; safe to share between threads.
 */
final class WidebandInterpolator {
    static final int TAPS = 24;
    private static final int HALF = TAPS / 2;
    /** The farthest frame, either side, that a frame's points read. */
    static final int REACH = HALF;
    /** PHASES[p][j]: weight of frame n - HALF + 1 + j for the point n + (p + 1) / 4. */
    static final float[][] PHASES = new float[3][TAPS];

    static {
        double beta = 7.0;
        for (int p = 0; p < 3; p++) {
            double frac = (p + 1) / 4.0;
            double[] h = new double[TAPS];
            double sum = 0;
            for (int j = 0; j < TAPS; j++) {
                double t = frac - (j - HALF + 1);
                double sinc = Math.PI * t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
                double u = t / (HALF + 0.5);
                double w = Math.abs(u) >= 1 ? 0 : bessel0(beta * Math.sqrt(1 - u * u)) / bessel0(beta);
                h[j] = sinc * w;
                sum += h[j];
            }
            for (int j = 0; j < TAPS; j++) PHASES[p][j] = (float) (h[j] / sum);
        }
    }

    private WidebandInterpolator() {}

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    /** Scratch arrays for one thread's calls of {@link #raise}. */
    static final class Scratch {
        final float[] shifted = new float[TruePeakEnvelope.BLOCK];
        final float[] acc0 = new float[TruePeakEnvelope.BLOCK];
        final float[] acc1 = new float[TruePeakEnvelope.BLOCK];
        final float[] acc2 = new float[TruePeakEnvelope.BLOCK];
    }

    /**
     * Raises {@code env[start .. start + n)} to the magnitude of the interpolated points of
     * {@code x} (a signal of {@code frames} frames, zeros outside) at those frames: tap by tap,
     * the signal shifted by the tap copied into a scratch array and multiplied into the three
     * phases' accumulators at equal indices (SIMD, see {@link TruePeakEnvelope#multiplyAdd}).
     */
    static void raise(float[] x, int frames, int start, int n, float[] env, Scratch s) {
        java.util.Arrays.fill(s.acc0, 0, n, 0f);
        java.util.Arrays.fill(s.acc1, 0, n, 0f);
        java.util.Arrays.fill(s.acc2, 0, n, 0f);
        int first = start - HALF + 1;
        for (int j = 0; j < TAPS; j++) {
            int off = first + j;
            int lo = Math.max(0, -off);
            int hi = Math.min(n, frames - off);
            // Near either end of the signal a tap reads zeros: adding h * 0 leaves the sum's magnitude as it was.
            if (lo > 0 || hi < n) java.util.Arrays.fill(s.shifted, 0, n, 0f);
            if (hi > lo) System.arraycopy(x, off + lo, s.shifted, lo, hi - lo);
            multiplyAdd3(s.acc0, s.acc1, s.acc2, PHASES[0][j], PHASES[1][j], PHASES[2][j], s.shifted, n);
        }
        // Branch-free (Math.max): a data-dependent store would keep the loop scalar and mispredicted.
        for (int i = 0; i < n; i++) {
            env[start + i] = Math.max(env[start + i], Math.max(Math.abs(s.acc0[i]), Math.max(Math.abs(s.acc1[i]), Math.abs(s.acc2[i]))));
        }
    }

    /** {@code a0[i] += h0 * s[i]}, and the same for a1 and a2: equal indices, so SIMD. */
    private static void multiplyAdd3(float[] a0, float[] a1, float[] a2, float h0, float h1, float h2, float[] s, int n) {
        for (int i = 0; i < n; i++) {
            float x = s[i];
            a0[i] += h0 * x;
            a1[i] += h1 * x;
            a2[i] += h2 * x;
        }
    }
}
