package org.taperoom.appliance.dsp.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.loudness.ChannelLayout;
import org.taperoom.appliance.dsp.loudness.LoudnessMeter;

/**
 * The output meter's true peak: fed in awkward block sizes it is libebur128's reading of the whole
 * signal at once to the bit, and it is libebur128's true peak, on material made to find a difference:
 * decaying clicks (energy up to the Nyquist frequency), inter-sample peaks whose samples are all
 * lower, loud bursts of white noise in quiet noise, music-like tones; at 4x (48 kHz) and 2x (96 kHz).
 */
class TruePeakTrackerTest {

    private static List<float[]> material(int rate) {
        List<float[]> signals = new ArrayList<>();
        Random rnd = new Random(3);
        int n = rate * 6;
        float[] clicks = new float[2 * n];
        for (int start = 0; start + 240 < n; start += rate / 3) {
            for (int i = 0; i < 240; i++) {
                double v = (rnd.nextDouble() * 2 - 1) * 0.9 * Math.exp(-i / 40.0);
                clicks[2 * (start + i)] = (float) v;
                clicks[2 * (start + i) + 1] = (float) -v;
            }
        }
        signals.add(clicks);
        // fs/4 at 45 degrees in short bursts: every sample at 0.707 of the peak between them.
        float[] interSample = new float[2 * n];
        for (int start = 100; start + 64 < n; start += 5000 + rnd.nextInt(3000)) {
            for (int i = 0; i < 64; i++) interSample[2 * (start + i) + 1] = (float) Math.sin(Math.PI / 2 * i + Math.PI / 4);
        }
        signals.add(interSample);
        float[] bursts = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double env = (i / 4800) % 7 == 0 ? 0.8 : 0.05;
            bursts[2 * i] = (float) (env * (rnd.nextDouble() * 2 - 1));
            bursts[2 * i + 1] = (float) (env * Math.sin(i * 0.31));
        }
        signals.add(bursts);
        float[] tones = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double v = 0.3 * Math.sin(2 * Math.PI * 110 * t) + 0.2 * Math.sin(2 * Math.PI * 1234.5 * t + 1)
                    + 0.15 * Math.sin(2 * Math.PI * 7777 * t) + 0.1 * Math.sin(2 * Math.PI * 15000 * t + 2);
            tones[2 * i] = (float) v;
            tones[2 * i + 1] = (float) (0.8 * v);
        }
        signals.add(tones);
        return signals;
    }

    private static float wholeEnvelopeMax(float[] x, int rate) {
        int frames = x.length / 2;
        float[] l = new float[frames];
        float[] r = new float[frames];
        for (int i = 0; i < frames; i++) {
            l[i] = x[2 * i];
            r[i] = x[2 * i + 1];
        }
        return TruePeakEnvelope.forRate(rate).compute(l, r, frames, new float[frames], 0, frames);
    }

    /** Feeds {@code x} in blocks of 1 to 5000 frames. */
    private static double tracked(float[] x, int rate, long seed) {
        Random sizes = new Random(seed);
        TruePeakTracker t = new TruePeakTracker(rate);
        int frames = x.length / 2;
        for (int pos = 0; pos < frames; ) {
            int n = Math.min(frames - pos, 1 + sizes.nextInt(5000));
            float[] block = new float[2 * n];
            System.arraycopy(x, 2 * pos, block, 0, 2 * n);
            t.add(block, n);
            pos += n;
        }
        return t.truePeak();
    }

    private static double libebur128Dbtp(float[] x, int rate) {
        try (LoudnessMeter m = new LoudnessMeter(ChannelLayout.STEREO, rate, true, true)) {
            m.add(x, x.length / 2);
            return m.figures().truePeakDbtp();
        }
    }

    @Test
    void fedInAnyBlocksItIsTheWholeEnvelopesMaximumToTheBit() {
        for (int rate : new int[] {48000, 96000}) {
            int s = 0;
            for (float[] x : material(rate)) {
                float whole = wholeEnvelopeMax(x, rate);
                for (long seed = 1; seed <= 3; seed++) {
                    assertEquals(Float.floatToRawIntBits(whole), Float.floatToRawIntBits((float) tracked(x, rate, seed)),
                            rate + " Hz signal " + s + " seed " + seed);
                }
                s++;
            }
        }
        assertEquals(0.0, new TruePeakTracker(48000).truePeak(), 0.0, "nothing fed reads silence");
    }

    @Test
    void itReadsWhatLibebur128Reads() {
        List<String> failures = new ArrayList<>();
        for (int rate : new int[] {48000, 96000}) {
            int s = 0;
            for (float[] x : material(rate)) {
                double ours = 20 * Math.log10(tracked(x, rate, 11));
                double theirs = libebur128Dbtp(x, rate);
                System.out.printf("%d Hz signal %d: ours %.6f dBTP, libebur128 %.6f dBTP%n", rate, s, ours, theirs);
                // The same float value, unless the last rounding of a sum differs (libebur128 built with FMA, on arm64).
                if (Math.abs(ours - theirs) > 1e-5) failures.add(rate + " Hz signal " + s + ": ours " + ours + ", libebur128 " + theirs);
                s++;
            }
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }
}
