package org.taperoom.appliance.recording.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/** The capture thread allocates nothing per period once warmed up, while a take is being written. */
class CaptureAllocationTest {

    @Test
    void theCaptureThreadAllocatesZeroBytesOverTenThousandPeriodsAfterWarmUp(@TempDir Path dir) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "the JVM measures per-thread allocation");
        mx.setThreadAllocatedMemoryEnabled(true);
        // Every signal, an overrun during the measurement, and a channel driven into clipping:
        // the rare paths must not allocate either.
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false)
                .withSignals(SimSignal.SINE, SimSignal.NOISE, SimSignal.INDEX, SimSignal.IMPULSE, SimSignal.SILENCE)
                // Overruns every 5000 periods: the first during warm-up (its first run through the
                // JIT's never-taken branch deoptimizes and reinterprets, which is warm-up), the next
                // ones inside the measured window.
                .withOverrun(10_000L * 256, 256).withOverrunEvery(5_000L * 256));
        sim.gains().setGainDb(0, 12);
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 8, 48000, "24").with(
                org.taperoom.appliance.config.RecordingKeys.PERIOD_FRAMES, 256), sim)) {
            engine.start();
            engine.startTake(TakeRequest.everything("test"));
            long tid = engine.captureThread().threadId();
            waitForPeriods(engine, 20_000);
            long p0 = engine.status().capturePeriods();
            long a0 = mx.getThreadAllocatedBytes(tid);
            waitForPeriods(engine, p0 + 10_000);
            long a1 = mx.getThreadAllocatedBytes(tid);
            long p1 = engine.status().capturePeriods();
            assertTrue(engine.status().overruns() >= 3, "overruns happened in the window too: " + engine.status().overruns());
            System.out.printf("capture thread: %d bytes allocated over %d periods%n", a1 - a0, p1 - p0);
            assertTrue(p1 - p0 >= 10_000);
            assertEquals(0, a1 - a0, "bytes the capture thread allocated over " + (p1 - p0) + " periods");
            engine.stopTake();
        }
    }

    private static void waitForPeriods(RecordingEngine engine, long periods) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (engine.status().capturePeriods() < periods) {
            if (System.nanoTime() > deadline) throw new AssertionError("the capture thread did not reach " + periods + " periods");
            Thread.sleep(5);
        }
    }
}
