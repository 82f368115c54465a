package org.taperoom.appliance.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.ring.RingTap;
import org.taperoom.appliance.recording.ring.TapFanOut;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * The tuner of a running service shares the capture ring with another tap (always-on capture's
 * place): both get every frame, the tuner reads the simulator's tone within a cent, and neither
 * the capture thread nor the fan-out allocates.
 */
class LiveTunerTest {

    /** Checks every frame it is given against the simulator's index signal, in order; writer thread. */
    static final class IndexCheckingTap implements RingTap {
        volatile long frames;
        volatile long firstFrom = -1;
        volatile String problem;
        private long expectedFrom = -1;

        @Override
        public void consume(FrameRing ring, long from, int n) {
            if (firstFrom < 0) firstFrom = from;
            if (expectedFrom >= 0 && from != expectedFrom && problem == null) problem = "a gap: " + expectedFrom + " → " + from;
            int[] lane = ring.lane(0);
            for (int i = 0; i < n; i++) {
                long f = from + i;
                int want = SimSignal.sample(SimSignal.INDEX, 0, f, 48000, 24, 1, 1.0);
                if (lane[(int) (f & ring.mask())] != want && problem == null) problem = "frame " + f + " holds another frame's sample";
            }
            expectedFrom = from + n;
            frames = frames + n;
        }

        @Override
        public void sync() {}
    }

    /** Counts the frames it is given; writer thread. */
    static final class CountingTap implements RingTap {
        volatile long frames;

        @Override
        public void consume(FrameRing ring, long from, int n) {
            frames = frames + n;
        }

        @Override
        public void sync() {}
    }

    @Test
    void theTunerReadsTheSimulatorsToneWithinOneCentWhileAnotherTapAndATakeUseTheSameRing(@TempDir Path dir) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.parse("sim:sine=440.5", SimOptions.defaults()));
        List<LiveTuner.Reading> readings = new ArrayList<>();
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 2, 48000, "24"), sim)) {
            engine.start();
            CountingTap other = new CountingTap();
            engine.setRingTap(other);
            engine.startTake(TakeRequest.everything("tuning"));
            try (LiveTuner tuner = new LiveTuner(engine, r -> {
                synchronized (readings) {
                    readings.add(r);
                }
            })) {
                tuner.start(2, 440);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (readingsCount(readings) < 20 && System.nanoTime() < deadline) Thread.sleep(20);
                LiveTuner.Reading last = tuner.latest();
                assertTrue(readingsCount(readings) >= 20, "20 readings within 10 s: " + readingsCount(readings));
                double trueCents = 1200 * Math.log(440.5 / 440) / Math.log(2);
                synchronized (readings) {
                    for (LiveTuner.Reading r : readings) {
                        assertEquals("A4", r.note().note());
                        assertEquals(trueCents, r.note().cents(), 1.0, "cents of a 440.5 Hz tone against A4 = 440 Hz");
                        assertEquals(2, r.input());
                    }
                }
                long seen = other.frames;
                Thread.sleep(200);
                assertTrue(other.frames > seen, "the other tap is still fed");
                System.out.printf("tuner on sim:sine=440.5: %s, %.3f cents (true %.3f)%n", last.note().note(), last.note().cents(), trueCents);
            }
            engine.stopTake();
        }
    }

    @Test
    void aTapAddedAgainAfterTheRingWrappedIsFedOnlyFramesTheRingStillHolds(@TempDir Path dir) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false).withSignals(SimSignal.INDEX));
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 1, 48000, "24").with(RecordingKeys.RING_SECONDS, 1), sim)) {
            engine.start();
            IndexCheckingTap first = new IndexCheckingTap();
            engine.addRingTap(first);
            waitUntil(() -> first.frames > 48000, "the first tap got a second");
            engine.removeRingTap(first);
            long at = engine.captureFrame();
            waitUntil(() -> engine.captureFrame() > at + 10 * 48000, "the ring wrapped several times");
            IndexCheckingTap again = new IndexCheckingTap();
            engine.addRingTap(again);
            waitUntil(() -> again.frames > 5 * 48000, "the tap added again got five seconds");
            engine.removeRingTap(again);
            assertEquals(null, again.problem, "what the tap added again was given (from frame " + again.firstFrom + ")");
            assertEquals(null, first.problem);
        }
    }

    @Test
    void neitherTheCaptureThreadNorTheFanOutAllocatesWithTheTunerAndAnotherTapOn(@TempDir Path dir) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        SimBackend sim = new SimBackend(SimOptions.parse("sim:sine=82.41,unpaced", SimOptions.defaults()));
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 4, 48000, "24")
                .with(RecordingKeys.PERIOD_FRAMES, 256), sim);
             LiveTuner tuner = new LiveTuner(engine, r -> { })) {
            engine.start();
            engine.setRingTap(new CountingTap());
            tuner.start(3, 440);
            long tid = engine.captureThread().threadId();
            waitForPeriods(engine, 20_000);
            long p0 = engine.status().capturePeriods();
            long a0 = mx.getThreadAllocatedBytes(tid);
            waitForPeriods(engine, p0 + 10_000);
            long a1 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("capture thread with two taps: %d bytes over %d periods%n", a1 - a0, engine.status().capturePeriods() - p0);
            assertEquals(0, a1 - a0, "bytes the capture thread allocated");
        }

        // The fan-out's own work, as the writer thread does it: two members, 100,000 chunks.
        FrameRing ring = new FrameRing(2, 1 << 14);
        TapFanOut fan = new TapFanOut();
        fan.add(new TunerTap(1, 1 << 16));
        fan.add(new CountingTap());
        for (int i = 0; i < 50_000; i++) fan.consume(ring, (long) i * 256, 256);
        long me = Thread.currentThread().threadId();
        long b0 = mx.getThreadAllocatedBytes(me);
        for (int i = 0; i < 100_000; i++) {
            fan.consume(ring, (long) i * 256, 256);
            if (i % 1000 == 0) fan.sync();
        }
        long b1 = mx.getThreadAllocatedBytes(me);
        System.out.printf("fan-out: %d bytes over 100,000 chunks%n", b1 - b0);
        assertEquals(0, b1 - b0, "bytes the fan-out allocated feeding two taps");
    }

    @Test
    void theTunerFollowsTheDeviceReopenedAtAnotherRateAndStopsWhenItsInputIsGone(@TempDir Path dir) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.parse("sim:sine=440.5", SimOptions.defaults()));
        List<LiveTuner.Reading> readings = new ArrayList<>();
        double trueCents = 1200 * Math.log(440.5 / 440) / Math.log(2);
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 2, 48000, "24"), sim);
             LiveTuner tuner = new LiveTuner(engine, r -> {
                 synchronized (readings) {
                     readings.add(r);
                 }
             })) {
            engine.start();
            tuner.start(2, 440);
            waitUntil(() -> readingsCount(readings) >= 5, "readings at 48 kHz");
            assertTrue(engine.reopen("sim:sine=440.5", 2, 44100, "24", 0.5), "reopened at 44.1 kHz");
            synchronized (readings) {
                readings.clear();
            }
            waitUntil(() -> readingsCount(readings) >= 20, "20 readings after the reopen");
            synchronized (readings) {
                System.out.printf("tuner after the reopen at 44.1 kHz: %s, %.3f cents (true %.3f)%n", readings.get(19).note().note(),
                        readings.get(19).note().cents(), trueCents);
                for (LiveTuner.Reading r : readings.subList(0, 20)) {
                    assertEquals("A4", r.note().note(), "after the reopen at 44.1 kHz: " + r.note().hz() + " Hz");
                    assertEquals(trueCents, r.note().cents(), 1.0, "cents of 440.5 Hz after the reopen at 44.1 kHz");
                }
            }
            assertTrue(tuner.on());

            assertTrue(engine.reopen("sim:sine=440.5", 1, 48000, "24", 0.5), "reopened with one input");
            waitUntil(() -> !tuner.on(), "the tuner stops: input 2 is gone");
            assertEquals("input 2 is gone: the interface now has 1 input", tuner.problem());
        }
    }

    @Test
    void anInputTheInterfaceDoesNotHaveIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 2, 48000, "24"), new SimBackend());
             LiveTuner tuner = new LiveTuner(engine, r -> { })) {
            engine.start();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tuner.start(3, 440));
            assertEquals("input 3 is not one of the interface's (1 to 2)", e.getMessage());
        }
    }

    private static int readingsCount(List<LiveTuner.Reading> readings) {
        synchronized (readings) {
            return readings.size();
        }
    }

    private static void waitForPeriods(RecordingEngine engine, long periods) throws InterruptedException {
        waitUntil(() -> engine.status().capturePeriods() >= periods, periods + " capture periods");
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(2);
        }
    }
}
