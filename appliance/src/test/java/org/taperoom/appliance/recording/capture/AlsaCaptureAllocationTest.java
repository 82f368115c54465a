package org.taperoom.appliance.recording.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.alsa.AlsaNative;
import org.taperoom.drivers.alsa.VirtualRig;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * The capture thread on real alsa-lib (the file plugin over null, every device format) allocates
 * nothing per period once warmed up, on both of its paths: periods that go into the ring, and
 * periods a full ring drops (overruns). A slow reader of the ring makes both happen in the window.
 */
class AlsaCaptureAllocationTest {
    private static final int CHANNELS = 8;
    private static final int PERIOD_FRAMES = 256;
    private static final int RATE_HZ = 48000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SampleFormat.class)
    void theCaptureThreadOnAlsaAllocatesNothingPerPeriodWhetherTheRingHasRoomOrNot(SampleFormat format) throws Exception {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "the JVM measures per-thread allocation");
        mx.setThreadAllocatedMemoryEnabled(true);
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), CHANNELS, 64L * PERIOD_FRAMES, format);
        FrameRing ring = new FrameRing(CHANNELS, FrameRing.capacityFor(16L * PERIOD_FRAMES));
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, VirtualRig.filePcm("cap", in))) {
            CaptureStream stream = alsa.openCapture("cap", new StreamConfig(CHANNELS, RATE_HZ, PERIOD_FRAMES, 4, format));
            stream.start();
            // Not clockless, although the file plugin is: a paced interface's capture thread never
            // waits for room, it drops the period, and that path is the one measured here.
            CaptureThread capture = new CaptureThread(stream, ring, new MeterBoard(CHANNELS, RATE_HZ, PERIOD_FRAMES), new CaptureEvents(),
                    stream.resolutionBits(), RATE_HZ, false);
            Thread reader = new Thread(() -> {
                // A reader slower than the unpaced device: the ring is full some of the time.
                while (!Thread.currentThread().isInterrupted()) {
                    ring.release(ring.writeFrame());
                    LockSupport.parkNanos(200_000L);
                }
            }, "slow-ring-reader");
            reader.start();
            capture.start();
            try {
                long tid = capture.thread().threadId();
                waitForPeriods(capture, 20_000);
                long p0 = capture.periods();
                long dropped0 = capture.ringDroppedFrames();
                long kept0 = ring.writeFrame();
                long a0 = mx.getThreadAllocatedBytes(tid);
                waitForPeriods(capture, p0 + 10_000);
                long a1 = mx.getThreadAllocatedBytes(tid);
                long periods = capture.periods() - p0;
                long droppedPeriods = (capture.ringDroppedFrames() - dropped0) / PERIOD_FRAMES;
                long keptPeriods = (ring.writeFrame() - kept0) / PERIOD_FRAMES;
                System.out.printf("ALSA %s: capture thread allocated %d bytes over %d periods (%d into the ring, %d dropped by a full ring)%n",
                        format, a1 - a0, periods, keptPeriods, droppedPeriods);
                assertTrue(keptPeriods > 0, "periods went into the ring inside the window");
                assertTrue(droppedPeriods > 0, "a full ring dropped periods inside the window");
                assertEquals(0, a1 - a0, format + ": bytes the capture thread allocated over " + periods + " periods");
            } finally {
                reader.interrupt();
                capture.close(2000);
                reader.join(2000);
            }
        }
    }

    private static void waitForPeriods(CaptureThread capture, long periods) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (capture.periods() < periods) {
            if (System.nanoTime() > deadline) throw new AssertionError("the capture thread did not reach " + periods + " periods");
            Thread.sleep(2);
        }
    }
}
