package org.taperoom.appliance.dsp.analysis;

import java.nio.file.Path;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;

/**
 * The mono signal the analysis works on: the channels' mean, low-passed and decimated by an
 * integer factor to about 11 kHz (11 025 Hz from 22.05/44.1 kHz, 12 kHz from 48 kHz). Nothing the
 * analysis looks at lies above 5 kHz, and a quarter of the samples is a quarter of the cost.
 *
 * @param samples mono samples in [-1, 1]
 * @param rateHz  their sample rate
 */
public record Signal(float[] samples, int rateHz) {
    private static final int TARGET_RATE_HZ = 11025;
    private static final int HALF_TAPS = 24;

    public double seconds() {
        return samples.length / (double) rateHz;
    }

    /** Reads a whole file (anything libsndfile reads) and decimates it. */
    public static Signal read(Path file) throws SoundFileException {
        try (SoundFileReader in = SoundFileReader.open(file)) {
            int channels = in.channels();
            int rate = in.sampleRate();
            long expected = Math.max(0, in.frames());
            if (expected > Integer.MAX_VALUE - 16) throw new SoundFileException(file + ": too long to analyse (more than 2^31 frames)");
            float[] mono = new float[(int) Math.max(expected, 1)];
            int blockFrames = 8192;
            float[] block = new float[blockFrames * channels];
            int at = 0;
            int n;
            float scale = 1f / channels;
            while ((n = in.read(block, blockFrames)) > 0) {
                if (at + n > mono.length) mono = java.util.Arrays.copyOf(mono, Math.max(at + n, mono.length * 2));
                for (int f = 0; f < n; f++) {
                    float s = 0;
                    for (int c = 0; c < channels; c++) s += block[f * channels + c];
                    mono[at + f] = s * scale;
                }
                at += n;
            }
            return decimated(java.util.Arrays.copyOf(mono, at), rate);
        }
    }

    /** A mono signal at any rate, decimated as {@link #read} does. */
    public static Signal decimated(float[] mono, int rateHz) {
        int factor = Math.max(1, rateHz / TARGET_RATE_HZ);
        if (factor == 1) return new Signal(mono, rateHz);
        // Windowed-sinc low-pass at 0.45 of the new Nyquist, evaluated only at the kept samples.
        double cutoff = 0.45 / factor;
        double[] taps = new double[2 * HALF_TAPS + 1];
        double sum = 0;
        for (int i = -HALF_TAPS; i <= HALF_TAPS; i++) {
            double x = 2 * cutoff * i;
            double sinc = i == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double w = 0.42 + 0.5 * Math.cos(Math.PI * i / (HALF_TAPS + 1)) + 0.08 * Math.cos(2 * Math.PI * i / (HALF_TAPS + 1));
            taps[i + HALF_TAPS] = 2 * cutoff * sinc * w;
            sum += taps[i + HALF_TAPS];
        }
        for (int i = 0; i < taps.length; i++) taps[i] /= sum;
        int out = mono.length / factor;
        float[] y = new float[out];
        for (int o = 0; o < out; o++) {
            int c = o * factor;
            double acc = 0;
            if (c - HALF_TAPS >= 0 && c + HALF_TAPS < mono.length) {
                for (int t = 0; t < taps.length; t++) acc += taps[t] * mono[c - HALF_TAPS + t];
            } else {
                for (int t = 0; t < taps.length; t++) {
                    int i = c - HALF_TAPS + t;
                    if (i >= 0 && i < mono.length) acc += taps[t] * mono[i];
                }
            }
            y[o] = (float) acc;
        }
        return new Signal(y, rateHz / factor);
    }
}
