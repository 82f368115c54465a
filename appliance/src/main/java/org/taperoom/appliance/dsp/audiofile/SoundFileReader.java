package org.taperoom.appliance.dsp.audiofile;

import com.sun.jna.Pointer;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads any file libsndfile reads (WAV, broadcast WAV, RF64, FLAC, Ogg, MP3 on libsndfile >= 1.1)
 * as float frames in [-1, 1]. Not thread-safe: one thread reads it.
 *
 * <p>A reader may be <em>placed</em> on a timeline ({@link #open(Path, long)}): the file's frame k
 * is then the timeline's frame {@code offset + k}, the timeline before the offset reads as
 * silence, and a negative offset leaves the file's first {@code -offset} frames unheard. Frames,
 * reads and seeks then count timeline frames; with offset 0 the timeline is the file.
 *
 * <p>The native {@code SNDFILE*} is owned by this object from {@code sf_open} in {@link #open} to
 * {@code sf_close} in {@link #close()}.
 */
public final class SoundFileReader implements AutoCloseable {
    private final Path path;
    private final int rateHz;
    private final int channels;
    private final long frames;
    /** The file's own length in frames, as its header says. */
    private final long fileFrames;
    private final int format;
    /** The timeline frame of the file's first frame; 0 for a reader that is not placed. */
    private final long offsetFrames;
    private Pointer handle;
    /** The timeline frame the next read starts at. */
    private long position;

    private SoundFileReader(Path path, Pointer handle, Sndfile.SF_INFO info, long offsetFrames) {
        this.path = path;
        this.handle = handle;
        this.rateHz = info.samplerate;
        this.channels = info.channels;
        this.offsetFrames = offsetFrames;
        this.frames = Math.max(0, info.frames + offsetFrames);
        this.fileFrames = info.frames;
        this.format = info.format;
    }

    public static SoundFileReader open(Path path) throws SoundFileException {
        return open(path, 0);
    }

    /** Opens {@code path} placed at timeline frame {@code offsetFrames} (negative: its start is cut). */
    public static SoundFileReader open(Path path, long offsetFrames) throws SoundFileException {
        if (!Files.isRegularFile(path)) throw new SoundFileException(path + ": no such file");
        Sndfile.SF_INFO info = new Sndfile.SF_INFO();
        Pointer h = Sndfile.sf_open(path.toString(), Sndfile.SFM_READ, info);
        if (h == null) throw new SoundFileException(path + ": not a sound file libsndfile can read (" + Sndfile.sf_strerror(null) + ")");
        info.read();
        SoundFileReader r = new SoundFileReader(path, h, info, offsetFrames);
        if (offsetFrames < 0) {
            try {
                r.seek(0);
            } catch (SoundFileException e) {
                r.close();
                throw e;
            }
        }
        return r;
    }

    /** The timeline frame of the file's first frame (0 unless placed). */
    public long offsetFrames() {
        return offsetFrames;
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

    /**
     * Length in frames as the header says, on the timeline when placed; for MP3 an estimate that
     * reading may not reach exactly.
     */
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
        long silent = Math.min(count, offsetFrames - position);
        if (silent > 0) {
            Arrays.fill(into, 0, (int) silent * channels, 0f);
            position += silent;
            return (int) silent;
        }
        long n = Sndfile.sf_readf_float(handle, into, count);
        if (n < 0 || (n == 0 && Sndfile.sf_error(handle) != 0)) {
            throw new SoundFileException(path + ": read failed (" + Sndfile.sf_strerror(handle) + ")");
        }
        position += n;
        return (int) n;
    }

    /**
     * Moves to frame {@code frame} (clamped to the end): the next read starts there. A file placed
     * so far before the timeline that none of it is heard (or one of no frames) is at its end.
     */
    public void seek(long frame) throws SoundFileException {
        if (handle == null) throw new IllegalStateException("reader closed");
        long at = Math.min(Math.max(0, frame), frames);
        // libsndfile refuses a seek past the file's end, even to the end of a file of 0 frames.
        long fileFrame = Math.min(Math.max(0, at - offsetFrames), fileFrames);
        if (fileFrames == 0) {
            position = at;
            return;
        }
        if (Sndfile.sf_seek(handle, fileFrame, Sndfile.SEEK_SET) < 0) {
            throw new SoundFileException(path + ": seek to frame " + frame + " failed (" + Sndfile.sf_strerror(handle) + ")");
        }
        position = at;
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
