package org.taperoom.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * The demo band ({@code sim:signal=band}) is the same song every time, loops, and each channel
 * holds the part its layout promises: measured from the samples (spectra and energy envelopes),
 * not taken from the generator's own tables.
 */
class DemoBandTest {
    static final int RATE = 48000;
    /** Two bars (Am, F): 4 s. */
    static final int SPAN = 4 * RATE;

    static double[] part(int channel, long from, int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) x[i] = DemoBand.sample(channel, from + i, RATE);
        return x;
    }

    /** Power per FFT bin (Hann window) of the first power-of-two frames of {@code x}. */
    static double[] power(double[] x, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) re[i] = x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double a = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double c = Math.cos(a * k), s = Math.sin(a * k);
                    int p = i + k, q = i + k + len / 2;
                    double tr = re[q] * c - im[q] * s, ti = re[q] * s + im[q] * c;
                    re[q] = re[p] - tr; im[q] = im[p] - ti;
                    re[p] += tr; im[p] += ti;
                }
            }
        }
        double[] pw = new double[n / 2];
        for (int i = 0; i < n / 2; i++) pw[i] = re[i] * re[i] + im[i] * im[i];
        return pw;
    }

    static double band(double[] pw, int n, double loHz, double hiHz) {
        double sum = 0;
        for (int i = 0; i < pw.length; i++) {
            double f = (double) i * RATE / n;
            if (f >= loHz && f < hiHz) sum += pw[i];
        }
        return sum;
    }

    static double centroidHz(double[] pw, int n) {
        double num = 0, den = 0;
        for (int i = 1; i < pw.length; i++) {
            num += pw[i] * i * RATE / n;
            den += pw[i];
        }
        return num / den;
    }

    static double rms(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s / x.length);
    }

    static double peak(double[] x) {
        double p = 0;
        for (double v : x) p = Math.max(p, Math.abs(v));
        return p;
    }

    @Test
    void theSongIsTheSameEveryTimeAndLoopsEverySixteenSeconds() {
        long loop = DemoBand.loopFrames(RATE);
        assertEquals(16 * RATE, loop);
        for (int c = 0; c < 6; c++) {
            assertArrayEquals(part(c, 12_345, 4800), part(c, 12_345, 4800), "channel " + (c + 1) + " is deterministic");
            assertArrayEquals(part(c, 777, 4800), part(c, 777 + 3 * loop, 4800), "channel " + (c + 1) + " loops");
            assertTrue(peak(part(c, 0, (int) loop)) < 0.95, "channel " + (c + 1) + " stays below full scale: " + peak(part(c, 0, (int) loop)));
        }
        assertEquals(DemoBand.partOf(1), DemoBand.partOf(7), "channel 8 plays what channel 2 plays");
    }

    @Test
    void theBassIsLowTheKeysAreMidTheLeadIsAboveThemAndEachPartsEnergyIsWhereItsNameSays() {
        int n = 1 << 17;
        double[] drums = power(part(0, 0, n), n);
        double[] bass = power(part(1, 0, n), n);
        double[] keys = power(part(2, 0, n), n);
        double[] lead = power(part(3, 0, n), n);
        double bassLow = band(bass, n, 30, 300) / band(bass, n, 0, RATE / 2.0);
        double keysMid = band(keys, n, 150, 1200) / band(keys, n, 0, RATE / 2.0);
        double leadVoice = band(lead, n, 350, 3600) / band(lead, n, 0, RATE / 2.0);
        double drumsHigh = band(drums, n, 5000, RATE / 2.0) / band(drums, n, 0, RATE / 2.0);
        double drumsLow = band(drums, n, 30, 150) / band(drums, n, 0, RATE / 2.0);
        System.out.printf("demo band: bass %.2f below 300 Hz; keys %.2f in 150-1200 Hz; lead %.2f in 350-3600 Hz; drums %.2f above 5 kHz, %.2f below 150 Hz%n",
                bassLow, keysMid, leadVoice, drumsHigh, drumsLow);
        System.out.printf("demo band centroids: drums %.0f Hz, bass %.0f Hz, keys %.0f Hz, lead %.0f Hz%n",
                centroidHz(drums, n), centroidHz(bass, n), centroidHz(keys, n), centroidHz(lead, n));
        assertTrue(bassLow > 0.9, "the bass is below 300 Hz: " + bassLow);
        assertTrue(keysMid > 0.9, "the keys are in the middle: " + keysMid);
        assertTrue(leadVoice > 0.9, "the lead is in the voice's range: " + leadVoice);
        assertTrue(drumsLow > 0.2 && drumsHigh > 0.01, "the drums have a kick's low end and a hi-hat's top: " + drumsLow + ", " + drumsHigh);
        assertTrue(centroidHz(bass, n) < centroidHz(keys, n) && centroidHz(keys, n) < centroidHz(lead, n),
                "bass below keys below lead");
    }

    @Test
    void theKeysPlayTheChordOfEachBarAndTheLeadHasTheFormantsOfAVowel() {
        int n = 1 << 15; // 0.68 s inside a bar
        double[] am = power(part(2, 0, n), n);
        double[] f = power(part(2, 2 * RATE, n), n);
        // A minor: A3 C4 E4 (220, 262, 330 Hz); F major: F3 A3 C4 (175, 220, 262 Hz).
        assertTrue(band(am, n, 325, 335) > 20 * band(am, n, 170, 180), "Am has E4 and no F3");
        assertTrue(band(f, n, 170, 180) > 20 * band(f, n, 325, 335), "F has F3 and no E4");
        // The lead's first note is E5 (659 Hz); a voice's "ah" puts its strongest harmonics near
        // 730 and 1090 Hz and little between 1500 and 2200.
        double[] lead = power(part(3, 0, 1 << 14), 1 << 14);
        int m = 1 << 14;
        double formant = band(lead, m, 600, 1400);
        double valley = band(lead, m, 1500, 2200);
        assertTrue(formant > 10 * valley, "the lead is shaped like a vowel: " + formant + " vs " + valley);
        assertTrue(band(lead, m, 1200, 3600) > 0.01 * band(lead, m, 600, 700), "and has harmonics, not a bare sine");
    }

    @Test
    void theDrumsHitOnTheBeatAndTheRoomHearsTheWholeBandLateAndSofter() {
        double[] drums = part(0, 0, SPAN);
        int window = RATE / 100; // 10 ms
        double onBeat = 0, between = 0;
        for (int beat = 0; beat < 8; beat++) {
            int at = beat * RATE / 2;
            onBeat += rms(java.util.Arrays.copyOfRange(drums, at, at + window));
            between += rms(java.util.Arrays.copyOfRange(drums, at + RATE / 2 - 3 * window, at + RATE / 2 - 2 * window));
        }
        assertTrue(onBeat > 4 * between, "the drums are loud on every beat and quiet before the next: " + onBeat + " vs " + between);

        double[] roomL = part(4, 0, SPAN);
        double[] roomR = part(5, 0, SPAN);
        for (int c : new int[] {0, 2, 3}) {
            // Where in the first 30 ms does the room microphone best match the close one?
            int span = RATE;
            double[] room = part(4, RATE, span);
            int bestLag = -1;
            double best = 0;
            for (int lag = 0; lag <= RATE * 30 / 1000; lag++) {
                double r = correlation(room, part(c, RATE - lag, span));
                if (r > best) {
                    best = r;
                    bestLag = lag;
                }
            }
            double lagMillis = bestLag * 1000.0 / RATE;
            System.out.printf("demo band: room L matches channel %d best %.1f ms late (correlation %.2f)%n", c + 1, lagMillis, best);
            assertTrue(lagMillis >= 5 && lagMillis <= 25 && best > 0.2,
                    "the room hears channel " + (c + 1) + " a little late: " + lagMillis + " ms, " + best);
        }
        System.out.printf("demo band: room L and R correlate %.2f; rms room %.3f, drums %.3f%n", correlation(roomL, roomR), rms(roomL), rms(drums));
        assertTrue(correlation(roomL, roomR) < 0.99, "left and right rooms differ");
        assertTrue(rms(roomL) < rms(drums) + rms(part(2, 0, SPAN)), "the room is softer than the close microphones together");
    }

    static double correlation(double[] a, double[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void aSimulatedStreamOfTheBandDeliversTheSongAtItsResolutionAndAllocatesNothingPerPeriod() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        assertEquals(List.of(SimSignal.BAND), SimOptions.parse("sim:signal=band", SimOptions.defaults()).signals());
        StreamConfig request = new StreamConfig(6, RATE, 480, 4, SampleFormat.S24_3LE);
        SimCaptureStream s = (SimCaptureStream) sim.openCapture("sim:signal=band", request);
        s.start();
        int[] period = new int[480 * 6];
        for (int i = 0; i < 100; i++) assertEquals(ReadStatus.OK, s.readPeriod(period));
        for (int c = 0; c < 6; c++) {
            assertEquals(SimSignal.quantize(DemoBand.sample(c, 99 * 480 + 17, RATE), 24), period[17 * 6 + c], "channel " + (c + 1));
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long cpu = mx.getCurrentThreadCpuTime();
        long before = mx.getThreadAllocatedBytes(id);
        int periods = RATE / 480 * 4;
        for (int i = 0; i < periods; i++) s.readPeriod(period);
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        double cpuPerSecond = (mx.getCurrentThreadCpuTime() - cpu) / 1e9 / 4;
        System.out.printf("demo band: 6 channels at 48 kHz take %.3f s of CPU per second of audio; %d bytes allocated in %d periods%n",
                cpuPerSecond, allocated, periods);
        assertEquals(0, allocated, "reading the band allocates nothing");
    }
}
