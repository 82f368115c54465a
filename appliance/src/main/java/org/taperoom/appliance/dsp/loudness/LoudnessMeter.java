package org.taperoom.appliance.dsp.loudness;

import com.sun.jna.Pointer;

/**
 * An EBU R128 meter: feed interleaved frames, read the figures. libebur128 measures integrated
 * loudness, loudness range, sample and true peak; the momentary and short-term values, reported
 * every 100 ms of input (the meters' update rate in Tech 3341) whatever block sizes the caller
 * feeds, come from {@link KWeightedWindows}, which agrees with libebur128's own to 0.01 LU and
 * costs less than querying it ten times a second. Their maxima are taken every 10 ms, so a short
 * burst between two updates still reads its full level (Tech 3341 cases 10 and 13).
 *
 * <p>Not thread-safe: one thread feeds and reads it. The native {@code ebur128_state} is owned by
 * this object from {@code ebur128_init} in the constructor to {@code ebur128_destroy} in
 * {@link #close()}; nothing else holds the pointer.
 */
public final class LoudnessMeter implements AutoCloseable {
    private final ChannelLayout layout;
    private final int rateHz;
    private final int hopFrames;
    private final boolean everything;
    private final boolean truePeak;
    private final KWeightedWindows windows;
    private HopListener hopListener;
    private final double[] out = new double[1];
    private final Ebur128State state;
    private long frames;
    private int framesToNextHop;
    private double momentaryMax = Double.NEGATIVE_INFINITY;
    private double shortTermMax = Double.NEGATIVE_INFINITY;
    private float[] scratch = new float[0];

    public LoudnessMeter(ChannelLayout layout, int rateHz) {
        this(layout, rateHz, true);
    }

    /**
     * @param everything false measures only the integrated loudness (cheaper: no true-peak
     *                   oversampling, no LRA histogram), for the render's normalisation passes
     */
    public LoudnessMeter(ChannelLayout layout, int rateHz, boolean everything) {
        this(layout, rateHz, everything, everything);
    }

    /**
     * @param truePeak with {@code everything}: whether libebur128 also oversamples for the true
     *                 peak (the costliest part); without it {@link LoudnessFigures#truePeakDbtp()} is null
     */
    public LoudnessMeter(ChannelLayout layout, int rateHz, boolean everything, boolean truePeak) {
        this(layout, rateHz, everything, truePeak, false);
    }

    /** @param libebur128Windows query libebur128 for momentary/short-term (the slower reference path, for tests) */
    LoudnessMeter(ChannelLayout layout, int rateHz, boolean everything, boolean truePeak, boolean libebur128Windows) {
        this.layout = layout;
        this.windows = everything && !libebur128Windows ? new KWeightedWindows(layout, rateHz) : null;
        this.truePeak = everything && truePeak;
        this.rateHz = rateHz;
        this.hopFrames = rateHz / 10;
        this.framesToNextHop = hopFrames;
        int mode = everything
                ? Ebur128.EBUR128_MODE_I | Ebur128.EBUR128_MODE_LRA | Ebur128.EBUR128_MODE_S | Ebur128.EBUR128_MODE_SAMPLE_PEAK
                        | (this.truePeak ? Ebur128.EBUR128_MODE_TRUE_PEAK : 0)
                : Ebur128.EBUR128_MODE_I;
        this.everything = everything;
        state = new Ebur128State(layout, rateHz, mode, "loudness meter");
    }

    public ChannelLayout layout() {
        return layout;
    }

    /** Adds {@code count} interleaved frames from {@code interleaved[0..count*channels)}. */
    public void add(float[] interleaved, int count) {
        if (count <= 0) return;
        if (windows == null && everything) {
            addQueryingLibebur128(interleaved, count);
            return;
        }
        check(Ebur128.ebur128_add_frames_float(live(), interleaved, new Ebur128.SizeT(count)), "ebur128_add_frames_float");
        frames += count;
        if (windows == null) return;
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, windows.framesToBlockEnd());
            boolean hop = windows.add(interleaved, done, n);
            done += n;
            if (hop) hop(windows.momentaryLufs(), windows.shortTermLufs());
        }
        momentaryMax = windows.momentaryMaxLufs();
        shortTermMax = windows.shortTermMaxLufs();
    }

    /** The reference path: libebur128's own momentary/short-term, queried at every 100 ms hop. */
    private void addQueryingLibebur128(float[] interleaved, int count) {
        int ch = layout.channels();
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, framesToNextHop);
            float[] part;
            if (done == 0 && n == count) {
                part = interleaved;
            } else {
                if (scratch.length < n * ch) scratch = new float[n * ch];
                System.arraycopy(interleaved, done * ch, scratch, 0, n * ch);
                part = scratch;
            }
            check(Ebur128.ebur128_add_frames_float(live(), part, new Ebur128.SizeT(n)), "ebur128_add_frames_float");
            done += n;
            frames += n;
            framesToNextHop -= n;
            if (framesToNextHop == 0) {
                framesToNextHop = hopFrames;
                double m = frames >= rateHz * 4L / 10 ? query(Ebur128.ebur128_loudness_momentary(live(), out)) : Double.NEGATIVE_INFINITY;
                double st = frames >= rateHz * 3L ? query(Ebur128.ebur128_loudness_shortterm(live(), out)) : Double.NEGATIVE_INFINITY;
                hop(m, st);
            }
        }
    }

    private void hop(double momentaryLufs, double shortTermLufs) {
        momentaryMax = Math.max(momentaryMax, momentaryLufs);
        shortTermMax = Math.max(shortTermMax, shortTermLufs);
        if (hopListener != null) hopListener.onHop(momentaryLufs, shortTermLufs);
    }

    /** Sees every 100 ms meter update (tests compare the two momentary/short-term paths with it). */
    interface HopListener {
        void onHop(double momentaryLufs, double shortTermLufs);
    }

    void onHops(HopListener listener) {
        this.hopListener = listener;
    }

    /** Integrated loudness so far, or null while it is undefined (silence). */
    public Double integratedLufs() {
        return finite(query(Ebur128.ebur128_loudness_global(live(), out)));
    }

    public LoudnessFigures figures() {
        if (!everything) throw new IllegalStateException("this meter measures only integrated loudness");
        Double integrated = integratedLufs();
        Double lra = null;
        if (integrated != null && Double.isFinite(shortTermMax) && shortTermMax > -70) {
            lra = query(Ebur128.ebur128_loudness_range(live(), out));
        }
        double sample = 0;
        double truePeakMax = 0;
        for (int c = 0; c < layout.channels(); c++) {
            if (layout.ebur128Channel(c) == Ebur128.EBUR128_UNUSED) continue;
            sample = Math.max(sample, query(Ebur128.ebur128_sample_peak(live(), c, out)));
            if (this.truePeak) truePeakMax = Math.max(truePeakMax, query(Ebur128.ebur128_true_peak(live(), c, out)));
        }
        return new LoudnessFigures(integrated, lra, db(truePeakMax), db(sample), finite(momentaryMax), finite(shortTermMax),
                frames / (double) rateHz);
    }

    static Double db(double linear) {
        return linear > 0 ? 20 * Math.log10(linear) : null;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) && v > -200 ? v : null;
    }

    private double query(int rc) {
        check(rc, "ebur128 query");
        return out[0];
    }

    private Pointer live() {
        return state.live();
    }

    private static void check(int rc, String call) {
        Ebur128State.check(rc, call);
    }

    @Override
    public void close() {
        state.close();
    }
}
