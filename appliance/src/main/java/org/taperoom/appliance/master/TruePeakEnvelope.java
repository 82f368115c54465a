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
    static final int TAPS = 32;
    private static final int HALF = TAPS / 2;
    /** PHASES[p][j]: weight of sample n - HALF + 1 + j for the point n + (p + 1) / 4. */
    private static final double[][] PHASES = new double[3][TAPS];

    static {
        double beta = 8.0;
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

    /** Fills {@code env[from..to)} from the whole signal {@code left}/{@code right} of {@code frames} frames. */
    public static void compute(float[] left, float[] right, int frames, float[] env, int from, int to) {
        for (int n = from; n < to; n++) {
            double peak = Math.max(Math.abs(left[n]), Math.abs(right[n]));
            int first = n - HALF + 1;
            boolean inside = first >= 0 && first + TAPS <= frames;
            for (int p = 0; p < 3; p++) {
                double[] h = PHASES[p];
                double l = 0;
                double r = 0;
                if (inside) {
                    for (int j = 0; j < TAPS; j++) {
                        l += h[j] * left[first + j];
                        r += h[j] * right[first + j];
                    }
                } else {
                    for (int j = 0; j < TAPS; j++) {
                        int k = first + j;
                        if (k < 0 || k >= frames) continue;
                        l += h[j] * left[k];
                        r += h[j] * right[k];
                    }
                }
                peak = Math.max(peak, Math.max(Math.abs(l), Math.abs(r)));
            }
            env[n] = (float) peak;
        }
    }
}
