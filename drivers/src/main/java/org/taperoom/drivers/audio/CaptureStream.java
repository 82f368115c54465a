package org.taperoom.drivers.audio;

/**
 * An open capture stream. Owned by one thread, the capture thread, from {@link #start()} to
 * {@link #close()}; no method is thread-safe.
 *
 * <p>Real-time contract: after {@link #start()}, {@link #readPeriod(int[])} allocates nothing,
 * takes no lock and logs nothing, on every path including overruns and a vanished device.
 */
public interface CaptureStream extends AutoCloseable {

    /** The configuration actually negotiated with the device (rate, channels, period, format). */
    StreamConfig config();

    /** Prepares and starts the device. */
    void start() throws AudioDeviceException;

    /**
     * Reads exactly one period: {@code config().periodFrames()} frames, interleaved, converted to
     * left-justified S32 (see {@link SampleFormat}) into {@code dest[0 .. periodFrames*channels)}.
     * Blocks until the period is there when the device is paced.
     */
    ReadStatus readPeriod(int[] dest);

    /**
     * Called once on the capture thread before its first {@link #readPeriod}: the place for setup
     * that belongs to the thread (real-time scheduling). May allocate and log; the steady state
     * has not begun. Does nothing by default.
     */
    default void onCaptureThreadStart() {}

    /**
     * Whether the device delivers periods at its sample rate (a real interface) rather than as
     * fast as they are read (the simulator unpaced, alsa-lib's file and null plugins). An unpaced
     * stream cannot overrun, so the engine waits for ring room instead of dropping a period.
     */
    default boolean paced() {
        return true;
    }

    /**
     * Bits of resolution in the samples {@link #readPeriod} delivers (left-justified in 32): the
     * negotiated format's significant bits by default, 24 when none was negotiated.
     */
    default int resolutionBits() {
        SampleFormat format = config().format();
        return format == null ? 24 : Math.min(32, format.significantBits);
    }

    /** Overruns (and suspends) recovered since start. Read by the capture thread only. */
    long overruns();

    /**
     * Why the last {@link #readPeriod} returned {@link ReadStatus#GONE}, in the driver's words
     * (for ALSA the call, the error and the stream's state); empty when it did not or cannot say.
     * Asked by another thread once the capture thread has ended.
     */
    default String goneReason() {
        return "";
    }

    /**
     * Frames the device lost in the overrun the last {@link ReadStatus#OVERRUN_RECOVERED} read
     * reported, or -1 when the stream cannot tell. Read by the capture thread only.
     */
    default long lastOverrunLostFrames() {
        return -1;
    }

    /** Stops the device and frees everything the stream holds. Idempotent. */
    /**
     * The stream's delay now ({@code snd_pcm_delay}): frames captured and not yet read; -1 when the
     * device cannot tell. May allocate: not for the real-time thread's periods.
     */
    default long delayFrames() {
        return -1;
    }

    @Override
    void close();
}
