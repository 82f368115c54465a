package org.taperoom.drivers.audio;

/**
 * An open playback stream, owned by one thread. Same real-time contract as {@link CaptureStream}.
 */
public interface PlaybackStream extends AutoCloseable {
    StreamConfig config();

    void start() throws AudioDeviceException;

    /** Called by the playback thread once, before its first write (ALSA raises it to SCHED_FIFO there). */
    default void onPlaybackThreadStart() {}

    /**
     * Writes exactly one period of interleaved left-justified S32 samples from {@code src}.
     * Returns {@link ReadStatus#OVERRUN_RECOVERED} after an underrun was recovered and
     * {@link ReadStatus#GONE} when the device vanished.
     */
    ReadStatus writePeriod(int[] src);

    /**
     * Writes exactly one period of interleaved float samples (full scale = 1.0) from {@code src},
     * with the same outcomes as {@link #writePeriod(int[])}. A float device gets the floats
     * unchanged (so a 32-bit float output is exact); an integer device gets them rounded to its
     * word, clamped to full scale. Allocates nothing.
     */
    ReadStatus writePeriod(float[] src);

    long underruns();

    /**
     * Frames the device played as silence in the underrun the last
     * {@link ReadStatus#OVERRUN_RECOVERED} write reported: how far its clock ran past the frames
     * written, so the period written as it recovered (and all after it) reach the converter that
     * much later. -1 when the stream cannot tell. Read by the playback thread only.
     */
    default long lastUnderrunLostFrames() {
        return -1;
    }

    /**
     * The stream's delay now ({@code snd_pcm_delay}): frames written and not yet played; -1 when the
     * device cannot tell. May allocate: not for the real-time thread's periods.
     */
    default long delayFrames() {
        return -1;
    }

    /**
     * How far ahead of what is heard a period is written: when a write returns, the period written
     * next is heard this many frames later. A device whose writes wait for room in a buffer of
     * {@code bufferPeriods} keeps all but one of them queued (the default).
     */
    default long writeAheadFrames() {
        return (long) config().periodFrames() * Math.max(0, config().bufferPeriods() - 1);
    }

    @Override
    void close();
}
