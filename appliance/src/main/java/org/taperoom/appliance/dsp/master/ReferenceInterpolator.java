package org.taperoom.appliance.dsp.master;

/**
 * libebur128's true-peak interpolator (1.2.6), for the figures a render reports: oversampling by
 * F = 4 below 96 kHz, 2 below 192 kHz, 1 above (the sample peak), with the F-phase split of a
 * 49-tap Hann-windowed sinc whose cut-off is the signal's Nyquist frequency; each point is summed
 * in double precision from the newest sample to the oldest and rounded to float, as libebur128
 * does, so its values are libebur128's (TruePeakTrackerTest compares them). The points before the
 * first frame (the filter's ringing into the silence before the start, which libebur128 reads
 * too) count as the first frame's.
 *
 * <p>Immutable; safe to share between threads.
 */
final class ReferenceInterpolator {
    private static final int PROTOTYPE_TAPS = 49;
    private static final int CENTRE = PROTOTYPE_TAPS / 2;
    /** Coefficients smaller than this are left out, as libebur128 does. */
    private static final double ALMOST_ZERO = 0.000001;
    /** The farthest frame, either side, that a frame's points read. */
    static final int REACH = CENTRE;

    private final int factor;
    /** Offsets d (frame n + d) read by some phase, newest first: {@code firstOffset} down to {@code lastOffset}. */
    private final int firstOffset;
    private final int lastOffset;
    /** weights[f - 1][firstOffset - d]: weight of frame n + d for the point n + f / factor; NaN where the phase leaves it out. */
    private final double[][] weights;

    ReferenceInterpolator(int rateHz) {
        factor = rateHz < 96000 ? 4 : rateHz < 192000 ? 2 : 1;
        // Prototype tap j weighs frame n + d for the point n + f / factor where j = f - factor * d + CENTRE.
        firstOffset = factor == 1 ? 0 : (CENTRE + factor - 1) / factor;
        lastOffset = factor == 1 ? 0 : -(CENTRE / factor);
        weights = new double[Math.max(0, factor - 1)][firstOffset - lastOffset + 1];
        for (int f = 1; f < factor; f++) {
            for (int d = firstOffset; d >= lastOffset; d--) {
                int j = f - factor * d + CENTRE;
                weights[f - 1][firstOffset - d] = j >= 0 && j < PROTOTYPE_TAPS ? prototype(j) : Double.NaN;
            }
        }
    }

    /** Prototype tap j, or NaN when libebur128 leaves it out. */
    private double prototype(int j) {
        double m = (double) j - (PROTOTYPE_TAPS - 1) / 2.0;
        double c = 1.0;
        if (Math.abs(m) > ALMOST_ZERO) c = Math.sin(m * Math.PI / factor) / (m * Math.PI / factor);
        c *= 0.5 * (1 - Math.cos(2 * Math.PI * j / (PROTOTYPE_TAPS - 1)));
        return Math.abs(c) > ALMOST_ZERO ? c : Double.NaN;
    }

    int factor() {
        return factor;
    }

    /** Scratch arrays for one thread's calls of {@link #raise}. */
    final class Scratch {
        final float[] shifted = new float[TruePeakEnvelope.BLOCK];
        final double[][] acc = new double[Math.max(0, factor - 1)][TruePeakEnvelope.BLOCK];
    }

    /**
     * Raises {@code env[start .. start + n)} to the magnitude of the interpolated points of
     * {@code x} (a signal of {@code frames} frames, zeros outside) at those frames. Offset by
     * offset, newest first: the signal shifted by d is copied into a scratch array and multiplied
     * into every phase's accumulator at equal indices (SIMD: see {@link TruePeakEnvelope#multiplyAdd}),
     * all three phases in one pass where all three read that offset.
     */
    void raise(float[] x, int frames, int start, int n, float[] env, Scratch s) {
        if (factor == 1) return;
        for (double[] a : s.acc) java.util.Arrays.fill(a, 0, n, 0.0);
        for (int d = firstOffset; d >= lastOffset; d--) {
            shift(x, frames, start + d, s.shifted, n);
            int k = firstOffset - d;
            if (factor == 4 && !Double.isNaN(weights[0][k]) && !Double.isNaN(weights[1][k]) && !Double.isNaN(weights[2][k])) {
                multiplyAdd3(s.acc[0], s.acc[1], s.acc[2], weights[0][k], weights[1][k], weights[2][k], s.shifted, n);
                continue;
            }
            for (int f = 1; f < factor; f++) {
                double w = weights[f - 1][k];
                if (!Double.isNaN(w)) TruePeakEnvelope.multiplyAdd(s.acc[f - 1], w, s.shifted, n);
            }
        }
        for (double[] a : s.acc) raise(env, start, a, n);
        if (start == 0 && n > 0) env[0] = Math.max(env[0], beforeTheStart(x, frames));
    }

    /** {@code shifted[i] = x[at + i]}, zero outside [0, frames). */
    private static void shift(float[] x, int frames, int at, float[] shifted, int n) {
        int lo = Math.max(0, -at);
        int hi = Math.min(n, frames - at);
        if (lo > 0 || hi < n) java.util.Arrays.fill(shifted, 0, n, 0f);
        if (hi > lo) System.arraycopy(x, at + lo, shifted, lo, hi - lo);
    }

    /** {@code a_f[i] += (double) s[i] * w_f} for the three phases, in one pass at equal indices. */
    private static void multiplyAdd3(double[] a0, double[] a1, double[] a2, double w0, double w1, double w2, float[] s, int n) {
        for (int i = 0; i < n; i++) {
            double x = s[i];
            a0[i] += x * w0;
            a1[i] += x * w1;
            a2[i] += x * w2;
        }
    }

    /** Branch-free (Math.max): a data-dependent store would keep the loop scalar and mispredicted. */
    private static void raise(float[] env, int start, double[] acc, int n) {
        for (int i = 0; i < n; i++) env[start + i] = Math.max(env[start + i], Math.abs((float) acc[i]));
    }

    /** The largest magnitude at the points before frame 0, where only the first frames contribute. */
    private float beforeTheStart(float[] x, int frames) {
        float peak = 0;
        for (int n = lastOffset; n < 0; n++) {
            for (int f = 1; f < factor; f++) peak = Math.max(peak, Math.abs(point(x, frames, n, f)));
        }
        return peak;
    }

    /** The interpolated value at n + f / factor, by the definition (any n, zeros outside the signal). */
    float point(float[] x, int frames, int n, int f) {
        double acc = 0;
        for (int d = firstOffset; d >= lastOffset; d--) {
            double w = weights[f - 1][firstOffset - d];
            int s = n + d;
            if (!Double.isNaN(w) && s >= 0 && s < frames) acc += x[s] * w;
        }
        return (float) acc;
    }
}
