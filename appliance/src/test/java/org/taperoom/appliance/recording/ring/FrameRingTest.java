package org.taperoom.appliance.recording.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The frame ring: power-of-two lanes indexed by mask, positions that never move backwards. */
class FrameRingTest {

    @Test
    void capacityIsThePowerOfTwoAtOrAboveTheRequest() {
        assertEquals(1024, FrameRing.capacityFor(1000));
        assertEquals(1024, FrameRing.capacityFor(1024));
        assertEquals(2048, FrameRing.capacityFor(1025));
        assertThrows(IllegalArgumentException.class, () -> new FrameRing(2, 1000));
    }

    @Test
    void framesWrittenAcrossTheWrapComeBackInOrderAndReleaseNeverMovesBackwards() throws Exception {
        FrameRing ring = new FrameRing(2, 8);
        long produced = 0;
        long consumed = 0;
        for (int round = 0; round < 100; round++) {
            int n = 1 + round % 5;
            if (ring.freeFrames() >= n) {
                for (int i = 0; i < n; i++) {
                    ring.lane(0)[(int) ((produced + i) & ring.mask())] = (int) (produced + i);
                    ring.lane(1)[(int) ((produced + i) & ring.mask())] = (int) -(produced + i);
                }
                produced += n;
                ring.publish(produced);
            }
            while (consumed < ring.writeFrame() - 2) {
                assertEquals(consumed, ring.lane(0)[(int) (consumed & ring.mask())]);
                assertEquals(-consumed, ring.lane(1)[(int) (consumed & ring.mask())]);
                consumed++;
            }
            ring.release(consumed);
            ring.release(consumed - 3);
            assertEquals(consumed, ring.readFrame());
        }
        ring.release(produced + 100);
        assertEquals(produced, ring.readFrame(), "release stops at what was written");
    }
}
