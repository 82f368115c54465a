package org.taperoom.drivers.audio;

/**
 * What a full-duplex device says about its own latency, read with both streams running: each
 * stream's delay ({@code snd_pcm_delay}: for playback the frames written and not yet played, for
 * capture the frames captured and not yet read) and their sum, the round trip the driver reports
 * (what an overdub falls back to when the device was not calibrated through a loopback).
 *
 * @param config              the configuration both streams ran at
 * @param captureDelayFrames  -1 when the driver cannot tell
 * @param playbackDelayFrames -1 when the driver cannot tell
 * @param roundTripFrames     the sum, -1 when either is unknown
 */
public record DuplexReport(boolean linked, String note, StreamConfig config, long captureDelayFrames, long playbackDelayFrames,
                           long roundTripFrames) {
    public static DuplexReport of(boolean linked, String note, StreamConfig config, long captureDelayFrames, long playbackDelayFrames) {
        long roundTrip = captureDelayFrames < 0 || playbackDelayFrames < 0 ? -1 : captureDelayFrames + playbackDelayFrames;
        return new DuplexReport(linked, note, config, captureDelayFrames, playbackDelayFrames, roundTrip);
    }
}
