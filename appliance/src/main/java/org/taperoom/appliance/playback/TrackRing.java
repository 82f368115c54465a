package org.taperoom.appliance.playback;

/**
 * The single-producer/single-consumer rings between the reader thread (producer) and the
 * playback thread (consumer), the capture path's {@code FrameRing} mirrored: one power-of-two
 * {@code double[]} lane per track, the track's frames as the mixer's strips take them (mono, see
 * {@code TrackBlock.toMono}), indexed by ring position masked with {@code capacity - 1}. All
 * lanes move in lockstep, so one pair of positions serves them all.
 *
 * <p>Memory-order contract:
 * <ul>
 *   <li>{@link #writeFrame} is written only by the producer, after it has written the samples of
 *       every lane up to it (a volatile store: release). The consumer reads it (volatile load:
 *       acquire) before reading those samples, so it sees them complete.</li>
 *   <li>{@link #readFrame} is written only by the consumer, after it has finished reading every
 *       sample before it (release). The producer reads it (acquire) before overwriting slots, so
 *       it never overwrites a sample the consumer still reads.</li>
 *   <li>Positions are ring positions (64-bit, they never wrap in practice), not take frames: a
 *       seek does not move them. The frames held are {@code writeFrame - readFrame}, at most
 *       {@link #capacityFrames()}.</li>
 *   <li>A seek is a request from the consumer and an answer from the producer, each a set of
 *       plain fields published by one volatile store of its epoch (release) and read after a load
 *       of it (acquire): {@link #requestSeek} by the consumer, {@link #acknowledge} by the
 *       producer, naming the ring position from which the frames are the sought ones. The
 *       consumer discards what it holds before that position. A request's fields are read as a
 *       seqlock (epoch before and after equal), since the consumer may ask again meanwhile.</li>
 * </ul>
 * Neither side waits on the other: the producer fills when there is room, the consumer takes a
 * block when one is there and otherwise plays silence and counts it.
 */
public final class TrackRing {
    private final double[][] lanes;
    private final int capacityFrames;
    private final int mask;

    /** Frames published; written by the reader thread, read by the playback thread. */
    private volatile long writeFrame;
    /** Frames released; written by the playback thread, read by the reader thread. */
    private volatile long readFrame;

    // The seek request: plain fields written by the playback thread before requestEpoch.
    private long requestFrame;
    private long requestLoopFrom;
    private long requestLoopTo;
    /** Written by the playback thread (release), read by the reader thread (acquire). */
    private volatile long requestEpoch;

    // The answer: plain fields written by the reader thread before ackEpoch.
    private long ackRingFrame;
    /** Written by the reader thread (release), read by the playback thread (acquire). */
    private volatile long ackEpoch;

    /**
     * @param tracks         lanes, one per track file
     * @param capacityFrames frames per lane, a power of two
     */
    public TrackRing(int tracks, int capacityFrames) {
        if (Integer.bitCount(capacityFrames) != 1) throw new IllegalArgumentException("capacity must be a power of two: " + capacityFrames);
        this.lanes = new double[tracks][capacityFrames];
        this.capacityFrames = capacityFrames;
        this.mask = capacityFrames - 1;
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

    /** A track's lane. The producer writes [writeFrame, readFrame + capacity); the consumer reads [readFrame, writeFrame). */
    public double[] lane(int track) {
        return lanes[track];
    }

    /** Both sides: frames published so far. */
    public long writeFrame() {
        return writeFrame;
    }

    /** Both sides: frames released so far. */
    public long readFrame() {
        return readFrame;
    }

    /** Producer only: room for this many more frames. */
    public long freeFrames() {
        return capacityFrames - (writeFrame - readFrame);
    }

    /** Consumer only: frames ready to take. */
    public long heldFrames() {
        return writeFrame - readFrame;
    }

    /** Producer only: makes every lane's samples before {@code frame} visible to the consumer. */
    public void publish(long frame) {
        writeFrame = frame;
    }

    /** Consumer only: hands the slots before {@code frame} back to the producer. Never moves backwards. */
    public void release(long frame) {
        if (frame > readFrame) readFrame = Math.min(frame, writeFrame);
    }

    /**
     * Consumer only: asks for take frames from {@code frame} on, wrapping from {@code loopTo}
     * back to {@code loopFrom} ({@code loopTo <= loopFrom}: no loop); returns the request's epoch.
     */
    public long requestSeek(long frame, long loopFrom, long loopTo) {
        long epoch = requestEpoch + 1;
        // Odd while the fields change: a producer reading now sees a torn request and looks again.
        requestEpoch = epoch;
        java.lang.invoke.VarHandle.storeStoreFence();
        requestFrame = frame;
        requestLoopFrom = loopFrom;
        requestLoopTo = loopTo;
        requestEpoch = epoch + 1;
        return epoch + 1;
    }

    /** A seek request as the producer read it. */
    record Request(long epoch, long frame, long loopFrom, long loopTo) {}

    /** Producer only: the latest request if it is newer than {@code seenEpoch}, else null. */
    Request pendingRequest(long seenEpoch) {
        while (true) {
            long e1 = requestEpoch;
            if (e1 == seenEpoch) return null;
            if ((e1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            long frame = requestFrame;
            long from = requestLoopFrom;
            long to = requestLoopTo;
            java.lang.invoke.VarHandle.loadLoadFence();
            if (requestEpoch == e1) return new Request(e1, frame, from, to);
        }
    }

    /** Producer only: the frames of request {@code epoch} start at ring position {@code ringFrame}. */
    void acknowledge(long epoch, long ringFrame) {
        ackRingFrame = ringFrame;
        ackEpoch = epoch;
    }

    /** Consumer only: where request {@code epoch}'s frames start in the ring, or -1 while it is unanswered. */
    public long answer(long epoch) {
        return ackEpoch == epoch ? ackRingFrame : -1;
    }
}
