package org.taperoom.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.taperoom.drivers.audio.DuplexProbe;
import org.taperoom.drivers.audio.DuplexReport;
import org.taperoom.drivers.audio.DuplexStreams;
import org.taperoom.drivers.audio.StreamConfig;

/** The simulated interface as a full-duplex device: a linked pair whose delays add up to its loopback. */
class SimDuplexTest {
    private static final StreamConfig CONFIG = new StreamConfig(2, 48000, 64, 4, null);

    @Test
    void theSimulatorOpensALinkedPair() throws Exception {
        try (DuplexStreams pair = new SimBackend().openDuplex("sim:unpaced,loopback=37", CONFIG, CONFIG)) {
            assertTrue(pair.linked(), pair.note());
        }
    }

    @Test
    void itsReportedRoundTripIsTheLoopbacksFrames() throws Exception {
        for (int frames : new int[] {0, 37, 4799}) {
            DuplexReport r = DuplexProbe.measure(new SimBackend(), "sim:unpaced,loopback=" + frames, CONFIG);
            assertEquals(0, r.captureDelayFrames());
            assertEquals(frames, r.playbackDelayFrames());
            assertEquals(frames, r.roundTripFrames());
        }
    }
}
