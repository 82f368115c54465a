package org.taperoom.appliance.playback;

/**
 * A copy of what the playback thread gives the device, for a listener off the real-time path (the
 * panel's browser stream): a single-producer/single-consumer ring of interleaved stereo floats
 * (the master's left and right), a power of two of frames, indexed by absolute frame positions
 * masked with {@code capacity - 1}. Allocated once; one tap serves every take the service plays.
 *
 * <p>Memory-order contract, {@link org.taperoom.appliance.recording.ring.FrameRing}'s:
 * <ul>
 *   <li>{@link #writeFrame} is written only by the producer (the playback thread), after the
 *       samples before it (release); the consumer reads it (acquire) before reading them.</li>
 *   <li>{@link #readFrame} is written only by the consumer, after it has read the samples before
 *       it (release); the producer reads it (acquire) before overwriting slots.</li>
 * </ul>
 * The producer never waits: a period that does not fit (nobody is reading, or too slowly) is
 * dropped and counted. It copies nothing while no one {@linkplain #listen listens}.
 */
public final class OutputTap {
    private final float[] samples;
    private final int capacityFrames;
    private final int mask;
    /** Frames published; written by the playback thread, read by the consumer. */
    private volatile long writeFrame;
    /** Frames consumed; written by the consumer, read by the playback thread. */
    private volatile long readFrame;
    /** Frames dropped because the ring was full; written by the playback thread. */
    private volatile long droppedFrames;
    /** Whether anyone listens; written by the consumer's owner, read by the playback thread each period. */
    private volatile boolean listening;
    /** The rate of what is being tapped; written by the service when a take opens, read by the consumer. */
    private volatile int rateHz = 48000;

    /** @param capacityFrames a power of two */
    public OutputTap(int capacityFrames) {
        if (Integer.bitCount(capacityFrames) != 1) throw new IllegalArgumentException("capacity must be a power of two: " + capacityFrames);
        this.samples = new float[2 * capacityFrames];
        this.capacityFrames = capacityFrames;
        this.mask = capacityFrames - 1;
    }

    /** Any thread: start or stop copying (stopping lets the playback thread skip the copy). */
    public void listen(boolean on) {
        listening = on;
    }

    void rateHz(int rate) {
        rateHz = rate;
    }

    public int rateHz() {
        return rateHz;
    }

    public int capacityFrames() {
        return capacityFrames;
    }

    public long droppedFrames() {
        return droppedFrames;
    }

    /** Producer only: the first two channels of {@code frames} interleaved frames of {@code channels} channels. */
    void offer(float[] interleaved, int frames, int channels) {
        if (!listening) return;
        long w = writeFrame;
        if (capacityFrames - (w - readFrame) < frames) {
            droppedFrames = droppedFrames + frames;
            return;
        }
        for (int i = 0, j = 0; i < frames; i++, j += channels) {
            int slot = (int) ((w + i) & mask) << 1;
            samples[slot] = interleaved[j];
            samples[slot + 1] = channels > 1 ? interleaved[j + 1] : interleaved[j];
        }
        writeFrame = w + frames;
    }

    /** Consumer only: frames available to read. */
    public int available() {
        return (int) (writeFrame - readFrame);
    }

    /**
     * Consumer only: moves up to {@code maxFrames} frames (interleaved left, right) into
     * {@code into} and returns how many.
     */
    public int poll(float[] into, int maxFrames) {
        long r = readFrame;
        int n = (int) Math.min(Math.min(maxFrames, into.length / 2), writeFrame - r);
        for (int i = 0; i < n; i++) {
            int slot = (int) ((r + i) & mask) << 1;
            into[2 * i] = samples[slot];
            into[2 * i + 1] = samples[slot + 1];
        }
        readFrame = r + n;
        return n;
    }

    /** Consumer only: forgets what is held (a listener that joins hears from now, not from seconds ago). */
    public void skipToNow() {
        readFrame = writeFrame;
    }
}
