package org.taperoom.appliance.dsp.audiofile;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * libsndfile (Debian {@code libsndfile1}, sndfile.h) mapped one to one with JNA direct mapping.
 * {@code sf_count_t} is a 64-bit integer ({@code long}); {@code SNDFILE*} is an opaque
 * {@link Pointer}. Use {@link SoundFileReader} and {@link SoundFileWriter}, not this.
 */
public final class Sndfile {
    private Sndfile() {}

    static {
        Native.register(Sndfile.class, "sndfile");
    }

    public static final int SFM_READ = 0x10;
    public static final int SFM_WRITE = 0x20;

    // major formats
    public static final int SF_FORMAT_WAV = 0x010000;
    public static final int SF_FORMAT_FLAC = 0x170000;
    public static final int SF_FORMAT_OGG = 0x200000;
    public static final int SF_FORMAT_RF64 = 0x220000;
    public static final int SF_FORMAT_MPEG = 0x230000;
    // subtypes
    public static final int SF_FORMAT_PCM_16 = 0x0002;
    public static final int SF_FORMAT_PCM_24 = 0x0003;
    public static final int SF_FORMAT_PCM_32 = 0x0004;
    public static final int SF_FORMAT_FLOAT = 0x0006;
    public static final int SF_FORMAT_VORBIS = 0x0060;
    public static final int SF_FORMAT_OPUS = 0x0064;
    public static final int SF_FORMAT_MPEG_LAYER_III = 0x0082;
    public static final int SF_FORMAT_SUBMASK = 0x0000FFFF;
    public static final int SF_FORMAT_TYPEMASK = 0x0FFF0000;

    // string types for sf_set_string / sf_get_string
    public static final int SF_STR_TITLE = 0x01;
    public static final int SF_STR_COPYRIGHT = 0x02;
    public static final int SF_STR_SOFTWARE = 0x03;
    public static final int SF_STR_ARTIST = 0x04;
    public static final int SF_STR_COMMENT = 0x05;
    public static final int SF_STR_DATE = 0x06;
    public static final int SF_STR_ALBUM = 0x07;

    // sf_command
    public static final int SFC_SET_COMPRESSION_LEVEL = 0x1301;
    public static final int SFC_GET_BITRATE_MODE = 0x1304;
    public static final int SFC_SET_BITRATE_MODE = 0x1305;
    public static final int SF_BITRATE_MODE_CONSTANT = 0;
    public static final int SF_BITRATE_MODE_VARIABLE = 2;

    /** {@code SF_INFO}: frames is sf_count_t (int64), the rest C ints. */
    @Structure.FieldOrder({"frames", "samplerate", "channels", "format", "sections", "seekable"})
    public static class SF_INFO extends Structure {
        public long frames;
        public int samplerate;
        public int channels;
        public int format;
        public int sections;
        public int seekable;
    }

    /** {@code SNDFILE* sf_open(const char* path, int mode, SF_INFO* sfinfo)}; NULL on failure. */
    public static native Pointer sf_open(String path, int mode, SF_INFO sfinfo);

    public static native int sf_close(Pointer sndfile);

    /** {@code const char* sf_strerror(SNDFILE*)}; with NULL, the error of the last failed sf_open. */
    public static native String sf_strerror(Pointer sndfile);

    public static native int sf_error(Pointer sndfile);

    public static native long sf_readf_float(Pointer sndfile, float[] ptr, long frames);

    /** {@code sf_count_t sf_seek(SNDFILE*, sf_count_t frames, int whence)}; -1 on failure. */
    public static native long sf_seek(Pointer sndfile, long frames, int whence);

    public static final int SEEK_SET = 0;

    public static native long sf_writef_float(Pointer sndfile, float[] ptr, long frames);

    public static native long sf_writef_int(Pointer sndfile, int[] ptr, long frames);

    public static native int sf_set_string(Pointer sndfile, int str_type, String str);

    public static native String sf_get_string(Pointer sndfile, int str_type);

    /** {@code int sf_command(SNDFILE*, int command, void* data, int datasize)} for commands taking a double. */
    public static native int sf_command(Pointer sndfile, int command, double[] data, int datasize);

    /** The same for commands taking an int. */
    public static native int sf_command(Pointer sndfile, int command, int[] data, int datasize);

    public static native int sf_format_check(SF_INFO info);

    public static native String sf_version_string();
}
