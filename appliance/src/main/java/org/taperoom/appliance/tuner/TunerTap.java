package org.taperoom.appliance.tuner;

import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.ring.RingTap;

/**
 * The tuner's tap on the capture ring: on the writer thread it copies one input's samples, as
 * floats, into a ring of its own that the tuner thread reads. The capture thread never sees the
 * tuner; the writer thread never waits for it: when the tuner falls behind, new samples are
 * dropped and counted until the tuner has drained the ring, and the position of the gap is
 * published so that no analysis window spans it. A reopened device (a new capture ring, perhaps at
 * another rate) is a gap too.
 *
 * <p>Memory order, as in {@link FrameRing}: {@link #written} is stored (release) by the writer
 * thread after the samples before it; {@link #read} is stored by the tuner thread after it has
 * copied the samples before it.
 */
public final class TunerTap implements RingTap {
    private final int track;
    private final float[] samples;
    private final int mask;
    /** Samples published; written by the writer thread, read by the tuner thread. */
    private volatile long written;
    /** Samples consumed; written by the tuner thread, read by the writer thread. */
    private volatile long read;
    /** Samples dropped because the tuner was behind; written by the writer thread. */
    private volatile long dropped;
    /**
     * Where the newest gap is: the position (in {@link #written}'s count) of the first sample
     * written after a drop, or -1. Written by the writer thread before it publishes that sample.
     */
    private volatile long gapAt = -1;
    /** Writer thread only: the last chunk was dropped. */
    private boolean dropping;
    /**
     * The ring the last chunk came from; writer thread only (a reopened device brings a new ring,
     * and perhaps another rate, on a new writer thread started after the old one ended).
     */
    private FrameRing lastRing;
    /** The ring has no lane {@link #track} any more (the device came back with fewer inputs); written by the writer thread. */
    private volatile boolean inputGone;

    /**
     * @param track           0-based input (ring lane) to listen to
     * @param capacitySamples a power of two
     */
    public TunerTap(int track, int capacitySamples) {
        if (Integer.bitCount(capacitySamples) != 1) throw new IllegalArgumentException("capacity must be a power of two");
        this.track = track;
        this.samples = new float[capacitySamples];
        this.mask = capacitySamples - 1;
    }

    /** Writer thread. */
    @Override
    public void consume(FrameRing ring, long from, int frames) {
        long w = written;
        if (ring != lastRing) {
            // Another ring: the device was reopened, perhaps at another rate. What follows is a
            // new signal, so it starts after a gap, and no window spans the two.
            if (lastRing != null) {
                gapAt = w;
                dropping = false;
            }
            lastRing = ring;
        }
        if (track >= ring.tracks()) {
            dropped += frames;
            inputGone = true;
            return;
        }
        if (dropping) {
            // After a drop, nothing more until the tuner has taken every sample before the gap,
            // so that a gap is only ever where the tuner is reading: one pending gap, never two.
            if (w != read) {
                dropped += frames;
                return;
            }
            gapAt = w;
            dropping = false;
        }
        if (w + frames - read > samples.length) {
            dropped += frames;
            dropping = true;
            return;
        }
        int[] lane = ring.lane(track);
        int ringMask = ring.mask();
        for (int i = 0; i < frames; i++) samples[(int) ((w + i) & mask)] = lane[(int) ((from + i) & ringMask)] * 0x1p-31f;
        written = w + frames;
    }

    /** Writer thread: nothing to make durable. */
    @Override
    public void sync() {}

    /** Tuner thread: samples available to {@link #take}. */
    long available() {
        return written - read;
    }

    /** Tuner thread: samples taken so far. */
    long readPosition() {
        return read;
    }

    /** Tuner thread: the newest gap's position (see {@link #readPosition()}), or -1 for none. */
    long gapAt() {
        return gapAt;
    }

    /** Tuner thread: moves {@code count} samples (at most {@link #available()}) into {@code into[at …]}. */
    void take(float[] into, int at, int count) {
        long r = read;
        for (int i = 0; i < count; i++) into[at + i] = samples[(int) ((r + i) & mask)];
        read = r + count;
    }

    /** Any thread: whether the input listened to is gone (the device was reopened with fewer). */
    public boolean inputGone() {
        return inputGone;
    }

    /** Any thread: samples dropped so far because the tuner was behind (or its input was gone). */
    public long dropped() {
        return dropped;
    }
}
