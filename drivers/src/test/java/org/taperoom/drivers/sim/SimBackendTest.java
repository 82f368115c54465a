package org.taperoom.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/** The simulated interface: its rates, its documented signals, its faults and its real-time contract. */
class SimBackendTest {
    private static final int PERIOD = 256;

    private static StreamConfig config(int channels, int rate, SampleFormat f) {
        return new StreamConfig(channels, rate, PERIOD, 4, f);
    }

    @Test
    void aRateTheSimulatorLacksIsRefusedWithTheRatesItOffers() {
        SimBackend sim = new SimBackend();
        for (int rate : new int[] {22050, 88200, 192000}) {
            AudioDeviceException e = assertThrows(AudioDeviceException.class, () -> sim.openCapture("sim", config(2, rate, null)));
            assertTrue(e.getMessage().contains(rate + " Hz") && e.getMessage().contains("44100, 48000 or 96000"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> config(65, 48000, null));
        assertEquals(List.of(44100, 48000, 96000), sim.devices().get(0).capture().ratesHz());
        assertEquals(64, sim.devices().get(0).capture().maxChannels());
    }

    @Test
    void everySignalAtEveryResolutionIsWhatTheDocumentedFunctionSays() throws Exception {
        for (SampleFormat f : SampleFormat.values()) {
            SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false).withSignals(SimSignal.values()));
            try (CaptureStream s = sim.openCapture("sim", config(10, 44100, f))) {
                s.start();
                int bits = SimCaptureStream.resolutionBits(f);
                int[] buf = new int[10 * PERIOD];
                for (int p = 0; p < 200; p++) {
                    assertEquals(ReadStatus.OK, s.readPeriod(buf));
                    for (int fr = 0; fr < PERIOD; fr++) {
                        for (int c = 0; c < 10; c++) {
                            long n = (long) p * PERIOD + fr;
                            int want = SimSignal.sample(SimSignal.values()[c % SimSignal.values().length], c, n, 44100, bits, 1, 1.0);
                            if (want != buf[fr * 10 + c]) assertEquals(want, buf[fr * 10 + c], f + " channel " + c + " frame " + n);
                            int low = 32 - bits;
                            if (low > 0) assertEquals(0, buf[fr * 10 + c] & ((1 << low) - 1), "only " + bits + " significant bits");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSinesAreDistinctPerChannelAtTheirDocumentedLevel() {
        for (int c = 0; c < 64; c++) {
            assertEquals(100 + 25 * c, SimSignal.sineHz(c), 1e-9);
            int peak = 0;
            int cycle = SimSignal.sineCycleFrames(c, 48000);
            for (int n = 0; n < cycle; n++) peak = Math.max(peak, Math.abs(SimSignal.sample(SimSignal.SINE, c, n, 48000, 24, 1, 1) >> 8));
            assertTrue(Math.abs(peak / 8388608.0 - 0.5) < 0.01, "channel " + c + " peak " + peak);
        }
    }

    @Test
    void anInjectedOverrunLosesTheFramesAndSaysSo() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false).withSignals(SimSignal.INDEX).withOverrun(1000, 300));
        try (CaptureStream s = sim.openCapture("sim", config(1, 48000, SampleFormat.S24_3LE))) {
            s.start();
            int[] buf = new int[PERIOD];
            for (int p = 0; p < 4; p++) assertEquals(ReadStatus.OK, s.readPeriod(buf));
            assertEquals(ReadStatus.OVERRUN_RECOVERED, s.readPeriod(buf), "the read starting at frame 1024 overruns");
            assertEquals(1024 + 300, buf[0] >> 8, "300 frames lost before it");
            assertEquals(1, s.overruns());
            assertEquals(ReadStatus.OK, s.readPeriod(buf));
            assertEquals(1024 + 300 + PERIOD, buf[0] >> 8);
        }
    }

    @Test
    void aVanishingDeviceReportsGoneFromTheGivenFrameOn() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.parse("sim:unpaced,vanishAt=512", SimOptions.defaults()));
        try (CaptureStream s = sim.openCapture("sim", config(2, 48000, null))) {
            s.start();
            int[] buf = new int[2 * PERIOD];
            assertEquals(ReadStatus.OK, s.readPeriod(buf));
            assertEquals(ReadStatus.OK, s.readPeriod(buf));
            assertEquals(ReadStatus.GONE, s.readPeriod(buf));
            assertEquals(ReadStatus.GONE, s.readPeriod(buf));
        }
    }

    @Test
    void aHangFaultBlocksTheReadUntilTheStreamIsClosed() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false).withHangAt(PERIOD));
        CaptureStream s = sim.openCapture("sim", config(1, 48000, null));
        s.start();
        int[] buf = new int[PERIOD];
        assertEquals(ReadStatus.OK, s.readPeriod(buf));
        CompletableFuture<ReadStatus> stuck = CompletableFuture.supplyAsync(() -> s.readPeriod(buf));
        Thread.sleep(300);
        assertTrue(!stuck.isDone(), "the read hangs");
        s.close();
        assertEquals(ReadStatus.GONE, stuck.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aGainChangeFromAnotherThreadTakesEffectAtTheNextPeriod() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false).withSignals(SimSignal.SINE));
        try (CaptureStream s = sim.openCapture("sim", config(2, 48000, SampleFormat.S32_LE))) {
            s.start();
            int[] buf = new int[2 * PERIOD];
            s.readPeriod(buf);
            Thread t = new Thread(() -> sim.gains().setGainDb(1, -20));
            t.start();
            t.join();
            s.readPeriod(buf);
            for (int f = 0; f < PERIOD; f++) {
                long n = PERIOD + f;
                assertEquals(SimSignal.sample(SimSignal.SINE, 0, n, 48000, 32, 1, 1.0), buf[f * 2], "channel 1 unchanged");
                assertEquals(SimSignal.sample(SimSignal.SINE, 1, n, 48000, 32, 1, sim.gains().linear(1)), buf[f * 2 + 1], "channel 2 at -20 dB");
            }
        }
    }

    @Test
    void readingPeriodsAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Overruns every 4000 periods: the first one in warm-up (its first pass through the JIT's
        // never-taken branch deoptimizes and reinterprets, which allocated 328 bytes once), then two
        // inside the measured reads.
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false).withSignals(SimSignal.values())
                .withOverrun(10_000L * PERIOD, 64).withOverrunEvery(4_000L * PERIOD));
        try (CaptureStream s = sim.openCapture("sim", config(8, 48000, SampleFormat.FLOAT_LE))) {
            s.start();
            int[] buf = new int[8 * PERIOD];
            for (int p = 0; p < 15_000; p++) s.readPeriod(buf);
            long tid = Thread.currentThread().threadId();
            long a0 = mx.getThreadAllocatedBytes(tid);
            for (int p = 0; p < 10_000; p++) s.readPeriod(buf);
            long a1 = mx.getThreadAllocatedBytes(tid);
            assertEquals(0, a1 - a0, "bytes allocated by 10,000 reads (overruns among them)");
            assertTrue(s.overruns() >= 4, "overruns inside the measured reads too: " + s.overruns());
        }
    }

    @Test
    void aPacedStreamDeliversNoFasterThanRealTime() throws Exception {
        SimBackend sim = new SimBackend();
        try (CaptureStream s = sim.openCapture("sim", config(2, 48000, null))) {
            s.start();
            int[] buf = new int[2 * PERIOD];
            long t0 = System.nanoTime();
            for (int p = 0; p < 50; p++) s.readPeriod(buf);
            long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("50 paced periods of 256 frames at 48 kHz took " + elapsedMillis + " ms (266 ms of audio)");
            assertTrue(elapsedMillis >= 260, "paced: " + elapsedMillis + " ms");
        }
    }

    @Test
    void aStreamSaysThroughTheDeviceContractWhetherItIsPacedAndHowManyBitsItDelivers() throws Exception {
        try (CaptureStream unpaced = new SimBackend(SimOptions.parse("sim:unpaced", SimOptions.defaults()))
                .openCapture("sim", config(1, 48000, SampleFormat.S16_LE));
             CaptureStream paced = new SimBackend().openCapture("sim", config(1, 48000, SampleFormat.FLOAT_LE))) {
            assertEquals(false, unpaced.paced(), "unpaced: read as fast as it is asked");
            assertEquals(true, paced.paced());
            assertEquals(16, unpaced.resolutionBits());
            assertEquals(24, paced.resolutionBits(), "the simulator's float carries 24 bits");
        }
    }

    @Test
    void badDeviceOptionsAreRefusedNamingTheOption() {
        SimBackend sim = new SimBackend();
        AudioDeviceException e = assertThrows(AudioDeviceException.class, () -> sim.openCapture("sim:colour=red", config(1, 48000, null)));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        e = assertThrows(AudioDeviceException.class, () -> sim.openCapture("sim:vanishAt=soon", config(1, 48000, null)));
        assertTrue(e.getMessage().contains("vanishat") && e.getMessage().contains("soon"), e.getMessage());
    }

    @Test
    void aToneOfAChosenFrequencyPlaysOnEveryChannelAndABadOneIsRefusedWithOneLine() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        try (CaptureStream s = sim.openCapture("sim:sine=440.5", config(2, 48000, SampleFormat.S32_LE))) {
            s.start();
            int[] buf = new int[2 * PERIOD];
            int crossings = 0;
            int prev = 0;
            for (int p = 0; p < 48000 * 4 / PERIOD; p++) {
                assertEquals(ReadStatus.OK, s.readPeriod(buf));
                for (int f = 0; f < PERIOD; f++) {
                    assertEquals(buf[2 * f], buf[2 * f + 1], "both channels carry the tone");
                    if (prev < 0 && buf[2 * f] >= 0) crossings++;
                    prev = buf[2 * f];
                }
            }
            assertEquals(4 * 440.5, crossings, 1, "rising zero crossings in 4 s");
        }
        AudioDeviceException e = assertThrows(AudioDeviceException.class,
                () -> sim.openCapture("sim:sine=loud", config(2, 48000, SampleFormat.S32_LE)));
        assertEquals("device sim:sine=loud: simulator option sine needs a frequency in Hz (e.g. sine=440.5), not 'loud'", e.getMessage());
    }
}
