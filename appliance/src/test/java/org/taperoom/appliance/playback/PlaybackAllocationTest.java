package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.Normalisation;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * The playback thread allocates nothing per period once warmed up, looping a region of a take
 * through the full chain with the monitor mix of two live inputs added from a capture ring on the
 * monitor pair 3-4, a pass's click pinned to the play start after a count-in's lead-in, and the
 * metronome click laid over it, publishing its meters and copying every period into the
 * browser stream's tap (drained by a listener thread, as the panel's stream does); nor does the
 * metronome alone.
 */
class PlaybackAllocationTest {

    @Test
    void thePlaybackThreadAllocatesZeroBytesOverTenThousandPeriodsAfterWarmUp(@TempDir Path dir) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "the JVM measures per-thread allocation");
        mx.setThreadAllocatedMemoryEnabled(true);
        Player[] tapPlayer = new Player[1];
        TakeTracks take = PlaybackRig.band(dir, 4);
        RenderSettings settings = PlaybackRig.fullChain();
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        // Underruns every 3000 periods: the first during warm-up, the next ones inside the measured window.
        // Warm-up is 30,000 periods: after 10,000 the window still saw 6,784 bytes once, the same in every
        // run and gone with a longer warm-up, so JIT warm-up rather than the period's own work.
        UnderrunningOutput out = new UnderrunningOutput(
                sim.openPlayback("sim", new StreamConfig(4, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE)), 500, 3000);
        FrameRing inputs = new FrameRing(3, 1 << 15);
        Thread capture = null;
        OutputTap tap = new OutputTap(1 << 15);
        tap.listen(true);
        java.util.concurrent.atomic.AtomicLong tapped = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread listener = new Thread(() -> {
            float[] frames = new float[2 * 4096];
            float[] strips = new float[4];
            float[] master = new float[2];
            while (draining.get()) {
                tapped.addAndGet(tap.poll(frames, 4096));
                if (tapPlayer[0] != null) tapPlayer[0].meters().read(strips, master);
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            }
        }, "test-stream-listener");
        try (Player player = Player.open(take, settings, Normalisation.of(settings.master(), PlaybackRig.RATE, 6), out, true)) {
            // A loop of 3 s: the wrap, the reader's refill and the seek path all run many times.
            // After a count-in's lead-in, with a pass's click pinned to the play start, all on the monitor pair 3-4.
            player.route(MonitorOutputs.parse("3-4"));
            player.play(0, new LoopRegion(PlaybackRig.RATE / 2, PlaybackRig.RATE / 2 + 3 * PlaybackRig.RATE), PlaybackRig.RATE,
                    new ClickCue(new ClickSource(new ClickSettings(97, 3, 1, -20), PlaybackRig.RATE), 0, -1));
            player.monitor(inputs, MonitorMix.parse("1:-6:-0.5,3:0:0.7"), 1024);
            capture = feed(inputs, player);
            player.click(new ClickSource(new ClickSettings(173, 7, 4, -10), PlaybackRig.RATE));
            player.tapInto(tap);
            tapPlayer[0] = player;
            listener.start();
            player.start();
            long tid = player.playbackThread().threadId();
            waitForPeriods(player, 30_000);
            long p0 = player.status().periods();
            long u0 = player.status().underruns();
            long m0 = player.monitorMissedFrames();
            long a0 = mx.getThreadAllocatedBytes(tid);
            long t0 = tapped.get() + tap.available() + tap.droppedFrames();
            waitForPeriods(player, p0 + 10_000);
            long a1 = mx.getThreadAllocatedBytes(tid);
            long t1 = tapped.get() + tap.available() + tap.droppedFrames();
            PlaybackStatus s = player.status();
            long monitored = (s.periods() - p0) * 256 - (player.monitorMissedFrames() - m0);
            System.out.printf("playback thread: %d bytes allocated over %d periods (%d underruns in the window, %d input frames monitored)%n",
                    a1 - a0, s.periods() - p0, s.underruns() - u0, monitored);
            assertTrue(monitored > 1_000_000, "the monitor mixed inputs in the window: " + monitored);
            assertTrue(s.playing(), "still playing the loop");
            assertTrue(s.underruns() - u0 >= 2, "underruns happened in the window too");
            assertEquals(0, a1 - a0, "bytes the playback thread allocated over " + (s.periods() - p0) + " periods");
            assertTrue(t1 - t0 >= 10_000L * 256 - 2 * 4096, "every period went into the tap too (give or take the listener's chunk in flight): " + (t1 - t0) + " frames");
        } finally {
            draining.set(false);
            listener.join(2000);
            if (capture != null) capture.interrupt();
        }
    }

    /** A capture thread stand-in: keeps the ring a few periods ahead of the output, as a duplex device's capture would be. */
    private static Thread feed(FrameRing ring, Player player) {
        Thread t = new Thread(() -> {
            long frame = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long due = player.status().periods() * 256 + 2048;
                if (frame >= due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000L);
                    continue;
                }
                for (int c = 0; c < ring.tracks(); c++) ring.lane(c)[(int) (frame & ring.mask())] = (int) (frame * 7919 * (c + 1));
                frame++;
                if ((frame & 255) == 0) {
                    ring.publish(frame);
                    ring.release(Math.max(0, frame - ring.capacityFrames() / 2));
                }
            }
        }, "test-capture");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void theMetronomeThreadAllocatesZeroBytesOverTenThousandPeriodsAfterWarmUp() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        ClickSource click = new ClickSource(new ClickSettings(97.5, 5, 3, -6), PlaybackRig.RATE);
        try (Metronome m = new Metronome(sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 128, 4, SampleFormat.FLOAT_LE)), click)) {
            m.start();
            long tid = m.thread().threadId();
            PlaybackRig.waitUntil(() -> m.periods() >= 15_000, "15,000 periods of warm-up");
            // The warm-up changes the click too, so the change's path on the thread is compiled before the window
            // (in a long-running suite's JVM a first change could otherwise run through the interpreter once).
            m.change(new ClickSource(new ClickSettings(180, 4, 2, -6), PlaybackRig.RATE));
            PlaybackRig.waitUntil(() -> m.periods() >= 22_000, "22,000 periods of warm-up");
            m.change(new ClickSource(new ClickSettings(97.5, 5, 3, -6), PlaybackRig.RATE));
            PlaybackRig.waitUntil(() -> m.periods() >= 30_000, "30,000 periods of warm-up");
            // A change of tempo inside the window: the thread's side of it must not allocate either.
            m.change(new ClickSource(new ClickSettings(180, 4, 2, -6), PlaybackRig.RATE));
            long p0 = m.periods();
            long a0 = mx.getThreadAllocatedBytes(tid);
            PlaybackRig.waitUntil(() -> m.periods() >= p0 + 10_000, "10,000 more periods");
            long a1 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("metronome thread: %d bytes allocated over %d periods%n", a1 - a0, m.periods() - p0);
            assertEquals(0, a1 - a0, "bytes the metronome thread allocated");
        }
    }

    private static void waitForPeriods(Player player, long periods) throws InterruptedException {
        PlaybackRig.waitUntil(() -> player.status().periods() >= periods, "the playback thread reached " + periods + " periods");
    }

    @Test
    void mixChangesAppliedWhilePlayingAllocateNothingOnThePlaybackThread(@TempDir Path dir) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        TakeTracks take = PlaybackRig.band(dir, 4);
        RenderSettings settings = PlaybackRig.fullChain();
        String json = settings.toJson().toString();
        RenderSettings quieter = RenderSettings.parse(json.replaceAll("\"fader_db\"\\s*:\\s*-6(\\.0)?", "\"fader_db\": -12"));
        assertTrue(!quieter.toJson().toString().equals(json), "the second mix differs: " + json);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        try (Player player = Player.open(take, settings, Normalisation.of(settings.master(), PlaybackRig.RATE, 6),
                sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE)), true)) {
            player.play(0, new LoopRegion(PlaybackRig.RATE / 2, PlaybackRig.RATE / 2 + 3 * PlaybackRig.RATE));
            player.start();
            long tid = player.playbackThread().threadId();
            // Warm-up with changes too, so the code that applies them is compiled before the window.
            for (int i = 0; i < 300; i++) {
                player.change(i % 2 == 0 ? quieter : settings);
                waitForPeriods(player, player.status().periods() + 50);
            }
            long a0 = mx.getThreadAllocatedBytes(tid);
            long p0 = player.status().periods();
            for (int i = 0; i < 100; i++) {
                player.change(i % 2 == 0 ? quieter : settings);
                waitForPeriods(player, player.status().periods() + 50);
            }
            long a1 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("playback thread: %d bytes allocated applying 100 mix changes over %d periods%n", a1 - a0,
                    player.status().periods() - p0);
            assertEquals(0, a1 - a0, "bytes the playback thread allocated applying mix changes");
        }
    }

    /**
     * A sweep of the EQ as a hand on the Mix page's detail view makes it: every band's frequency,
     * gain and Q glide to new values, the high-pass moves, and the coefficients are recomputed every
     * few frames while they glide — all on the playback thread, which must not allocate doing it.
     */
    @Test
    void eqGlidesWhilePlayingAllocateNothingOnThePlaybackThread(@TempDir Path dir) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        TakeTracks take = PlaybackRig.band(dir, 4);
        RenderSettings[] sweep = new RenderSettings[6];
        for (int i = 0; i < sweep.length; i++) {
            sweep[i] = RenderSettings.parse("""
                    {"mix": {"tracks": {"bass": {"eq": {"high_pass": {"on": true, "frequency_hz": %d, "q": %.2f},
                                                        "low_shelf": {"frequency_hz": %d, "gain_db": %.1f},
                                                        "peak_1": {"frequency_hz": %d, "gain_db": %.1f, "q": %.2f},
                                                        "peak_2": {"frequency_hz": %d, "gain_db": %.1f, "q": %.2f},
                                                        "high_shelf": {"frequency_hz": %d, "gain_db": %.1f}}}}},
                     "output": {"sample_format": "f32"}}""".formatted(
                    30 + 15 * i, 0.6 + 0.1 * i, 80 + 20 * i, -6.0 + 2 * i, 300 + 150 * i, 6.0 - 2 * i, 0.5 + 0.4 * i,
                    2000 + 500 * i, -3.0 + i, 2.0 - 0.2 * i, 8000 + 1000 * i, 4.0 - 1.5 * i));
        }
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        try (Player player = Player.open(take, sweep[0], Normalisation.of(sweep[0].master(), PlaybackRig.RATE, 6),
                sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE)), true)) {
            player.play(0, new LoopRegion(PlaybackRig.RATE / 2, PlaybackRig.RATE / 2 + 3 * PlaybackRig.RATE));
            player.start();
            long tid = player.playbackThread().threadId();
            // Changes every 3 periods, well inside the glide, so the thread is nearly always recomputing.
            for (int i = 0; i < 3000; i++) {
                player.change(sweep[i % sweep.length]);
                waitForPeriods(player, player.status().periods() + 3);
            }
            long a0 = mx.getThreadAllocatedBytes(tid);
            long p0 = player.status().periods();
            for (int i = 0; i < 600; i++) {
                player.change(sweep[i % sweep.length]);
                waitForPeriods(player, player.status().periods() + 3);
            }
            long a1 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("playback thread: %d bytes allocated gliding the EQ through 600 changes over %d periods%n", a1 - a0,
                    player.status().periods() - p0);
            assertEquals(0, a1 - a0, "bytes the playback thread allocated while the EQ glided");
        }
    }
}
