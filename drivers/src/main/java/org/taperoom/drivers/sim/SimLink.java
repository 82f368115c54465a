package org.taperoom.drivers.sim;

/**
 * The start two streams of a simulated full-duplex pair share, as {@code snd_pcm_link} gives an
 * ALSA pair: the playback's start is the pair's, and the capture's frame 0 is that instant however
 * long before it the capture was started and read (its first read waits for it). So capture frame
 * t and output frame t are one instant, with or without a loopback. A late playback write restarts
 * the playback's clock later; the pair's start moves with it (see {@link #shift}).
 */
final class SimLink {
    private static final long UNSET = Long.MIN_VALUE;
    /** System.nanoTime() of the playback's start; written once by the thread starting it, read by the capture thread. */
    private volatile long startNanos = UNSET;
    /** Set when the playback closes unstarted: the capture then runs on its own clock. */
    private volatile boolean abandoned;

    void playbackStarted(long nanos) {
        if (startNanos == UNSET) startNanos = nanos;
    }

    /**
     * The playback's clock restarted {@code lateNanos} later after a late write (an underrun that
     * loses no frames in the simulator): the pair's does too, as a linked pair stops and starts as
     * one. Playback thread.
     */
    void shift(long lateNanos) {
        if (startNanos != UNSET) startNanos = startNanos + lateNanos;
    }

    void playbackClosed() {
        abandoned = true;
    }

    /** The pair's start, or {@code UNSET} while the playback has not started. */
    long startNanos() {
        return startNanos;
    }

    boolean started() {
        return startNanos != UNSET;
    }

    /** Whether the capture should stop waiting: the playback started or will not. */
    boolean settled() {
        return started() || abandoned;
    }
}
