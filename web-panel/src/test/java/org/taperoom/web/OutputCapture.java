package org.taperoom.web;

import org.taperoom.drivers.sim.SimOutputs;

/**
 * What the simulated outputs were given, for a test to inspect: the left channel of every period
 * from the moment the stream opened (output frame 0), and when each period was written
 * (System.nanoTime on the playback thread). Arrays are allocated up front for {@code seconds}.
 */
final class OutputCapture implements SimOutputs {
    final float[] left;
    final long[] periodWrittenNanos;
    /** Frames captured; written by the playback thread, read by the test. */
    volatile int frames;
    volatile int periodFrames;
    /** Stalls still to make: each holds the playback thread inside one write for {@link #stallMillis} (a stuck output). */
    final java.util.concurrent.atomic.AtomicInteger stalls = new java.util.concurrent.atomic.AtomicInteger();
    volatile long stallMillis;
    /** Periods to let pass between two stalls. */
    volatile int stallEveryPeriods = 8;
    private int sinceStall;

    OutputCapture(int rateHz, int seconds) {
        left = new float[rateHz * seconds];
        periodWrittenNanos = new long[rateHz * seconds / 16];
    }

    @Override
    public void floatPeriod(long frame, float[] interleaved, int n, int channels) {
        long now = System.nanoTime();
        if (frame + n > left.length) return;
        if (frame == 0) periodFrames = n;
        for (int i = 0; i < n; i++) left[(int) frame + i] = interleaved[i * channels];
        periodWrittenNanos[(int) (frame / n)] = now;
        frames = (int) frame + n;
        if (stalls.get() > 0 && ++sinceStall >= stallEveryPeriods) {
            sinceStall = 0;
            stalls.decrementAndGet();
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void intPeriod(long frame, int[] interleaved, int n, int channels) {
        float[] f = new float[n * channels];
        for (int i = 0; i < f.length; i++) f[i] = interleaved[i] / 2147483648f;
        floatPeriod(frame, f, n, channels);
    }

    /** The first output frame of the first period written after System.nanoTime {@code nanos}, or -1. */
    int firstFrameWrittenAfter(long nanos) {
        int p = periodFrames;
        for (int k = 0; k * p < frames; k++) if (periodWrittenNanos[k] > nanos) return k * p;
        return -1;
    }

    /** The largest |x[n] - x[n-1]| over [from, to): a click shows as a step no smooth signal makes. */
    float maxStep(int from, int to) {
        float max = 0;
        for (int i = Math.max(1, from); i < to; i++) max = Math.max(max, Math.abs(left[i] - left[i - 1]));
        return max;
    }

    /** The first frame in [from, to) that differs from the one {@code cycleFrames} before it, or -1: where a periodic signal changed. */
    int firstChange(int from, int to, int cycleFrames) {
        for (int i = Math.max(from, cycleFrames); i < to; i++) {
            if (Math.abs(left[i] - left[i - cycleFrames]) > 1e-4f) return i;
        }
        return -1;
    }

    /** The first frame from which the output has been periodic for four cycles: the take's sine, settled. */
    int steadyFrom(int cycleFrames) {
        for (int i = cycleFrames; i < frames; i++) {
            if (left[i] != 0 && firstChange(i, i + 4 * cycleFrames, cycleFrames) < 0) return i + cycleFrames;
        }
        throw new AssertionError("the sine never became steady on the output");
    }

    /** The largest |x| over [from, to). */
    double peak(int from, int to) {
        double p = 0;
        for (int i = from; i < to; i++) p = Math.max(p, Math.abs(left[i]));
        return p;
    }

    /** Waits (up to 10 s) until {@code total} frames have been captured. */
    void awaitFrames(int total) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (frames < total) {
            if (System.currentTimeMillis() > end) throw new AssertionError("the output did not reach frame " + total + " (it is at " + frames + ")");
            Thread.sleep(10);
        }
    }
}
