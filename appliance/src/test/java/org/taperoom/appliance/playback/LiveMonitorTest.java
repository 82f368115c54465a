package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimOutputs;

/**
 * The live monitor of {@link PlaybackService} while the recorder runs and no take plays: a paced
 * simulated capture (the device's clock) fills a capture ring, with a marked click every half
 * second on input 2; the monitor hears it on the chosen pair.
 */
class LiveMonitorTest {
    private static final int RATE = 48000;
    private static final int PERIOD = 256;
    private static final int BUFFER_PERIODS = 3;
    private static final int MARK_EVERY = RATE / 2;
    private static final int MARK = 1 << 30; // 0.5 of full scale

    /** The recorder's side: reads the paced simulated capture and publishes its periods into the ring, with marks of its own. */
    private static final class Capture implements AutoCloseable {
        final FrameRing ring = new FrameRing(2, 1 << 16);
        final CaptureStream stream;
        final Thread thread;
        volatile boolean running = true;

        Capture(SimBackend sim) throws Exception {
            stream = sim.openCapture("sim", new StreamConfig(2, RATE, PERIOD, BUFFER_PERIODS, null));
            stream.start();
            thread = new Thread(this::run, "test-capture");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            int[] period = new int[PERIOD * 2];
            long frame = 0;
            while (running) {
                stream.readPeriod(period);
                for (int f = 0; f < PERIOD; f++) {
                    int at = (int) ((frame + f) & ring.mask());
                    ring.lane(0)[at] = 0;
                    ring.lane(1)[at] = (frame + f) % MARK_EVERY == 0 ? MARK : 0;
                }
                frame += PERIOD;
                ring.publish(frame);
            }
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(2000);
            stream.close();
        }
    }

    /** A mark heard on an output: its channel, its input frame, and how far the capture had got when it was written. */
    private record Heard(int channel, float level, long ringFrameAtWrite) {}

    private static SimOutputs listener(FrameRing ring, ConcurrentLinkedQueue<Heard> heard) {
        return new SimOutputs() {
            @Override
            public void floatPeriod(long frame, float[] interleaved, int frames, int channels) {
                long captured = ring.writeFrame();
                for (int f = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++) {
                        float v = interleaved[f * channels + c];
                        if (Math.abs(v) > 0.1f) heard.add(new Heard(c, v, captured));
                    }
                }
            }

            @Override
            public void intPeriod(long frame, int[] interleaved, int frames, int channels) {
                throw new AssertionError("the monitor writes floats");
            }
        };
    }

    /** The paced simulator with the capture above, a listener on its outputs, and the playback service on its output. */
    private static final class Rig implements AutoCloseable {
        final ConcurrentLinkedQueue<Heard> heard = new ConcurrentLinkedQueue<>();
        final Capture capture;
        final PlaybackService playback;

        Rig() throws Exception {
            SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(true));
            capture = new Capture(sim);
            sim.setOutputs(listener(capture.ring, heard));
            playback = new PlaybackService(sim, "sim", PERIOD, BUFFER_PERIODS, RATE);
        }

        void monitor(String outputs, String mix) throws Exception {
            playback.monitor(capture.ring, new MonitorRouting(true, MonitorOutputs.parse(outputs), MonitorMix.parse(mix)));
        }

        @Override
        public void close() throws Exception {
            playback.close();
            capture.close();
        }
    }

    @Test
    void aMonitoredInputIsHeardOnTheChosenPairAtMostTwoPeriodsBeyondTheDevicesOwnLatency() throws Exception {
        List<Heard> marks;
        try (Rig rig = new Rig()) {
            // Input 2 at -6 dB, panned hard right, on outputs 3-4.
            rig.monitor("3-4", "2:-6:1");
            PlaybackRig.waitUntil(() -> rig.heard.size() >= 5, "five marks heard");
            rig.playback.close();
            marks = List.copyOf(rig.heard);
        }
        long worst = 0;
        for (Heard h : marks) {
            assertEquals(3, h.channel(), "the mark is on output 4 only (panned right on pair 3-4): " + marks);
            assertEquals(Math.pow(10, -6 / 20.0) * 0.5, h.level(), 1e-3, "the mark's level at -6 dB");
        }
        // Frames the capture had delivered after the period holding each mark when the monitor
        // wrote the mark out: the monitor's addition to the device's own latency (the capture's
        // period before, the output's queue after). Marks fall every half second; the newest
        // before the write is the one heard. Read on the output's thread while the capture thread
        // runs, the figure may count one period the capture published just after the write: it
        // errs long, never short.
        for (Heard h : marks) {
            long markFrame = (h.ringFrameAtWrite() - 1) / MARK_EVERY * MARK_EVERY;
            long delivered = (markFrame / PERIOD + 1) * PERIOD;
            worst = Math.max(worst, h.ringFrameAtWrite() - delivered);
        }
        // The simulator's output plays a period as its write returns (no write-ahead of its own).
        System.out.printf("live monitor: %d marks; added delay at most %d frames (%.2f periods of %d) beyond the device's own latency%n",
                marks.size(), worst, worst / (double) PERIOD, PERIOD);
        assertTrue(worst <= 2L * PERIOD, "added delay " + worst + " frames, more than two periods of " + PERIOD);
    }

    @Test
    void aChangedMixIsHeardWithoutReopeningTheOutputAndOffStopsIt() throws Exception {
        try (Rig rig = new Rig()) {
            rig.monitor("1-2", "2:0:-1");
            PlaybackRig.waitUntil(() -> rig.heard.size() >= 2, "two marks on the left");
            assertTrue(rig.heard.stream().allMatch(h -> h.channel() == 0), "the marks are on the left only: " + rig.heard);
            long periods = rig.playback.metronomeAlonePeriods();
            rig.monitor("1-2", "2:0:1");
            rig.heard.clear();
            PlaybackRig.waitUntil(() -> rig.heard.size() >= 2, "two marks after the change");
            assertTrue(rig.heard.stream().allMatch(h -> h.channel() == 1), "after the change the marks are on the right only: " + rig.heard);
            assertTrue(rig.playback.metronomeAlonePeriods() > periods, "the same output carried on");
            rig.playback.monitor(rig.capture.ring, MonitorRouting.OFF);
            assertEquals(-1, rig.playback.metronomeAlonePeriods(), "monitor off, no metronome: the output is free");
        }
    }

    @Test
    void theLiveMonitorsThreadAllocatesZeroBytesOverTenThousandPeriodsAfterWarmUp() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        FrameRing ring = new FrameRing(2, 1 << 16);
        ring.publish(1L << 40); // an unpaced output always finds frames, some too old: both paths run
        try (Metronome m = new Metronome(sim.openPlayback("sim", new StreamConfig(4, RATE, 128, 4, null)),
                new ClickSource(new ClickSettings(120, 4, 2, -6), RATE))) {
            m.monitor(new MonitorTap(ring, MonitorMix.parse("1:-3:-0.5,2"), 3 * 128, 128, 4, 2, false));
            m.start();
            long tid = m.thread().threadId();
            PlaybackRig.waitUntil(() -> m.periods() >= 20_000, "20,000 periods of warm-up");
            // A change of mix inside the window: the thread's side of it must not allocate.
            m.monitor(new MonitorTap(ring, MonitorMix.parse("2:0:1"), 3 * 128, 128, 4, 2, false));
            long p0 = m.periods();
            long a0 = mx.getThreadAllocatedBytes(tid);
            PlaybackRig.waitUntil(() -> m.periods() >= p0 + 10_000, "10,000 more periods");
            long a1 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("live monitor thread: %d bytes allocated over %d periods%n", a1 - a0, m.periods() - p0);
            assertEquals(0, a1 - a0, "bytes the live monitor's thread allocated");
        }
    }
}
