package org.taperoom.appliance.dsp.export;

import java.io.IOException;
import java.nio.file.Path;
import org.taperoom.appliance.dsp.settings.OutputSettings;
import org.taperoom.appliance.dsp.settings.Tags;

/** Opens the right {@link AudioSink} for an output file's extension. */
public final class Sinks {
    private Sinks() {}

    public static AudioSink open(Path file, OutputFormat format, int rateHz, OutputSettings output, Tags tags) throws IOException {
        int bits = output.bits();
        if (format == OutputFormat.WAV) return new WavWriter(file, rateHz, 2, bits, tags);
        if (format == OutputFormat.FLAC && bits == 32) {
            throw new IOException(file.getFileName() + ": FLAC takes sample_format s16 or s24, not f32");
        }
        return new SndfileSink(file, format, rateHz, 2, bits, output.quality(), tags);
    }
}
