package org.taperoom.appliance.dsp.loudness;

import java.nio.file.Path;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;

/** Measures a whole sound file (anything libsndfile reads) with a {@link LoudnessMeter}. */
public final class FileLoudness {
    private static final int BLOCK_FRAMES = 4800;

    private FileLoudness() {}

    public static LoudnessFigures measure(Path file) throws SoundFileException {
        try (SoundFileReader in = SoundFileReader.open(file)) {
            ChannelLayout layout;
            try {
                layout = ChannelLayout.forChannels(in.channels());
            } catch (IllegalArgumentException e) {
                throw new SoundFileException(file + ": " + e.getMessage());
            }
            try (LoudnessMeter meter = new LoudnessMeter(layout, in.rateHz())) {
                float[] buf = new float[BLOCK_FRAMES * in.channels()];
                int n;
                while ((n = in.read(buf, BLOCK_FRAMES)) > 0) meter.add(buf, n);
                return meter.figures();
            }
        }
    }
}
