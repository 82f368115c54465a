package org.taperoom.appliance.dsp.master;

/**
 * Per-frame true peak of a stereo signal (ITU-R BS.1770-4 Annex 2) for the render: the figures
 * report libebur128's reading ({@link ReferenceInterpolator}, our reference meter's own
 * interpolator: the before and after true peaks are what `taperoom analyze` reads), and the
 * limiter works on the larger of that and a wideband 4x reading ({@link WidebandInterpolator}),
 * so its output stays under the ceiling for libebur128 and for meters that reconstruct the top
 * octave more fully (ffmpeg's) alike.
 *
 * <p>Both filters run over blocks with the signal shifted into a scratch array, so that the JIT
 * vectorises them (see {@link #multiplyAdd}); every value has the bits of its point-by-point
 * definition whatever the range and block. Immutable; {@link #compute} may run on several threads
 * at once over disjoint ranges.
 */
public final class TruePeakEnvelope {
    /** Frames either side of a frame that its value reads: callers keep that much signal around a range. */
    public static final int REACH = Math.max(ReferenceInterpolator.REACH, WidebandInterpolator.REACH) + 1;
    /** Frames per pass: the shifted copies and the accumulators stay in the L1 cache. */
    static final int BLOCK = 512;

    private final ReferenceInterpolator reference;

    private TruePeakEnvelope(int rateHz) {
        reference = new ReferenceInterpolator(rateHz);
    }

    public static TruePeakEnvelope forRate(int rateHz) {
        return new TruePeakEnvelope(rateHz);
    }

    /** libebur128's oversampling factor at this rate: 4, 2 or 1. */
    public int factor() {
        return reference.factor();
    }

    /**
     * Fills {@code env[from..to)} with the limiter's envelope of {@code left}/{@code right}, a
     * signal of {@code frames} frames (zeros beyond either end), and returns libebur128's true
     * peak over the same frames (linear; the points before the start count for frame 0).
     */
    public float compute(float[] left, float[] right, int frames, float[] env, int from, int to) {
        return run(left, right, frames, env, from, to, true);
    }

    /** libebur128's true peak of frames [from, to) of the signal (linear), without an envelope to keep; {@code env} is scratch. */
    public float referencePeak(float[] left, float[] right, int frames, float[] env, int from, int to) {
        return run(left, right, frames, env, from, to, false);
    }

    /** The scratch arrays of {@link #compute(float[], float[], int, float[], int, int, Scratch)}, for one thread. */
    public final class Scratch {
        final ReferenceInterpolator.Scratch reference = TruePeakEnvelope.this.reference.new Scratch();
        final WidebandInterpolator.Scratch wideband = new WidebandInterpolator.Scratch();
    }

    /** A scratch for this envelope's rate, made once by a thread that must not allocate per call. */
    public Scratch newScratch() {
        return new Scratch();
    }

    /** As {@link #compute(float[], float[], int, float[], int, int)}, allocating nothing: the arrays are {@code scratch}'s. */
    public float compute(float[] left, float[] right, int frames, float[] env, int from, int to, Scratch scratch) {
        return run(left, right, frames, env, from, to, scratch.reference, scratch.wideband);
    }

    private float run(float[] left, float[] right, int frames, float[] env, int from, int to, boolean wideband) {
        return run(left, right, frames, env, from, to, reference.new Scratch(), wideband ? new WidebandInterpolator.Scratch() : null);
    }

    private float run(float[] left, float[] right, int frames, float[] env, int from, int to,
                      ReferenceInterpolator.Scratch rs, WidebandInterpolator.Scratch ws) {
        boolean wideband = ws != null;
        float peak = 0;
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            samplePeaks(left, right, start, env, n);
            reference.raise(left, frames, start, n, env, rs);
            reference.raise(right, frames, start, n, env, rs);
            peak = Math.max(peak, max(env, start, n));
            if (wideband) {
                WidebandInterpolator.raise(left, frames, start, n, env, ws);
                WidebandInterpolator.raise(right, frames, start, n, env, ws);
            }
        }
        return peak;
    }

    /**
     * {@code acc[i] += shifted[i] * w} for i in [0, n). Both arrays are read and written at the
     * same index, which lets C2 turn the loop into SIMD; with an offset between two arrays of one
     * type it must assume they might be one array read ahead of its own writes, and it stays
     * scalar (measured: 0.58 ns an element against 0.09).
     */
    static void multiplyAdd(double[] acc, double w, float[] shifted, int n) {
        for (int i = 0; i < n; i++) acc[i] += shifted[i] * w;
    }

    private static void samplePeaks(float[] left, float[] right, int start, float[] env, int n) {
        for (int i = 0; i < n; i++) env[start + i] = Math.max(Math.abs(left[start + i]), Math.abs(right[start + i]));
    }

    private static float max(float[] values, int start, int n) {
        float m = 0;
        for (int i = start; i < start + n; i++) m = Math.max(m, values[i]);
        return m;
    }

    /** The reference filter, for tests of its definition. */
    ReferenceInterpolator reference() {
        return reference;
    }
}
