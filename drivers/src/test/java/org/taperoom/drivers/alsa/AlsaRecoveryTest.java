package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * Overruns, suspends and unplugs. The file plugin never overruns and cannot be unplugged, so the
 * binding returns alsa-lib's error code at the chosen call ("injected"); recovery itself runs in
 * the real alsa-lib ({@code snd_pcm_recover} on the real PCM).
 */
class AlsaRecoveryTest {
    private static final int CHANNELS = 4;
    private static final int PERIOD_FRAMES = 64;

    @TempDir
    Path dir;

    /** Returns {@code error} from the {@code failOnCall}-th readi/writei (1-based), or from every one from then on when {@code sticky}. */
    static final class FailingAt extends DelegatingAlsaLibrary {
        final int error;
        final long failOnCall;
        final boolean sticky;
        long calls;
        int recovers;

        FailingAt(int error, long failOnCall, boolean sticky) {
            super(AlsaNative.INSTANCE);
            this.error = error;
            this.failOnCall = failOnCall;
            this.sticky = sticky;
        }

        private boolean fails() {
            calls++;
            return calls == failOnCall || (sticky && calls >= failOnCall) || (failOnCall < 0 && calls % -failOnCall == 0);
        }

        @Override
        public long snd_pcm_readi(Pointer pcm, Pointer buffer, long size) {
            return fails() ? error : target.snd_pcm_readi(pcm, buffer, size);
        }

        @Override
        public long snd_pcm_writei(Pointer pcm, Pointer buffer, long size) {
            return fails() ? error : target.snd_pcm_writei(pcm, buffer, size);
        }

        @Override
        public int snd_pcm_recover(Pointer pcm, int err, int silent) {
            recovers++;
            return target.snd_pcm_recover(pcm, err, silent);
        }
    }

    private AlsaBackend rig(AlsaLibrary lib) throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), CHANNELS, 48000, SampleFormat.S32_LE);
        return new AlsaBackend(lib, VirtualRig.filePcm("cap", in) + VirtualRig.nullPcm("sink"));
    }

    private void assertOverrunRecovered(int error) throws Exception {
        FailingAt lib = new FailingAt(error, 3, false);
        try (AlsaBackend alsa = rig(lib);
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(CHANNELS, 48000, PERIOD_FRAMES, 4, SampleFormat.S32_LE))) {
            s.start();
            int[] period = new int[PERIOD_FRAMES * CHANNELS];
            assertEquals(ReadStatus.OK, s.readPeriod(period));
            assertEquals(ReadStatus.OK, s.readPeriod(period));
            assertEquals(ReadStatus.OVERRUN_RECOVERED, s.readPeriod(period));
            assertEquals(1, s.overruns());
            assertEquals(1, lib.recovers, "snd_pcm_recover called once");
            assertEquals(2L * PERIOD_FRAMES, s.lastOverrunFrame(), "the gap lies before the third period");
            assertEquals(ReadStatus.OK, s.readPeriod(period));
            assertEquals(4L * PERIOD_FRAMES, s.framesDelivered());
        }
    }

    @Test
    void anOverrunAfterTheReaderStalledCountsTheFramesOfTheStallAsLost() throws Exception {
        FailingAt lib = new FailingAt(-AlsaException.EPIPE, 3, false);
        try (AlsaBackend alsa = rig(lib);
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(CHANNELS, 48000, PERIOD_FRAMES, 4, SampleFormat.S32_LE))) {
            s.start();
            int[] period = new int[PERIOD_FRAMES * CHANNELS];
            assertEquals(-1, s.lastOverrunLostFrames(), "nothing known before the first period");
            assertEquals(ReadStatus.OK, s.readPeriod(period));
            assertEquals(ReadStatus.OK, s.readPeriod(period));
            long stalledNanos = System.nanoTime();
            Thread.sleep(200); // the capture thread held up: a real device keeps capturing and overruns
            assertEquals(ReadStatus.OVERRUN_RECOVERED, s.readPeriod(period));
            long elapsedFrames = (System.nanoTime() - stalledNanos) * 48000 / 1_000_000_000L;
            long lost = s.lastOverrunLostFrames();
            assertTrue(lost >= 200 * 48 && lost <= elapsedFrames, lost + " frames lost in a stall of at least 9600 and at most " + elapsedFrames);
        }
    }

    @Test
    void anInjectedOverrunIsRecoveredCountedAndPlacedAtItsFrame() throws Exception {
        assertOverrunRecovered(-AlsaException.EPIPE);
    }

    @Test
    void anInjectedSuspendIsRecoveredLikeAnOverrun() throws Exception {
        assertOverrunRecovered(-AlsaException.ESTRPIPE);
    }

    @Test
    void anInjectedUnplugEndsTheStreamAsGoneWithoutAnException() throws Exception {
        FailingAt lib = new FailingAt(-AlsaException.ENODEV, 2, true);
        try (AlsaBackend alsa = rig(lib);
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(CHANNELS, 48000, PERIOD_FRAMES, 4, SampleFormat.S32_LE))) {
            s.start();
            int[] period = new int[PERIOD_FRAMES * CHANNELS];
            assertEquals(ReadStatus.OK, s.readPeriod(period));
            assertEquals(ReadStatus.GONE, s.readPeriod(period));
            assertEquals(ReadStatus.GONE, s.readPeriod(period));
            assertEquals(0, lib.recovers, "an unplug is not an xrun");
        }
    }

    @Test
    void injectedOverrunsAllocateNothingOnTheCaptureThread() throws Exception {
        FailingAt lib = new FailingAt(-AlsaException.EPIPE, -10, false); // every 10th read overruns
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (AlsaBackend alsa = rig(lib);
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(CHANNELS, 48000, PERIOD_FRAMES, 4, SampleFormat.S32_LE))) {
            s.start();
            int[] period = new int[PERIOD_FRAMES * CHANNELS];
            for (int i = 0; i < 20_000; i++) s.readPeriod(period);
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().threadId());
            for (int i = 0; i < 5_000; i++) s.readPeriod(period);
            long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
            System.out.printf("overrun path: %d bytes over 5000 periods, %d overruns so far%n", allocated, s.overruns());
            assertTrue(s.overruns() > 2000);
            assertTrue(allocated < 5_000, allocated + " bytes");
        }
    }

    @Test
    void playbackWritesPeriodsAndRecoversAnInjectedUnderrun() throws Exception {
        FailingAt lib = new FailingAt(-AlsaException.EPIPE, 5, false);
        try (AlsaBackend alsa = rig(lib);
             AlsaPlaybackStream s = alsa.openPlayback("sink", new StreamConfig(CHANNELS, 48000, PERIOD_FRAMES, 4, SampleFormat.S24_3LE))) {
            s.start();
            int[] period = new int[PERIOD_FRAMES * CHANNELS];
            for (int i = 0; i < period.length; i++) period[i] = VirtualRig.expected(i % CHANNELS, i / CHANNELS, SampleFormat.S24_3LE);
            for (int i = 0; i < 4; i++) assertEquals(ReadStatus.OK, s.writePeriod(period));
            assertEquals(ReadStatus.OVERRUN_RECOVERED, s.writePeriod(period));
            assertEquals(1, s.underruns());
            assertEquals(ReadStatus.OK, s.writePeriod(period));
        }
    }

    @Test
    void closingWhileAReadHangsInAlsaLibLeavesTheHandleToTheHungRead_injected() throws Exception {
        java.util.concurrent.CountDownLatch inRead = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AlsaLibrary hangsOnSecondRead = new DelegatingAlsaLibrary(AlsaNative.INSTANCE) {
            int reads;

            @Override
            public long snd_pcm_readi(Pointer pcm, Pointer buffer, long size) {
                if (++reads == 2) {
                    inRead.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return target.snd_pcm_readi(pcm, buffer, size);
            }
        };
        try (AlsaBackend alsa = rig(hangsOnSecondRead)) {
            AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(CHANNELS, 48000, PERIOD_FRAMES, 4, SampleFormat.S32_LE));
            s.start();
            int[] period = new int[PERIOD_FRAMES * CHANNELS];
            assertEquals(ReadStatus.OK, s.readPeriod(period));
            java.util.concurrent.CompletableFuture<ReadStatus> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> s.readPeriod(period));
            assertTrue(inRead.await(10, java.util.concurrent.TimeUnit.SECONDS));
            s.close(); // from this thread, while the reader hangs inside alsa-lib
            release.countDown();
            // Had close() freed the handle, this read would run on freed memory and crash the JVM.
            assertEquals(ReadStatus.OK, second.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void playbackReportsAnInjectedUnplugAsGone() throws Exception {
        FailingAt lib = new FailingAt(-AlsaException.ENODEV, 1, true);
        try (AlsaBackend alsa = rig(lib);
             AlsaPlaybackStream s = alsa.openPlayback("sink", new StreamConfig(CHANNELS, 48000, PERIOD_FRAMES, 4, SampleFormat.S16_LE))) {
            s.start();
            assertEquals(ReadStatus.GONE, s.writePeriod(new int[PERIOD_FRAMES * CHANNELS]));
        }
    }
}
