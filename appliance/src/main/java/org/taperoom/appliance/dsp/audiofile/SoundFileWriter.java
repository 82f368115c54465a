package org.taperoom.appliance.dsp.audiofile;

import com.sun.jna.Pointer;
import java.nio.file.Path;

/**
 * Writes a file through libsndfile (FLAC, MP3, Ogg Opus, ...). Tags must be set before the first
 * frames (libsndfile writes MP3 ID3 and Ogg comment headers then). Not thread-safe.
 *
 * <p>The native {@code SNDFILE*} is owned by this object from {@code sf_open} in {@link #create}
 * to {@code sf_close} in {@link #close()}; closing finishes the file.
 */
public final class SoundFileWriter implements AutoCloseable {
    private final Path path;
    private final int channels;
    private Pointer handle;

    private SoundFileWriter(Path path, Pointer handle, int channels) {
        this.path = path;
        this.handle = handle;
        this.channels = channels;
    }

    /**
     * Creates {@code path} with libsndfile format word {@code format} (major | subtype).
     */
    public static SoundFileWriter create(Path path, int format, int rateHz, int channels) throws SoundFileException {
        Sndfile.SF_INFO info = new Sndfile.SF_INFO();
        info.samplerate = rateHz;
        info.channels = channels;
        info.format = format;
        info.write();
        if (Sndfile.sf_format_check(info) == 0) {
            throw new SoundFileException(path + ": libsndfile " + Sndfile.sf_version_string() + " cannot write format 0x"
                    + Integer.toHexString(format) + " at " + rateHz + " Hz, " + channels + " channels");
        }
        Pointer h = Sndfile.sf_open(path.toString(), Sndfile.SFM_WRITE, info);
        if (h == null) throw new SoundFileException(path + ": cannot create (" + Sndfile.sf_strerror(null) + ")");
        return new SoundFileWriter(path, h, channels);
    }

    public void tag(int strType, String value) throws SoundFileException {
        if (value == null || value.isEmpty()) return;
        if (Sndfile.sf_set_string(live(), strType, value) != 0) {
            throw new SoundFileException(path + ": cannot set tag " + strType + " (" + Sndfile.sf_strerror(handle) + ")");
        }
    }

    /** Encoder quality, 0 (best/biggest) to 1 (smallest), for FLAC, MP3, Opus (SFC_SET_COMPRESSION_LEVEL). */
    public void compressionLevel(double level) throws SoundFileException {
        if (Sndfile.sf_command(live(), Sndfile.SFC_SET_COMPRESSION_LEVEL, new double[] {level}, 8) != 1) {
            throw new SoundFileException(path + ": compression level refused (" + Sndfile.sf_strerror(handle) + ")");
        }
    }

    /** Constant bitrate for MP3 (SFC_SET_BITRATE_MODE); before the compression level and the first frame. */
    public void constantBitrate() throws SoundFileException {
        // libsndfile 1.2 returns 0 from a successful SET_BITRATE_MODE: ask for the mode back instead.
        Sndfile.sf_command(live(), Sndfile.SFC_SET_BITRATE_MODE, new int[] {Sndfile.SF_BITRATE_MODE_CONSTANT}, 4);
        if (Sndfile.sf_command(live(), Sndfile.SFC_GET_BITRATE_MODE, (int[]) null, 0) != Sndfile.SF_BITRATE_MODE_CONSTANT) {
            throw new SoundFileException(path + ": constant bitrate refused (" + Sndfile.sf_strerror(handle) + ")");
        }
    }

    public void writeFloat(float[] interleaved, int frames) throws SoundFileException {
        if (Sndfile.sf_writef_float(live(), interleaved, frames) != frames) {
            throw new SoundFileException(path + ": write failed (" + Sndfile.sf_strerror(handle) + ")");
        }
    }

    /** Left-justified 32-bit samples: libsndfile keeps the top bits for 16/24-bit subtypes. */
    public void writeInt(int[] interleaved, int frames) throws SoundFileException {
        if (Sndfile.sf_writef_int(live(), interleaved, frames) != frames) {
            throw new SoundFileException(path + ": write failed (" + Sndfile.sf_strerror(handle) + ")");
        }
    }

    public int channels() {
        return channels;
    }

    private Pointer live() {
        if (handle == null) throw new IllegalStateException("writer closed");
        return handle;
    }

    @Override
    public void close() throws SoundFileException {
        if (handle == null) return;
        int rc = Sndfile.sf_close(handle);
        handle = null;
        if (rc != 0) throw new SoundFileException(path + ": closing failed (error " + rc + ")");
    }
}
