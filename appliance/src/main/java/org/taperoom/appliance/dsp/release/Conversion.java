package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.export.AudioSink;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.export.SndfileSink;
import org.taperoom.appliance.dsp.export.WavWriter;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.master.Dither;
import org.taperoom.appliance.dsp.resample.Resampler;
import org.taperoom.appliance.dsp.settings.Tags;

/**
 * One preset file from a track's float master: libsoxr to the preset's rate (very high quality),
 * TPDF dither to its word length, the encoder, then the file measured again by libebur128.
 *
 * <p>The master was limited to the ceiling at its own rate; a new rate reconstructs the waveform
 * between new sample points, and dither and encoders add their own peaks, so the converted file
 * can read a little above the ceiling. When it does, the conversion runs again with the gain
 * lowered by the excess (plus a small margin), rather than limiting again: the excess is a few
 * hundredths of a dB, which no listener hears as a level change, while a second limiter would
 * reshape transients the master's limiter already decided. Runs on the caller's thread.
 */
final class Conversion {
    static final int BLOCK_FRAMES = 4096;
    static final long DITHER_SEED = 0x5E1EA5EL;
    private static final int ATTEMPTS = 4;

    /**
     * @param gainDb        static gain applied to the master before conversion (<= 0 after a correction)
     * @param figures       the file as libebur128 reads it
     */
    record Result(Path file, double gainDb, LoudnessFigures figures, int attempts) {}

    /** Last touch to the part file before it takes its name (tags that need the finished stream). */
    @FunctionalInterface
    interface Finisher {
        void finish(Path part) throws IOException;
    }

    private Conversion() {}

    /** Writes {@code out} (which appears only when complete); {@code tags} go to the writer, {@code finisher} runs after it. */
    static Result convert(Path master, OutputPreset preset, Path out, Tags tags, double ceilingDbtp, Finisher finisher)
            throws IOException {
        // The part file keeps the extension: tag libraries pick the format by it.
        Path part = out.resolveSibling(".part-" + out.getFileName());
        double gainDb = 0;
        try {
            for (int attempt = 1; ; attempt++) {
                write(master, preset, part, tags, gainDb);
                LoudnessFigures f = FileLoudness.measure(part);
                boolean over = f.truePeakDbtp() != null && f.truePeakDbtp() > ceilingDbtp;
                if (!over || attempt == ATTEMPTS) {
                    finisher.finish(part);
                    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return new Result(out, gainDb, f, attempt);
                }
                gainDb -= f.truePeakDbtp() - ceilingDbtp + (preset.format.lossy ? 0.1 : 0.02);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void write(Path master, OutputPreset preset, Path file, Tags tags, double gainDb) throws IOException {
        float gain = (float) Math.pow(10, gainDb / 20);
        try (SoundFileReader in = SoundFileReader.open(master);
             AudioSink sink = open(preset, file, tags)) {
            if (in.channels() != 2) throw new IOException(master + ": a release master is stereo, not " + in.channels() + " channels");
            boolean resample = in.rateHz() != preset.rateHz;
            Resampler resampler = resample
                    ? new Resampler(in.rateHz(), preset.rateHz, 2, Resampler.Quality.VERY_HIGH, BLOCK_FRAMES) : null;
            try {
                Dither dither = sink.wantsIntegers() ? new Dither(sink.bits(), DITHER_SEED) : null;
                float[] block = new float[2 * BLOCK_FRAMES];
                float[] converted = resample ? new float[2 * resampler.maxOutputFrames()] : block;
                int[] words = new int[converted.length];
                int n;
                while ((n = in.read(block, BLOCK_FRAMES)) > 0) {
                    for (int i = 0; i < 2 * n; i++) block[i] *= gain;
                    int m = resample ? resampler.process(block, n, converted) : n;
                    emit(sink, dither, converted, words, m);
                }
                if (resample) {
                    int m;
                    while ((m = resampler.flush(converted)) > 0) emit(sink, dither, converted, words, m);
                }
            } finally {
                if (resampler != null) resampler.close();
            }
        }
    }

    private static void emit(AudioSink sink, Dither dither, float[] frames, int[] words, int count) throws IOException {
        if (count == 0) return;
        if (dither != null) {
            dither.quantise(frames, words, 2 * count);
            sink.writeInts(words, count);
        } else {
            sink.writeFloats(frames, count);
        }
    }

    private static AudioSink open(OutputPreset preset, Path file, Tags tags) throws IOException {
        if (preset.format == OutputFormat.WAV) return new WavWriter(file, preset.rateHz, 2, preset.bits, tags);
        // MP3 at quality 0 and a constant bitrate is LAME's 320 kbit/s; Opus at 0 its highest bitrate.
        return new SndfileSink(file, preset.format, preset.rateHz, 2, preset.format.lossy ? 32 : preset.bits, 0,
                preset == OutputPreset.MP3, tags);
    }
}
