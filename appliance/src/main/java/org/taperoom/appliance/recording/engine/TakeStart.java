package org.taperoom.appliance.recording.engine;

import java.time.Instant;

/**
 * Where a new take starts in the ring and when, from the press: the press instant (not the moment
 * the request arrived after debounce and scheduling), never later than what has been captured and
 * never earlier than what the ring still holds; the take starts the pre-roll before it, as far as
 * the ring reaches back.
 *
 * @param startFrame  ring position of the take's first frame
 * @param pressFrame  ring position of the press
 * @param firstSample wall-clock time of the first frame
 * @param pressed     wall-clock time of the press
 */
record TakeStart(long startFrame, long pressFrame, Instant firstSample, Instant pressed) {

    /**
     * @param oldestFrame   the oldest frame the ring still holds
     * @param capturedFrame the frame after the last one captured, at {@code now}
     * @param pressAtFrame  the ring position the press maps to, or {@code capturedFrame} for "now"
     */
    static TakeStart of(long oldestFrame, long capturedFrame, long pressAtFrame, long preRollFrames, int rateHz, Instant now) {
        long pressFrame = Math.max(oldestFrame, Math.min(capturedFrame, pressAtFrame));
        long startFrame = Math.max(oldestFrame, pressFrame - preRollFrames);
        Instant firstSample = now.minusNanos((capturedFrame - startFrame) * 1_000_000_000L / rateHz);
        Instant pressed = now.minusNanos((capturedFrame - pressFrame) * 1_000_000_000L / rateHz);
        return new TakeStart(startFrame, pressFrame, firstSample, pressed);
    }

    long preRollFrames() {
        return pressFrame - startFrame;
    }
}
