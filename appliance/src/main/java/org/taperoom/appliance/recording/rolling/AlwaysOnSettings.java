package org.taperoom.appliance.recording.rolling;

/**
 * How much always-on capture keeps; the shell builds it from the configuration.
 *
 * @param bufferMinutes  the rolling buffer's length
 * @param keepMinutes    how much of it before the press a take keeps (at most {@code bufferMinutes})
 * @param segmentSeconds the length of one buffer file (what rotation deletes at a time)
 */
public record AlwaysOnSettings(double bufferMinutes, double keepMinutes, int segmentSeconds) {}
