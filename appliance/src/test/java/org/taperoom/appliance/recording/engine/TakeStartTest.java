package org.taperoom.appliance.recording.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a take starts: at the press (clamped to what the ring holds) minus the pre-roll the ring still has. */
class TakeStartTest {
    private static final int RATE = 48000;
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aTakeStartsThePreRollBeforeThePressAndItsClockTimesFollowTheFrames() {
        TakeStart s = TakeStart.of(0, 10 * RATE, 9 * RATE, 2 * RATE, RATE, NOW);
        assertEquals(9L * RATE, s.pressFrame());
        assertEquals(7L * RATE, s.startFrame());
        assertEquals(2L * RATE, s.preRollFrames());
        assertEquals(NOW.minusSeconds(1), s.pressed(), "the press lies 1 s before what has been captured");
        assertEquals(NOW.minusSeconds(3), s.firstSample());
    }

    @Test
    void aPressIsNeverLaterThanWhatHasBeenCapturedNorEarlierThanWhatTheRingHolds() {
        assertEquals(10L * RATE, TakeStart.of(0, 10 * RATE, 11 * RATE, 0, RATE, NOW).pressFrame(), "a press mapped past the capture");
        assertEquals(4L * RATE, TakeStart.of(4 * RATE, 10 * RATE, RATE, 0, RATE, NOW).pressFrame(), "a press older than the ring");
    }

    @Test
    void thePreRollIsWhatTheRingStillHoldsWhenItHoldsLess() {
        TakeStart s = TakeStart.of(8 * RATE, 10 * RATE, 10 * RATE, 5 * RATE, RATE, NOW);
        assertEquals(8L * RATE, s.startFrame());
        assertEquals(2L * RATE, s.preRollFrames());
    }
}
