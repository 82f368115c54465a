package org.taperoom.appliance.dsp.loudness;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * libebur128 (Debian {@code libebur128-1}, ebur128.h) mapped one to one with JNA direct mapping.
 * C names and C types: {@code unsigned long} is {@link NativeLong}, {@code size_t} is {@link SizeT},
 * {@code double*} out-parameters are one-element arrays. Use {@link LoudnessMeter}, not this.
 */
public final class Ebur128 {
    private Ebur128() {}

    static {
        Native.register(Ebur128.class, "ebur128");
    }

    // enum mode (ebur128.h)
    public static final int EBUR128_MODE_M = 1;
    public static final int EBUR128_MODE_S = (1 << 1) | EBUR128_MODE_M;
    public static final int EBUR128_MODE_I = (1 << 2) | EBUR128_MODE_M;
    public static final int EBUR128_MODE_LRA = (1 << 3) | EBUR128_MODE_S;
    public static final int EBUR128_MODE_SAMPLE_PEAK = (1 << 4) | EBUR128_MODE_M;
    public static final int EBUR128_MODE_TRUE_PEAK = (1 << 5) | EBUR128_MODE_M | EBUR128_MODE_SAMPLE_PEAK;
    public static final int EBUR128_MODE_HISTOGRAM = 1 << 6;

    // enum channel
    public static final int EBUR128_UNUSED = 0;
    public static final int EBUR128_LEFT = 1;
    public static final int EBUR128_RIGHT = 2;
    public static final int EBUR128_CENTER = 3;
    public static final int EBUR128_LEFT_SURROUND = 4;
    public static final int EBUR128_RIGHT_SURROUND = 5;
    public static final int EBUR128_DUAL_MONO = 6;

    // enum error
    public static final int EBUR128_SUCCESS = 0;
    public static final int EBUR128_ERROR_NOMEM = 1;
    public static final int EBUR128_ERROR_INVALID_MODE = 2;
    public static final int EBUR128_ERROR_INVALID_CHANNEL_INDEX = 3;
    public static final int EBUR128_ERROR_NO_CHANGE = 4;

    /** C {@code size_t}. */
    public static final class SizeT extends IntegerType {
        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** {@code ebur128_state* ebur128_init(unsigned int channels, unsigned long samplerate, int mode)}; NULL on failure. */
    public static native Pointer ebur128_init(int channels, NativeLong samplerate, int mode);

    /** {@code void ebur128_destroy(ebur128_state** st)}: frees *st and sets it to NULL. */
    public static native void ebur128_destroy(Pointer st);

    public static native int ebur128_set_channel(Pointer st, int channel_number, int value);

    /** {@code int ebur128_add_frames_float(ebur128_state* st, const float* src, size_t frames)}: interleaved. */
    public static native int ebur128_add_frames_float(Pointer st, float[] src, SizeT frames);

    public static native int ebur128_add_frames_double(Pointer st, double[] src, SizeT frames);

    public static native int ebur128_loudness_global(Pointer st, double[] out);

    public static native int ebur128_loudness_momentary(Pointer st, double[] out);

    public static native int ebur128_loudness_shortterm(Pointer st, double[] out);

    public static native int ebur128_loudness_range(Pointer st, double[] out);

    public static native int ebur128_sample_peak(Pointer st, int channel_number, double[] out);

    public static native int ebur128_true_peak(Pointer st, int channel_number, double[] out);
}
