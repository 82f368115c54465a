package org.taperoom.drivers.audio;

/**
 * An open playback stream, owned by one thread. Same real-time contract as {@link CaptureStream}.
 */
public interface PlaybackStream extends AutoCloseable {
    StreamConfig config();

    void start() throws AudioDeviceException;

    /**
     * Writes exactly one period of interleaved left-justified S32 samples from {@code src}.
     * Returns {@link ReadStatus#OVERRUN_RECOVERED} after an underrun was recovered and
     * {@link ReadStatus#GONE} when the device vanished.
     */
    ReadStatus writePeriod(int[] src);

    long underruns();

    @Override
    void close();
}
