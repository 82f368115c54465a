package org.taperoom.appliance.recording.capture;

import java.lang.invoke.VarHandle;

/**
 * The latest meters, published by the capture thread once per period through a sequence lock and
 * read by anyone (panel, LEDs, CLI) without ever making the capture thread wait.
 *
 * <p>Protocol: the writer makes {@link #sequence} odd, writes the figures, makes it even again;
 * a reader copies the figures between two reads of an equal, even sequence, and retries otherwise.
 */
public final class MeterBoard {
    private final int channels;
    // Written by the capture thread between sequence bumps, read by readers under the protocol.
    private final float[] peak;
    private final float[] meanSquare;
    private final boolean[] clipped;
    private final long[] clipCounts;
    private long framePosition;
    /**
     * The capture clock: ring frame = clockOffsetFrames + System.nanoTime() * framesPerNano.
     * Written by the capture thread between sequence bumps, read under the protocol.
     */
    private double clockOffsetFrames = Double.NaN;
    private final double framesPerNano;
    /** How fast the estimate may fall per period: a device clock up to 200 ppm slower than the system's. */
    private final double driftFramesPerPeriod;
    /** Odd while the capture thread writes; written by the capture thread, read by readers. */
    private volatile long sequence;

    /** Meters only, no capture clock (tests of the meters). */
    public MeterBoard(int channels) {
        this(channels, 48000, 256);
    }

    public MeterBoard(int channels, int rateHz, int periodFrames) {
        this.channels = channels;
        this.framesPerNano = rateHz / 1e9;
        this.driftFramesPerPeriod = periodFrames * 200e-6;
        this.peak = new float[channels];
        this.meanSquare = new float[channels];
        this.clipped = new boolean[channels];
        this.clipCounts = new long[channels];
    }

    public int channels() {
        return channels;
    }

    /** Capture thread: opens a publication. */
    void beginWrite() {
        sequence = sequence + 1;
        // The figure stores below must not move above the odd sequence store.
        VarHandle.storeStoreFence();
    }

    /** Capture thread: one channel's figures, as fractions of full scale (peak) and of full scale squared (mean square). */
    void put(int channel, float peakLinear, float meanSquareLinear, boolean clip) {
        peak[channel] = peakLinear;
        meanSquare[channel] = meanSquareLinear;
        clipped[channel] = clip;
        if (clip) clipCounts[channel] = clipCounts[channel] + 1;
    }

    /**
     * Capture thread: closes the publication of the period at {@code position}; {@code ringFrame}
     * is the ring position after it, read at System.nanoTime() {@code nanos}; {@code discontinuity}
     * when frames were lost before it (an overrun, a dropped period), which moves the clock.
     */
    void endWrite(long position, long ringFrame, long nanos, boolean discontinuity) {
        framePosition = position;
        // A period read late (the thread was descheduled) makes its observation low; the promptest
        // recent read is the truth, so keep the highest observation, letting it fall only as fast
        // as a slow device clock can drift.
        double observed = ringFrame - nanos * framesPerNano;
        double decayed = clockOffsetFrames - driftFramesPerPeriod;
        clockOffsetFrames = discontinuity || !(decayed >= observed) ? observed : decayed;
        sequence = sequence + 1;
    }

    /**
     * Any thread: the ring frame that was being captured at System.nanoTime() {@code nanos}, from
     * the capture clock; accurate to about one period on a clocked device, even when single
     * periods are read late (a clockless device, such as the unpaced simulator, has no such
     * relation: callers clamp to what the ring holds).
     */
    public long ringFrameAt(long nanos) {
        double offset;
        while (true) {
            long s1 = sequence;
            if ((s1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            offset = clockOffsetFrames;
            VarHandle.loadLoadFence();
            if (sequence == s1) break;
        }
        return Math.round(offset + nanos * framesPerNano);
    }

    /** Any thread: copies a consistent set of figures into {@code into}, converted to dBFS; allocates nothing. */
    public void read(MeterSnapshot into) {
        int n = Math.min(channels, into.channels());
        long pos;
        while (true) {
            long s1 = sequence;
            if ((s1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            // Linear figures first, converted once the copy is known to be consistent.
            System.arraycopy(peak, 0, into.peakDbfs, 0, n);
            System.arraycopy(meanSquare, 0, into.rmsDbfs, 0, n);
            System.arraycopy(clipped, 0, into.clipped, 0, n);
            System.arraycopy(clipCounts, 0, into.clipCounts, 0, n);
            pos = framePosition;
            VarHandle.loadLoadFence();
            if (sequence == s1) break;
        }
        for (int c = 0; c < n; c++) {
            into.peakDbfs[c] = toDb(into.peakDbfs[c]);
            into.rmsDbfs[c] = (float) (10 * Math.log10(into.rmsDbfs[c]));
        }
        into.framePosition = pos;
    }

    private static float toDb(float linear) {
        return (float) (20 * Math.log10(linear));
    }
}
