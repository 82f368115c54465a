package org.taperoom.appliance.recording.ring;

/**
 * The single-producer/single-consumer rings between the capture thread (producer) and the writer
 * thread (consumer): one power-of-two {@code int[]} lane per track, indexed by frame position
 * masked with {@code capacity - 1}. Samples are left-justified S32.
 *
 * <p>All lanes move in lockstep (the capture thread writes every track of a period before it
 * publishes), so one pair of positions serves them all: one release store per period instead of
 * one per track, and the writer never sees tracks at different positions.
 *
 * <p>Memory-order contract:
 * <ul>
 *   <li>{@link #writeFrame} is written only by the producer, after it has written the samples
 *       of every lane up to it (a volatile store: release). The consumer reads it (volatile
 *       load: acquire) before reading those samples, so it sees them complete.</li>
 *   <li>{@link #readFrame} is written only by the consumer, after it has finished reading every
 *       sample before it (release). The producer reads it (acquire) before overwriting slots,
 *       so it never overwrites a sample the consumer still reads.</li>
 *   <li>Positions are absolute frame counts (64-bit, they never wrap in practice); the number of
 *       frames held is {@code writeFrame - readFrame}, at most {@link #capacityFrames()}.</li>
 * </ul>
 * The producer never waits: when the ring lacks room for a period it drops the period and
 * counts an overrun (see the capture thread).
 */
public final class FrameRing {
    private final int[][] lanes;
    private final int capacityFrames;
    private final int mask;

    /** Frames published by the producer; written by the capture thread, read by the writer thread. */
    private volatile long writeFrame;
    /** Frames released by the consumer; written by the writer thread, read by the capture thread. */
    private volatile long readFrame;

    /**
     * @param tracks         lanes, one per input channel
     * @param capacityFrames frames per lane, a power of two
     */
    public FrameRing(int tracks, int capacityFrames) {
        if (Integer.bitCount(capacityFrames) != 1) throw new IllegalArgumentException("capacity must be a power of two: " + capacityFrames);
        this.lanes = new int[tracks][capacityFrames];
        this.capacityFrames = capacityFrames;
        this.mask = capacityFrames - 1;
    }

    /** The smallest power of two holding {@code frames}. */
    public static int capacityFor(long frames) {
        long c = Long.highestOneBit(Math.max(1, frames - 1)) << 1;
        if (c > (1 << 30)) throw new IllegalArgumentException("ring too large: " + frames + " frames");
        return (int) c;
    }

    /** Bytes a ring of that many tracks and frames takes. */
    public static long bytesFor(int tracks, int capacityFrames) {
        return 4L * tracks * capacityFrames;
    }

    public int tracks() {
        return lanes.length;
    }

    public int capacityFrames() {
        return capacityFrames;
    }

    public int mask() {
        return mask;
    }

    /** The lane of a track (0-based). The producer writes slots in [writeFrame, readFrame + capacity); the consumer reads [readFrame, writeFrame). */
    public int[] lane(int track) {
        return lanes[track];
    }

    /** Producer and consumer: frames published so far. */
    public long writeFrame() {
        return writeFrame;
    }

    /** Producer and consumer: frames released so far. */
    public long readFrame() {
        return readFrame;
    }

    /** Producer only: room for this many more frames. */
    public long freeFrames() {
        return capacityFrames - (writeFrame - readFrame);
    }

    /** Producer only: makes every lane's samples before {@code frame} visible to the consumer. */
    public void publish(long frame) {
        writeFrame = frame;
    }

    /** Consumer only: hands the slots before {@code frame} back to the producer. Never moves backwards. */
    public void release(long frame) {
        if (frame > readFrame) readFrame = Math.min(frame, writeFrame);
    }
}
