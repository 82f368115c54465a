package org.taperoom.drivers.audio;

/**
 * Outcome of one {@link CaptureStream#readPeriod(int[])}. Returned as a constant so the capture
 * thread's steady state allocates nothing, errors included.
 */
public enum ReadStatus {
    /** A whole period was read, contiguous with the previous one. */
    OK,
    /**
     * The device overran (or resumed from a suspend) and was recovered: a whole period was read,
     * but some frames before it were lost. {@link CaptureStream#overruns()} has been incremented.
     */
    OVERRUN_RECOVERED,
    /** The device is gone (unplugged, -ENODEV): no data was read and no more will come. */
    GONE
}
