package org.taperoom.appliance.dsp.export;

import java.nio.file.Path;
import java.util.Locale;
import org.taperoom.appliance.dsp.audiofile.Sndfile;

/**
 * What the output file's extension asks for. WAV is written by {@link WavWriter} (ours: 16/24-bit
 * PCM or 32-bit float, RF64 past 4 GiB); FLAC, MP3 and Ogg Opus go through libsndfile. The one
 * table of formats: the panel lists these, with their labels, and serves files with their MIME types.
 */
public enum OutputFormat {
    WAV(false, "WAV (24-bit, lossless)", "audio/wav"),
    FLAC(false, "FLAC (lossless, smaller)", "audio/flac"),
    MP3(true, "MP3 (for phones and messengers)", "audio/mpeg"),
    OPUS(true, "Opus (smallest)", "audio/ogg");

    /** Lossy formats get float samples and no dither; the encoder decides the word length. */
    public final boolean lossy;
    /** What a person picks from a list. */
    public final String label;
    /** The {@code Content-Type} of a file of this format. */
    public final String mimeType;

    OutputFormat(boolean lossy, String label, String mimeType) {
        this.lossy = lossy;
        this.label = label;
        this.mimeType = mimeType;
    }

    public static OutputFormat forPath(Path file) throws IllegalArgumentException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav")) return WAV;
        if (name.endsWith(".flac")) return FLAC;
        if (name.endsWith(".mp3")) return MP3;
        if (name.endsWith(".opus") || name.endsWith(".ogg")) return OPUS;
        throw new IllegalArgumentException(file.getFileName() + ": unknown output format; use .wav, .flac, .mp3 or .opus");
    }

    /** The libsndfile format word for this format at {@code bits} (16/24; ignored for lossy). */
    int sndfileFormat(int bits) {
        return switch (this) {
            case FLAC -> Sndfile.SF_FORMAT_FLAC | (bits == 16 ? Sndfile.SF_FORMAT_PCM_16 : Sndfile.SF_FORMAT_PCM_24);
            case MP3 -> Sndfile.SF_FORMAT_MPEG | Sndfile.SF_FORMAT_MPEG_LAYER_III;
            case OPUS -> Sndfile.SF_FORMAT_OGG | Sndfile.SF_FORMAT_OPUS;
            case WAV -> throw new IllegalStateException("WAV is written by WavWriter");
        };
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
