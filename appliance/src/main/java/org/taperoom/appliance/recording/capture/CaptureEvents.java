package org.taperoom.appliance.recording.capture;

/**
 * What the capture thread tells the writer thread besides samples: overruns and clips with their
 * ring positions. A single-producer/single-consumer ring of preallocated slots; when it is full an
 * event is dropped and counted rather than waited for. Positions are ring frames (the timeline
 * of the files).
 */
public final class CaptureEvents {
    public static final int OVERRUN_DEVICE = 1;
    public static final int OVERRUN_RING = 2;
    public static final int CLIP = 3;

    private static final int CAPACITY = 1024;
    private static final int MASK = CAPACITY - 1;

    // Slots: written by the capture thread before publishing head, read by the writer after reading head.
    private final int[] kind = new int[CAPACITY];
    private final long[] frame = new long[CAPACITY];
    private final long[] value = new long[CAPACITY];
    /** Written by the capture thread, read by the writer thread. */
    private volatile long head;
    /** Written by the writer thread, read by the capture thread. */
    private volatile long tail;
    /** Events lost because the ring was full; written by the capture thread. */
    private volatile long dropped;

    /** Capture thread: publishes one event; {@code value} is the channel for a clip, the lost frames (or -1) for an overrun. */
    void publish(int k, long atFrame, long v) {
        long h = head;
        if (h - tail >= CAPACITY) {
            dropped = dropped + 1;
            return;
        }
        int i = (int) (h & MASK);
        kind[i] = k;
        frame[i] = atFrame;
        value[i] = v;
        head = h + 1;
    }

    /** Receives events on the writer thread. */
    public interface Sink {
        void onEvent(int kind, long frame, long value);
    }

    /** Writer thread: hands every pending event to {@code sink}; returns how many. */
    public int drain(Sink sink) {
        long h = head;
        long t = tail;
        int n = 0;
        while (t < h) {
            int i = (int) (t & MASK);
            sink.onEvent(kind[i], frame[i], value[i]);
            t++;
            n++;
        }
        tail = t;
        return n;
    }

    /** Events lost because the queue was full, since construction; any thread. */
    public long dropped() {
        return dropped;
    }
}
