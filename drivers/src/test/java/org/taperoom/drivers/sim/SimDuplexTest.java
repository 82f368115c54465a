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

    /**
     * A linked pair's frame t of capture and frame t of playback are one instant, also without a
     * loopback (the demo's {@code sim:signal=band}): the capture started first waits for the
     * playback's start, as a linked ALSA capture waits for the pair's start. Seen through the
     * clocks: each period the output is given is compared with the capture's frame at that moment.
     */
    @Test
    void withoutALoopbackBothStreamsOfThePairCountFromOneStart() throws Exception {
        StreamConfig config = new StreamConfig(2, 48000, 256, 4, null);
        SimBackend sim = new SimBackend();
        long[] seen = new long[2];
        try (DuplexStreams pair = sim.openDuplex("sim:signal=band", config, config)) {
            SimCaptureStream capture = (SimCaptureStream) pair.capture();
            Thread reader = new Thread(() -> {
                int[] period = new int[256 * 2];
                capture.start();
                for (int p = 0; p < 60; p++) capture.readPeriod(period);
            }, "test-capture");
            reader.start();
            // The capture runs on its own (an engine started before the song plays) for 100 ms first.
            Thread.sleep(100);
            pair.playback().start();
            float[] silence = new float[256 * 2];
            // A late wake-up only makes the reading later: the smallest difference is the clocks' own.
            long least = Long.MAX_VALUE;
            for (int p = 0; p < 40; p++) {
                pair.playback().writePeriod(silence);
                // After period p's write returns, output frame (p + 1) * 256 is starting to play.
                long captured = capture.deviceFrameAt(System.nanoTime());
                least = Math.min(least, captured - (p + 1) * 256L);
            }
            reader.join(5000);
            seen[0] = least;
        }
        System.out.printf("plain simulator, linked pair: the capture's clock runs %d frames ahead of the output's (at least)%n", seen[0]);
        assertTrue(Math.abs(seen[0]) <= 256, "within a period of one start, not the 100 ms (4800 frames) the capture ran first: " + seen[0]);
    }
}
