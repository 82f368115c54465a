package org.taperoom.drivers.sim;

import java.util.concurrent.locks.LockSupport;

/**
 * The simulated interface's loopback ({@code sim:loopback=FRAMES}): what output {@code c} is given
 * at output frame {@code t} is what input {@code c} delivers at input frame {@code t + FRAMES},
 * unchanged, for every channel both streams have (output 1 → input 1, output 2 → input 2, ...);
 * inputs beyond the outputs keep their signal, and before the output's first frame (or with no
 * output open) a looped input is silent. Both streams count frames from their own start, as a
 * linked full-duplex device does. Output floats become left-justified S32 as an integer device
 * would take them ({@code round(f * 2^31)}, clamped), and the input delivers them at its own
 * resolution: a 24-bit output read by a 24-bit input comes back bit for bit. Input gains do not
 * apply to looped channels.
 *
 * <p>The simulator has no analogue path to lose samples in, so the two sides wait for each other
 * instead: an input waits (up to a second) for the output frames it needs while an output is open,
 * and an output waits while it is a ring ahead of the input. Owned by one {@link SimBackend};
 * the output's thread writes, the input's thread reads.
 */
public final class SimLoopback implements SimOutputs {
    private static final long WAIT_NANOS = 1_000_000_000L;
    private final long delayFrames;
    private final int capacityFrames;
    private final int mask;
    /** One lane per output channel, made when the first output opens; written by the output thread. */
    private volatile int[][] lanes;
    /** Output frames written; written by the output thread, read by the input thread. */
    private volatile long writtenFrames;
    /** Input frames delivered; written by the input thread, read by the output thread. */
    private volatile long readFrames;
    /** Whether an output stream is open; written by the thread that opens or closes it. */
    private volatile boolean outputOpen;

    public SimLoopback(long delayFrames) {
        if (delayFrames < 0) throw new IllegalArgumentException("loopback must not be negative");
        this.delayFrames = delayFrames;
        this.capacityFrames = Integer.highestOneBit((int) Math.min(1 << 24, delayFrames + (1 << 16))) * 2;
        this.mask = capacityFrames - 1;
    }

    public long delayFrames() {
        return delayFrames;
    }

    /** An output stream of {@code channels} opened: its frame 0 is the next it writes. */
    void outputOpened(int channels) {
        int[][] l = lanes;
        if (l == null || l.length != channels) lanes = new int[channels][capacityFrames];
        writtenFrames = 0;
        outputOpen = true;
    }

    void outputClosed() {
        outputOpen = false;
    }

    @Override
    public void floatPeriod(long frame, float[] interleaved, int frames, int channels) {
        awaitRoom(frame, frames);
        int[][] l = lanes;
        for (int f = 0; f < frames; f++) {
            int at = (int) ((frame + f) & mask);
            for (int c = 0; c < channels; c++) l[c][at] = (int) Math.rint(interleaved[f * channels + c] * 2147483648.0);
        }
        writtenFrames = frame + frames;
    }

    @Override
    public void intPeriod(long frame, int[] interleaved, int frames, int channels) {
        awaitRoom(frame, frames);
        int[][] l = lanes;
        for (int f = 0; f < frames; f++) {
            int at = (int) ((frame + f) & mask);
            for (int c = 0; c < channels; c++) l[c][at] = interleaved[f * channels + c];
        }
        writtenFrames = frame + frames;
    }

    /** Output thread: waits while writing would overwrite frames the input has not read yet. */
    private void awaitRoom(long frame, int frames) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (frame + frames - delayFrames - readFrames > capacityFrames - frames && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000L);
        }
    }

    /**
     * Input thread: puts the looped outputs into input frames [{@code first}, first + frames) of
     * {@code dest} (interleaved, {@code channels} wide), at {@code bits} of resolution.
     */
    void overlay(long first, int[] dest, int frames, int channels, int bits) {
        long needed = first + frames - delayFrames;
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (outputOpen && writtenFrames < needed && System.nanoTime() < deadline) LockSupport.parkNanos(100_000L);
        int[][] l = lanes;
        int looped = l == null ? 0 : Math.min(channels, l.length);
        int keep = bits >= 32 ? -1 : -(1 << (32 - bits));
        long written = writtenFrames;
        for (int f = 0; f < frames; f++) {
            long src = first + f - delayFrames;
            boolean there = src >= 0 && src < written && outputOpen;
            int at = (int) (src & mask);
            for (int c = 0; c < looped; c++) dest[f * channels + c] = there ? l[c][at] & keep : 0;
        }
        readFrames = Math.max(readFrames, needed);
    }
}
