package org.taperoom.appliance.dsp.pitch;

/**
 * The fundamental frequency of a monophonic window, for the tuner: YIN (de Cheveigné and
 * Kawahara 2002) to find the period, then a refinement for the last cent.
 *
 * <ol>
 *   <li>The difference function {@code d(τ) = Σ (x[j] - x[j+τ])²} over a window of
 *       {@link #windowSamples()} samples, normalised by its running mean (YIN's cumulative mean
 *       normalised difference). The period is the <em>first</em> lag whose normalised value dips
 *       below {@link #THRESHOLD}, at its local minimum: a tone whose fundamental is weak (a bass
 *       guitar's) has no dip at half its period, because its odd harmonics differ there, and the
 *       first dip is never a multiple of the period, so there are no octave errors either way.</li>
 *   <li>Refinement: the dip at the largest multiple {@code k·τ} of the period that fits is found
 *       and interpolated (a parabola through three samples of d); the period is that lag over
 *       {@code k}. The interpolation error is divided by {@code k}: at C7 (23 samples at 48 kHz)
 *       a 0.05-sample error is 4 cents at {@code k = 1}, 0.06 cents at {@code k = 60}.</li>
 * </ol>
 *
 * Not thread-safe: one instance per thread. {@link #detect} allocates nothing.
 */
public final class PitchDetector {
    /** YIN's absolute threshold on the normalised difference. */
    static final double THRESHOLD = 0.15;
    /** The lowest fundamental looked for, Hz (below a 4-string bass's E1, 41.2 Hz). */
    public static final double MIN_HZ = 35;
    /** The highest, Hz (above C7, 2093 Hz). */
    public static final double MAX_HZ = 2400;
    /** Analysis window, seconds. */
    static final double WINDOW_SECONDS = 0.030;

    private final int rateHz;
    private final int window;
    private final int maxLag;
    private final int minLag;
    private final double[] d;

    public PitchDetector(int rateHz) {
        this.rateHz = rateHz;
        this.window = (int) Math.round(WINDOW_SECONDS * rateHz);
        this.maxLag = (int) Math.ceil(rateHz / MIN_HZ);
        this.minLag = Math.max(2, (int) Math.floor(rateHz / MAX_HZ));
        this.d = new double[maxLag + 2];
    }

    /** Samples {@link #detect} reads: a window plus the longest lag. */
    public int samplesNeeded() {
        return window + maxLag + 1;
    }

    public int windowSamples() {
        return window;
    }

    /**
     * The fundamental of {@code x[from] … x[from + samplesNeeded() - 1]} in Hz, or NaN when there is
     * no clear pitch (noise, silence, chords).
     */
    public double detect(float[] x, int from) {
        if (from < 0 || from + samplesNeeded() > x.length) throw new IllegalArgumentException("need " + samplesNeeded() + " samples");
        double running = 0;
        int found = -1;
        for (int tau = 1; tau <= maxLag; tau++) {
            d[tau] = difference(x, from, tau);
            running += d[tau];
            double normalised = running == 0 ? 1 : d[tau] * tau / running;
            if (tau < minLag) continue;
            if (found < 0 && normalised < THRESHOLD) found = tau;
            // Past the first dip once d rises again: the local minimum is the period.
            if (found >= 0 && tau > found && d[tau] > d[tau - 1]) {
                int period = tau - 1;
                return rateHz / refine(x, from, period);
            }
        }
        return Double.NaN;
    }

    private double difference(float[] x, int from, int tau) {
        double s = 0;
        int a = from, b = from + tau;
        for (int j = 0; j < window; j++) {
            double v = x[a + j] - x[b + j];
            s += v * v;
        }
        return s;
    }

    /** The period in samples, from the dip at the largest multiple of {@code period} within the lags computed. */
    private double refine(float[] x, int from, int period) {
        double coarse = parabola(x, from, period);
        int k = (int) Math.floor((maxLag - 1) / coarse);
        if (k <= 1) return coarse;
        int centre = (int) Math.round(k * coarse);
        int best = centre;
        double bestValue = Double.MAX_VALUE;
        for (int tau = centre - 2; tau <= centre + 2; tau++) {
            if (tau < 1 || tau > maxLag - 1) continue;
            double v = difference(x, from, tau);
            if (v < bestValue) {
                bestValue = v;
                best = tau;
            }
        }
        if (best <= 1 || best >= maxLag) return coarse;
        return parabola(x, from, best) / k;
    }

    /** Vertex of the parabola through d at {@code tau - 1, tau, tau + 1}. */
    private double parabola(float[] x, int from, int tau) {
        double a = difference(x, from, tau - 1), b = difference(x, from, tau), c = difference(x, from, tau + 1);
        double den = a - 2 * b + c;
        if (den <= 0) return tau;
        double offset = 0.5 * (a - c) / den;
        return Math.abs(offset) <= 1 ? tau + offset : tau;
    }
}
