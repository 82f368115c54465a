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
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * The playback thread allocates nothing per period once warmed up, looping a region of a take
 * through the full chain, publishing its meters and copying every period into the browser
 * stream's tap (drained by a listener thread, as the panel's stream does).
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
                sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE)), 500, 3000);
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
            player.play(0, new LoopRegion(PlaybackRig.RATE / 2, PlaybackRig.RATE / 2 + 3 * PlaybackRig.RATE));
            player.tapInto(tap);
            tapPlayer[0] = player;
            listener.start();
            player.start();
            long tid = player.playbackThread().threadId();
            waitForPeriods(player, 30_000);
            long p0 = player.status().periods();
            long u0 = player.status().underruns();
            long a0 = mx.getThreadAllocatedBytes(tid);
            long t0 = tapped.get() + tap.available() + tap.droppedFrames();
            waitForPeriods(player, p0 + 10_000);
            long a1 = mx.getThreadAllocatedBytes(tid);
            long t1 = tapped.get() + tap.available() + tap.droppedFrames();
            PlaybackStatus s = player.status();
            System.out.printf("playback thread: %d bytes allocated over %d periods (%d underruns in the window)%n",
                    a1 - a0, s.periods() - p0, s.underruns() - u0);
            assertTrue(s.playing(), "still playing the loop");
            assertTrue(s.underruns() - u0 >= 2, "underruns happened in the window too");
            assertEquals(0, a1 - a0, "bytes the playback thread allocated over " + (s.periods() - p0) + " periods");
            assertTrue(t1 - t0 >= 10_000L * 256 - 2 * 4096, "every period went into the tap too (give or take the listener's chunk in flight): " + (t1 - t0) + " frames");
        } finally {
            draining.set(false);
            listener.join(2000);
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
}
