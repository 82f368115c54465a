package org.taperoom.appliance.dsp.export;

import java.io.IOException;
import java.nio.file.Path;
import org.taperoom.appliance.dsp.audiofile.Sndfile;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileWriter;
import org.taperoom.appliance.dsp.settings.Tags;

/**
 * FLAC (16/24-bit, dithered integers), MP3 (LAME through libsndfile >= 1.1, ID3 tags) and Ogg Opus
 * (48/24/16/12/8 kHz only, Vorbis-comment tags) through libsndfile. Not thread-safe.
 */
public final class SndfileSink implements AudioSink {
    private final SoundFileWriter writer;
    private final OutputFormat format;
    private final int bits;

    public SndfileSink(Path file, OutputFormat format, int rateHz, int channels, int bits, double quality, Tags tags)
            throws SoundFileException {
        this(file, format, rateHz, channels, bits, quality, false, tags);
    }

    /**
     * @param constantBitrate MP3 only: a constant bitrate, where {@code quality} 0 is 320 kbit/s
     *                        (what distributors ask for); otherwise LAME's variable bitrate
     */
    public SndfileSink(Path file, OutputFormat format, int rateHz, int channels, int bits, double quality,
                       boolean constantBitrate, Tags tags) throws SoundFileException {
        if (format == OutputFormat.OPUS && rateHz != 48000 && rateHz != 24000 && rateHz != 16000
                && rateHz != 12000 && rateHz != 8000) {
            throw new SoundFileException(file.getFileName() + ": Ogg Opus takes 48, 24, 16, 12 or 8 kHz, not " + rateHz + " Hz");
        }
        this.format = format;
        this.bits = format.lossy ? 32 : bits;
        if (format == OutputFormat.FLAC && bits != 16 && bits != 24) {
            throw new SoundFileException(file.getFileName() + ": FLAC takes sample_format s16 or s24");
        }
        writer = SoundFileWriter.create(file, format.sndfileFormat(bits), rateHz, channels);
        try {
            if (tags != null) {
                writer.tag(Sndfile.SF_STR_TITLE, tags.title());
                writer.tag(Sndfile.SF_STR_ARTIST, tags.artist());
                writer.tag(Sndfile.SF_STR_ALBUM, tags.album());
                writer.tag(Sndfile.SF_STR_DATE, tags.date());
                writer.tag(Sndfile.SF_STR_COMMENT, tags.comment());
            }
            if (format == OutputFormat.MP3 && constantBitrate) writer.constantBitrate();
            if (format.lossy) {
                writer.compressionLevel(quality);
            }
        } catch (SoundFileException e) {
            writer.close();
            throw e;
        }
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public boolean wantsIntegers() {
        return !format.lossy;
    }

    @Override
    public void writeInts(int[] interleaved, int frames) throws IOException {
        writer.writeInt(interleaved, frames);
    }

    @Override
    public void writeFloats(float[] interleaved, int frames) throws IOException {
        writer.writeFloat(interleaved, frames);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
