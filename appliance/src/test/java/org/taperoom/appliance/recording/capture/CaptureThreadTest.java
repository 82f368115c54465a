package org.taperoom.appliance.recording.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/** The capture thread never waits on a full ring: it drops the period, counts it and tells the writer where. */
class CaptureThreadTest {

    @Test
    void aFullRingIsAnOverrunThatDropsThePeriodAndIsReportedAtItsPositionWhileMetersStayLive() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE, SimSignal.SILENCE));
        CaptureStream stream = sim.openCapture("sim", new StreamConfig(2, 48000, 256, 4, SampleFormat.S24_3LE));
        stream.start();
        FrameRing ring = new FrameRing(2, 1024); // four periods, and nobody drains it
        MeterBoard meters = new MeterBoard(2);
        CaptureEvents events = new CaptureEvents();
        CaptureThread capture = new CaptureThread(stream, ring, meters, events, 24, 48000, false);
        capture.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (capture.periods() < 20 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        capture.close(2000);
        long periods = capture.periods();
        assertTrue(periods >= 20, "the thread kept reading periods: " + periods);
        assertEquals(1024, ring.writeFrame(), "the ring holds the first four periods");
        assertEquals(periods - 4, capture.overruns(), "every later period was an overrun");
        assertEquals((periods - 4) * 256, capture.ringDroppedFrames());
        List<long[]> seen = new ArrayList<>();
        events.drain((kind, frame, value) -> seen.add(new long[] {kind, frame, value}));
        assertEquals(periods - 4, seen.size());
        for (long[] e : seen) {
            assertEquals(CaptureEvents.OVERRUN_RING, e[0]);
            assertEquals(1024, e[1], "the gap is after the last frame the ring holds");
            assertEquals(256, e[2], "a period was lost");
        }
        MeterSnapshot m = new MeterSnapshot(2);
        meters.read(m);
        // The figures of the last period read, computed from the documented signal.
        double peak = 0;
        double sumSquares = 0;
        for (long n = (periods - 1) * 256; n < periods * 256; n++) {
            double x = SimSignal.sample(SimSignal.SINE, 0, n, 48000, 24, 1, 1.0) * 0x1.0p-31;
            peak = Math.max(peak, Math.abs(x));
            sumSquares += x * x;
        }
        assertEquals(20 * Math.log10(peak), m.peakDbfs[0], 0.01, "sine peak of the last period");
        assertEquals(10 * Math.log10(sumSquares / 256), m.rmsDbfs[0], 0.01, "sine RMS of the last period");
        assertEquals(Float.NEGATIVE_INFINITY, m.peakDbfs[1], "silence");
        assertEquals(periods * 256, m.framePosition, "meters of the last period read");
    }
}
