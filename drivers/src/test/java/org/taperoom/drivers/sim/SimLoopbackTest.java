package org.taperoom.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/** {@code sim:loopback=FRAMES}: output c comes back on input c FRAMES later, sample for sample. */
class SimLoopbackTest {

    /** A 24-bit sample, left-justified, for output frame t of channel c. */
    private static int played(long t, int c) {
        Random r = new Random(t * 31 + c);
        return (r.nextInt(1 << 24) - (1 << 23)) << 8;
    }

    @ParameterizedTest(name = "loopback {0} frames, period {1}")
    @CsvSource({"0,64", "1,64", "37,256", "256,256", "1234,1024", "4799,128"})
    void everyOutputSampleComesBackOnItsInputExactlyTheLoopbackLater(int loopback, int period) throws Exception {
        SimBackend sim = new SimBackend();
        String name = "sim:unpaced,loopback=" + loopback;
        CaptureStream in = sim.openCapture(name, new StreamConfig(3, 48000, period, 4, SampleFormat.S24_3LE));
        PlaybackStream out = sim.openPlayback(name, new StreamConfig(2, 48000, period, 4, SampleFormat.S24_3LE));
        int periods = (loopback + 20_000) / period;
        in.start();
        out.start();
        Thread player = new Thread(() -> {
            int[] buf = new int[2 * period];
            for (int p = 0; p < periods + 8; p++) {
                for (int f = 0; f < period; f++) {
                    for (int c = 0; c < 2; c++) buf[2 * f + c] = played((long) p * period + f, c);
                }
                out.writePeriod(buf);
            }
        });
        player.start();
        int[] got = new int[3 * period];
        boolean thirdHasSignal = false;
        for (int p = 0; p < periods; p++) {
            in.readPeriod(got);
            for (int f = 0; f < period; f++) {
                long inputFrame = (long) p * period + f;
                for (int c = 0; c < 2; c++) {
                    int want = inputFrame < loopback ? 0 : played(inputFrame - loopback, c);
                    if (got[3 * f + c] != want) {
                        throw new AssertionError("input " + (c + 1) + " frame " + inputFrame + ": " + got[3 * f + c] + ", want " + want);
                    }
                }
                thirdHasSignal |= got[3 * f + 2] != 0;
            }
        }
        player.join(10_000);
        out.close();
        in.close();
        assertTrue(thirdHasSignal, "input 3 has no output to loop from and keeps its own signal");
    }

    @Test
    void aFloatOutputComesBackAsTheIntegerADeviceWouldTake() throws Exception {
        SimBackend sim = new SimBackend();
        String name = "sim:unpaced,loopback=5";
        CaptureStream in = sim.openCapture(name, new StreamConfig(1, 48000, 16, 4, SampleFormat.S32_LE));
        PlaybackStream out = sim.openPlayback(name, new StreamConfig(1, 48000, 16, 4, SampleFormat.FLOAT_LE));
        in.start();
        out.start();
        float[] period = new float[16];
        for (int i = 0; i < 16; i++) period[i] = (i - 8) / 8f;
        out.writePeriod(period);
        out.writePeriod(new float[16]);
        int[] got = new int[16];
        in.readPeriod(got);
        for (int i = 5; i < 16; i++) {
            long want = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(period[i - 5] * 2147483648.0)));
            assertEquals(want, got[i], "frame " + i);
        }
    }

    @Test
    void aBadLoopbackIsRefusedNamingTheOption() {
        AudioDeviceException e = assertThrows(AudioDeviceException.class,
                () -> new SimBackend().openCapture("sim:loopback=soon", new StreamConfig(1, 48000, 64, 4, null)));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    }
}
