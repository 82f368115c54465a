package org.taperoom.appliance.dsp.audiofile;

import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads any file libsndfile reads (WAV, broadcast WAV, RF64, FLAC, Ogg, MP3 on libsndfile >= 1.1)
 * as float frames in [-1, 1]. Not thread-safe: one thread reads it.
 *
 * <p>The native {@code SNDFILE*} is owned by this object from {@code sf_open} in {@link #open} to
 * {@code sf_close} in {@link #close()}.
 */
public final class SoundFileReader implements AutoCloseable {
    private final Path path;
    private final int rateHz;
    private final int channels;
    private final long frames;
    private final int format;
    private Pointer handle;

    private SoundFileReader(Path path, Pointer handle, Sndfile.SF_INFO info) {
        this.path = path;
        this.handle = handle;
        this.rateHz = info.samplerate;
        this.channels = info.channels;
        this.frames = info.frames;
        this.format = info.format;
    }

    public static SoundFileReader open(Path path) throws SoundFileException {
        if (!Files.isRegularFile(path)) throw new SoundFileException(path + ": no such file");
        Sndfile.SF_INFO info = new Sndfile.SF_INFO();
        Pointer h = Sndfile.sf_open(path.toString(), Sndfile.SFM_READ, info);
        if (h == null) throw new SoundFileException(path + ": not a sound file libsndfile can read (" + Sndfile.sf_strerror(null) + ")");
        info.read();
        return new SoundFileReader(path, h, info);
    }

    public Path path() {
        return path;
    }

    public int rateHz() {
        return rateHz;
    }

    public int channels() {
        return channels;
    }

    /** Length in frames as the header says; for MP3 an estimate that reading may not reach exactly. */
    public long frames() {
        return frames;
    }

    /** libsndfile's SF_FORMAT_* major|subtype word. */
    public int format() {
        return format;
    }

    /**
     * Reads up to {@code count} interleaved frames into {@code into}. Returns the frames read,
     * 0 at the end of the file.
     */
    public int read(float[] into, int count) throws SoundFileException {
        if (handle == null) throw new IllegalStateException("reader closed");
        if (into.length < (long) count * channels) throw new IllegalArgumentException("buffer too small");
        long n = Sndfile.sf_readf_float(handle, into, count);
        if (n < 0 || (n == 0 && Sndfile.sf_error(handle) != 0)) {
            throw new SoundFileException(path + ": read failed (" + Sndfile.sf_strerror(handle) + ")");
        }
        return (int) n;
    }

    /** Moves to frame {@code frame} (clamped to the end): the next read starts there. */
    public void seek(long frame) throws SoundFileException {
        if (handle == null) throw new IllegalStateException("reader closed");
        if (Sndfile.sf_seek(handle, Math.min(Math.max(0, frame), frames), Sndfile.SEEK_SET) < 0) {
            throw new SoundFileException(path + ": seek to frame " + frame + " failed (" + Sndfile.sf_strerror(handle) + ")");
        }
    }

    /** A tag (Sndfile.SF_STR_*) or null. */
    public String string(int strType) {
        return Sndfile.sf_get_string(handle, strType);
    }

    @Override
    public void close() {
        if (handle == null) return;
        Sndfile.sf_close(handle);
        handle = null;
    }
}
