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
 * through the full chain with the monitor mix of two live inputs added from a capture ring.
 */
class PlaybackAllocationTest {

    @Test
    void thePlaybackThreadAllocatesZeroBytesOverTenThousandPeriodsAfterWarmUp(@TempDir Path dir) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "the JVM measures per-thread allocation");
        mx.setThreadAllocatedMemoryEnabled(true);
        TakeTracks take = PlaybackRig.band(dir, 4);
        RenderSettings settings = PlaybackRig.fullChain();
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        // Underruns every 3000 periods: the first during warm-up, the next ones inside the measured window.
        // Warm-up is 30,000 periods: after 10,000 the window still saw 6,784 bytes once, the same in every
        // run and gone with a longer warm-up, so JIT warm-up rather than the period's own work.
        UnderrunningOutput out = new UnderrunningOutput(
                sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE)), 500, 3000);
        FrameRing inputs = new FrameRing(3, 1 << 15);
        Thread capture = null;
        try (Player player = Player.open(take, settings, Normalisation.of(settings.master(), PlaybackRig.RATE, 6), out, true)) {
            // A loop of 3 s: the wrap, the reader's refill and the seek path all run many times.
            player.play(0, new LoopRegion(PlaybackRig.RATE / 2, PlaybackRig.RATE / 2 + 3 * PlaybackRig.RATE));
            player.monitor(inputs, MonitorMix.parse("1:-6:-0.5,3:0:0.7"), 1024);
            capture = feed(inputs, player);
            player.start();
            long tid = player.playbackThread().threadId();
            waitForPeriods(player, 30_000);
            long p0 = player.status().periods();
            long u0 = player.status().underruns();
            long m0 = player.monitorMissedFrames();
            long a0 = mx.getThreadAllocatedBytes(tid);
            waitForPeriods(player, p0 + 10_000);
            long a1 = mx.getThreadAllocatedBytes(tid);
            PlaybackStatus s = player.status();
            long monitored = (s.periods() - p0) * 256 - (player.monitorMissedFrames() - m0);
            System.out.printf("playback thread: %d bytes allocated over %d periods (%d underruns in the window, %d input frames monitored)%n",
                    a1 - a0, s.periods() - p0, s.underruns() - u0, monitored);
            assertTrue(monitored > 1_000_000, "the monitor mixed inputs in the window: " + monitored);
            assertTrue(s.playing(), "still playing the loop");
            assertTrue(s.underruns() - u0 >= 2, "underruns happened in the window too");
            assertEquals(0, a1 - a0, "bytes the playback thread allocated over " + (s.periods() - p0) + " periods");
        } finally {
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

    private static void waitForPeriods(Player player, long periods) throws InterruptedException {
        PlaybackRig.waitUntil(() -> player.status().periods() >= periods, "the playback thread reached " + periods + " periods");
    }
}
