package org.taperoom.appliance.dsp.analysis;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    /**
     * The mean of several files read in step (a take's tracks, a song's lanes on its timeline),
     * mixed down and decimated as {@link #read} does, up to {@code maxSeconds}; a file that ends
     * early is silence from there. The readers must share one rate; they are closed.
     */
    public static Signal mixed(List<SoundFileReader> readers, double maxSeconds) throws SoundFileException {
        try {
            if (readers.isEmpty()) throw new IllegalArgumentException("nothing to analyse: no files");
            int rate = readers.get(0).rateHz();
            for (SoundFileReader r : readers) {
                if (r.rateHz() != rate) throw new SoundFileException(r.path().getFileName() + ": " + r.rateHz() + " Hz, the others " + rate + " Hz");
            }
            int factor = factorFor(rate);
            Decimator decimator = new Decimator(factor);
            int blockFrames = 8192;
            float[] mono = new float[blockFrames];
            float[][] blocks = new float[readers.size()][];
            for (int i = 0; i < blocks.length; i++) blocks[i] = new float[blockFrames * readers.get(i).channels()];
            float scale = 1f / readers.stream().mapToInt(SoundFileReader::channels).sum();
            long framesLeft = (long) (maxSeconds * rate);
            boolean[] ended = new boolean[readers.size()];
            while (framesLeft > 0) {
                int want = (int) Math.min(blockFrames, framesLeft);
                Arrays.fill(mono, 0, want, 0f);
                int longest = 0;
                for (int i = 0; i < readers.size(); i++) {
                    if (ended[i]) continue;
                    SoundFileReader r = readers.get(i);
                    int channels = r.channels();
                    int got = 0;
                    while (got < want) { // a reader may answer in parts (its offset's silence, then the file)
                        float[] part = blocks[i];
                        int n = r.read(part, want - got);
                        if (n <= 0) {
                            ended[i] = true;
                            break;
                        }
                        for (int f = 0; f < n; f++) for (int c = 0; c < channels; c++) mono[got + f] += part[f * channels + c];
                        got += n;
                    }
                    longest = Math.max(longest, got);
                }
                if (longest == 0) break;
                for (int f = 0; f < longest; f++) mono[f] *= scale;
                decimator.add(mono, 0, longest);
                framesLeft -= longest;
            }
            return new Signal(decimator.finish(), rate / factor);
        } finally {
            for (SoundFileReader r : readers) r.close();
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
