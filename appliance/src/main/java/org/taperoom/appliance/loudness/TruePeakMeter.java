package org.taperoom.appliance.loudness;

import com.sun.jna.Pointer;

/**
 * libebur128's true peak (ITU-R BS.1770-4 Annex 2) alone, over interleaved frames: the costliest
 * part of a full meter, so that it can run on a thread of its own beside a {@link LoudnessMeter}
 * built without it. Gives the same value as a full meter's true peak: libebur128 oversamples each
 * channel independently of its other modes.
 *
 * <p>Not thread-safe: one thread feeds and reads it. The native state is owned by this object
 * from the constructor to {@link #close()}.
 */
public final class TruePeakMeter implements AutoCloseable {
    private final ChannelLayout layout;
    private final double[] out = new double[1];
    private final Ebur128State state;

    public TruePeakMeter(ChannelLayout layout, int sampleRate) {
        this.layout = layout;
        state = new Ebur128State(layout, sampleRate, Ebur128.EBUR128_MODE_TRUE_PEAK, "true-peak meter");
    }

    /** Adds {@code count} interleaved frames from {@code interleaved[0..count*channels)}. */
    public void add(float[] interleaved, int count) {
        if (count <= 0) return;
        check(Ebur128.ebur128_add_frames_float(live(), interleaved, new Ebur128.SizeT(count)), "ebur128_add_frames_float");
    }

    /** The largest true peak of the channels the layout measures so far, linear (0 for silence). */
    public double truePeak() {
        double max = 0;
        for (int c = 0; c < layout.channels(); c++) {
            if (layout.ebur128Channel(c) == Ebur128.EBUR128_UNUSED) continue;
            check(Ebur128.ebur128_true_peak(live(), c, out), "ebur128_true_peak");
            max = Math.max(max, out[0]);
        }
        return max;
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
