package org.taperoom.appliance.dsp.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** libsoxr through JNA: the length, the pitch, the level and what it removes above the new Nyquist. */
class ResamplerTest {
    private static final int BLOCK = 4096;

    /** Runs a stereo signal (left, right) through a resampler block by block and returns the interleaved output. */
    private static float[] convert(float[] interleaved, int inRate, int outRate) {
        int frames = interleaved.length / 2;
        try (Resampler r = new Resampler(inRate, outRate, 2, Resampler.Quality.VERY_HIGH, BLOCK)) {
            float[] all = new float[(Resampler.outputFrames(frames, inRate, outRate) + 2 * r.maxOutputFrames()) * 2];
            float[] block = new float[BLOCK * 2];
            float[] got = new float[r.maxOutputFrames() * 2];
            int outFrames = 0;
            for (int done = 0; done < frames; done += BLOCK) {
                int n = Math.min(BLOCK, frames - done);
                System.arraycopy(interleaved, done * 2, block, 0, n * 2);
                int m = r.process(block, n, got);
                System.arraycopy(got, 0, all, outFrames * 2, m * 2);
                outFrames += m;
            }
            int m;
            while ((m = r.flush(got)) > 0) {
                System.arraycopy(got, 0, all, outFrames * 2, m * 2);
                outFrames += m;
            }
            return Arrays.copyOf(all, outFrames * 2);
        }
    }

    private static float[] stereoSine(int rate, double hz, double amplitude, double seconds) {
        int n = (int) Math.round(rate * seconds);
        float[] s = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
            s[2 * i] = v;
            s[2 * i + 1] = -v;
        }
        return s;
    }

    /** Amplitude of the {@code hz} component of channel 0 (a single-bin DFT over whole cycles). */
    private static double amplitudeAt(float[] interleaved, int rate, double hz, int from, int to) {
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            re += interleaved[2 * i] * Math.cos(w);
            im += interleaved[2 * i] * Math.sin(w);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    @Test
    void veryHighQualityIsSoxrsTwentyEightBitRecipe() {
        assertEquals(28, Resampler.precisionBits(Resampler.Quality.VERY_HIGH), 0.01);
        assertTrue(Resampler.version().startsWith("libsoxr-"), Resampler.version());
    }

    @Test
    void fortyEightToFortyFourOneKeepsLengthPitchAndLevel() {
        float[] out = convert(stereoSine(48000, 1000, 0.5, 2), 48000, 44100);
        assertEquals(88200, out.length / 2, "2 s at 44.1 kHz");
        // A whole number of 1 kHz cycles in the middle second, away from the filter's edges.
        assertEquals(0.5, amplitudeAt(out, 44100, 1000, 22050, 66150), 0.0005, "1 kHz stays at its level");
        assertTrue(amplitudeAt(out, 44100, 1010, 22050, 66150) < 0.01, "and at its pitch");
        assertEquals(-out[2 * 30000], out[2 * 30000 + 1], 1e-6, "channels stay apart");
    }

    @Test
    void toneAboveTheNewNyquistIsRemovedNotFoldedBack() {
        // 23 kHz exists at 48 kHz; at 44.1 kHz it would alias to 21.1 kHz if not filtered out.
        float[] out = convert(stereoSine(48000, 23000, 0.5, 1), 48000, 44100);
        double alias = amplitudeAt(out, 44100, 21100, 4410, 39690);
        assertTrue(20 * Math.log10(alias / 0.5) < -120, "alias at " + 20 * Math.log10(alias / 0.5) + " dB");
    }

    @Test
    void aRateSoxrRefusesIsOneClearError() {
        ResamplerException e = assertThrows(ResamplerException.class,
                () -> new Resampler(-48000, 44100, 2, Resampler.Quality.VERY_HIGH, BLOCK).close());
        assertTrue(e.getMessage().startsWith("soxr_create -48000.0 -> 44100.0 Hz: ") && e.getMessage().length() > 30, e.getMessage());
    }
}
