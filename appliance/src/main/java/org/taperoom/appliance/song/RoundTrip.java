package org.taperoom.appliance.song;

/**
 * A device's round trip in frame counters: what the playback stream is given as its frame t is
 * captured as the capture stream's frame {@code t + frames}, both counted from their start (the
 * output's buffer, the converters, the cable and the input's buffer together).
 *
 * @param frames   the round trip
 * @param measured true when a calibration measured it; false for an estimate (the driver's
 *                 reported delays), which the overdub says it used
 * @param source   where it came from, for a person
 */
public record RoundTrip(long frames, boolean measured, String source) {}
