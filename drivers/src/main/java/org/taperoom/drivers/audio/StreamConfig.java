package org.taperoom.drivers.audio;

/**
 * What the engine asks of a device when it opens a stream.
 *
 * @param channels     interleaved channels, 1 to 64
 * @param rateHz       frames per second
 * @param periodFrames frames per period: the unit the capture thread reads and wakes up for
 * @param bufferPeriods periods in the device's buffer (ALSA buffer size = periodFrames * bufferPeriods)
 * @param format       the device format to negotiate, or {@code null} to take the best the device offers
 */
public record StreamConfig(int channels, int rateHz, int periodFrames, int bufferPeriods, SampleFormat format) {
    public StreamConfig {
        if (channels < 1 || channels > 64) {
            throw new IllegalArgumentException("channels must be 1 to 64, not " + channels);
        }
        if (rateHz <= 0) throw new IllegalArgumentException("rate must be positive, not " + rateHz);
        if (periodFrames <= 0) throw new IllegalArgumentException("period must be positive, not " + periodFrames);
        if (bufferPeriods < 2) throw new IllegalArgumentException("buffer must hold at least 2 periods, not " + bufferPeriods);
    }

    /** Period duration in nanoseconds, for pacing and latency figures. */
    public long periodNanos() {
        return periodFrames * 1_000_000_000L / rateHz;
    }
}
