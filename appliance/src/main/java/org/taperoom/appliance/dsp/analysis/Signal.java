package org.taperoom.appliance.dsp.analysis;

import java.nio.file.Path;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;

/**
 * The mono signal the analysis works on: the channels' mean, low-passed and decimated by an
 * integer factor ({@link Decimator}) to about 11 kHz (11 025 Hz from 22.05/44.1 kHz, 12 kHz from 48 kHz). Nothing the
 * analysis looks at lies above 5 kHz, and a quarter of the samples is a quarter of the cost.
 *
 * @param samples mono samples in [-1, 1]
 * @param rateHz  their sample rate
 */
public record Signal(float[] samples, int rateHz) {
    private static final int TARGET_RATE_HZ = 11025;

    public double seconds() {
        return samples.length / (double) rateHz;
    }

    /** Reads a whole file (anything libsndfile reads), mixing down and decimating as it reads. */
    public static Signal read(Path file) throws SoundFileException {
        try (SoundFileReader in = SoundFileReader.open(file)) {
            int channels = in.channels();
            int rate = in.rateHz();
            int factor = factorFor(rate);
            Decimator decimator = new Decimator(factor);
            int blockFrames = 8192;
            float[] block = new float[blockFrames * channels];
            float[] mono = new float[blockFrames];
            float scale = 1f / channels;
            int n;
            while ((n = in.read(block, blockFrames)) > 0) {
                for (int f = 0; f < n; f++) {
                    float s = 0;
                    for (int c = 0; c < channels; c++) s += block[f * channels + c];
                    mono[f] = s * scale;
                }
                decimator.add(mono, 0, n);
            }
            return new Signal(decimator.finish(), rate / factor);
        }
    }

    /** A mono signal at any rate, decimated as {@link #read} does. */
    public static Signal decimated(float[] mono, int rateHz) {
        int factor = factorFor(rateHz);
        if (factor == 1) return new Signal(mono, rateHz);
        Decimator d = new Decimator(factor);
        d.add(mono, 0, mono.length);
        return new Signal(d.finish(), rateHz / factor);
    }

    private static int factorFor(int rateHz) {
        return Math.max(1, rateHz / TARGET_RATE_HZ);
    }
}
