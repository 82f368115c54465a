package org.taperoom.appliance.master;

/**
 * Per-frame true peak of a stereo signal (ITU-R BS.1770-4 Annex 2: 4x oversampling): for frame
 * n, the largest absolute value of either channel at n, n+1/4, n+2/4 and n+3/4, the in-between
 * values interpolated by a Kaiser-windowed sinc of {@link #TAPS} taps. The limiter reads it
 * instead of the samples, so inter-sample peaks are limited too.
 *
 * <p>Stateless; {@link #compute} may run on several threads over disjoint ranges.
 */
public final class TruePeakEnvelope {
    /** A multiple of 8 ({@link #multiplyAdd8}). */
    public static final int TAPS = 24;
    private static final int HALF = TAPS / 2;
    /** PHASES[p][j]: weight of sample n - HALF + 1 + j for the point n + (p + 1) / 4. */
    private static final double[][] PHASES = new double[3][TAPS];

    static {
        // 24 taps, Kaiser beta 7: within 0.03 dB of flat up to 20 kHz at 48 kHz for every phase.
        double beta = 7.0;
        for (int p = 0; p < 3; p++) {
            double frac = (p + 1) / 4.0;
            double sum = 0;
            for (int j = 0; j < TAPS; j++) {
                double t = frac - (j - HALF + 1);
                double sinc = Math.PI * t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
                double u = t / (HALF + 0.5);
                double w = Math.abs(u) >= 1 ? 0 : bessel0(beta * Math.sqrt(1 - u * u)) / bessel0(beta);
                PHASES[p][j] = sinc * w;
                sum += PHASES[p][j];
            }
            for (int j = 0; j < TAPS; j++) PHASES[p][j] /= sum;
        }
    }

    static final float[][] PHASES_FLOAT = new float[3][TAPS];

    static {
        for (int p = 0; p < 3; p++) for (int j = 0; j < TAPS; j++) PHASES_FLOAT[p][j] = (float) PHASES[p][j];
    }

    private TruePeakEnvelope() {}

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private static final int BLOCK = 2048;

    /** {@code acc[i] += h * x[off + i]} for i in [lo, hi): small and alone so C2 compiles it to SIMD. */
    private static void multiplyAdd(float[] acc, float h, float[] x, int off, int lo, int hi) {
        for (int i = lo; i < hi; i++) acc[i] += h * x[off + i];
    }

    /**
     * Eight taps in one pass: for each i the same float operations in the same order as eight
     * {@link #multiplyAdd} passes (so the same bits), with an eighth of the loads and stores of
     * {@code acc}. Eight is where the body is still small enough for C2 to unroll and vectorise
     * (all 24 in one body ran scalar; four per pass was bound by {@code acc}).
     */
    private static void multiplyAdd8(float[] acc, float[] h, int j, float[] x, int off, int n) {
        final float h0 = h[j + 0];
        final float h1 = h[j + 1];
        final float h2 = h[j + 2];
        final float h3 = h[j + 3];
        final float h4 = h[j + 4];
        final float h5 = h[j + 5];
        final float h6 = h[j + 6];
        final float h7 = h[j + 7];
        for (int i = 0; i < n; i++) {
            final int o = off + i;
            float a = acc[i];
            a += h0 * x[o + 0];
            a += h1 * x[o + 1];
            a += h2 * x[o + 2];
            a += h3 * x[o + 3];
            a += h4 * x[o + 4];
            a += h5 * x[o + 5];
            a += h6 * x[o + 6];
            a += h7 * x[o + 7];
            acc[i] = a;
        }
    }

    /**
     * Fills {@code env[from..to)} from the whole signal {@code left}/{@code right} of {@code frames}
     * frames. The filter runs tap by tap over a block ({@code acc[i] += h[j] * x[i + j]}) rather
     * than sample by sample, so the JIT turns the inner loop into SIMD multiply-adds.
     */
    public static void compute(float[] left, float[] right, int frames, float[] env, int from, int to) {
        float[] acc = new float[BLOCK];
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            for (int i = 0; i < n; i++) env[start + i] = Math.max(Math.abs(left[start + i]), Math.abs(right[start + i]));
            for (float[] x : new float[][] {left, right}) {
                for (int p = 0; p < 3; p++) {
                    float[] h = PHASES_FLOAT[p];
                    int first = start - HALF + 1;
                    java.util.Arrays.fill(acc, 0, n, 0f);
                    if (first >= 0 && first + TAPS - 1 + n <= frames) {
                        for (int j = 0; j < TAPS; j += 8) multiplyAdd8(acc, h, j, x, first + j, n);
                    } else {
                        // Near either end of the signal: taps that fall outside read nothing (zeros).
                        for (int j = 0; j < TAPS; j++) {
                            int off = first + j;
                            int lo = Math.max(0, -off);
                            int hi = Math.min(n, frames - off);
                            multiplyAdd(acc, h[j], x, off, lo, hi);
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        float a = Math.abs(acc[i]);
                        if (a > env[start + i]) env[start + i] = a;
                    }
                }
            }
        }
    }
}
