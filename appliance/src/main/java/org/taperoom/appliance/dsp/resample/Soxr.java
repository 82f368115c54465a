package org.taperoom.appliance.dsp.resample;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import org.taperoom.appliance.dsp.loudness.Ebur128.SizeT;

/**
 * libsoxr (Debian {@code libsoxr0}, soxr.h) mapped one to one with JNA direct mapping. C names and
 * C types: {@code unsigned long} is {@link NativeLong}, {@code size_t} is {@link SizeT},
 * {@code size_t*} out-parameters are {@link Pointer}s to {@code size_t}-wide native memory,
 * {@code soxr_error_t} is a C string (NULL on success). Use {@link Resampler}, not this.
 */
public final class Soxr {
    private Soxr() {}

    static {
        Native.register(Soxr.class, "soxr");
    }

    // quality recipes (soxr.h)
    public static final int SOXR_QQ = 0;
    public static final int SOXR_LQ = 1;
    public static final int SOXR_MQ = 2;
    public static final int SOXR_HQ = 4;
    public static final int SOXR_VHQ = 6;
    // phase response, or'ed into the recipe
    public static final int SOXR_LINEAR_PHASE = 0x00;

    /** {@code soxr_quality_spec_t}, returned by value from {@link #soxr_quality_spec}. */
    @Structure.FieldOrder({"precision", "phase_response", "passband_end", "stopband_begin", "e", "flags"})
    public static class soxr_quality_spec_t extends Structure {
        public double precision;
        public double phase_response;
        public double passband_end;
        public double stopband_begin;
        public Pointer e;
        public NativeLong flags;

        public static class ByValue extends soxr_quality_spec_t implements Structure.ByValue {}
    }

    /** {@code soxr_quality_spec_t soxr_quality_spec(unsigned long recipe, unsigned long flags)}. */
    public static native soxr_quality_spec_t.ByValue soxr_quality_spec(NativeLong recipe, NativeLong flags);

    /**
     * {@code soxr_t soxr_create(double input_rate, double output_rate, unsigned num_channels,
     * soxr_error_t* error, soxr_io_spec_t const*, soxr_quality_spec_t const*, soxr_runtime_spec_t const*)};
     * NULL io spec means interleaved 32-bit float in and out; NULL runtime spec, one thread.
     *
     * @param error pointer-sized native memory that receives the error string's address, or NULL
     */
    public static native Pointer soxr_create(double input_rate, double output_rate, int num_channels, Pointer error,
                                             Pointer io_spec, soxr_quality_spec_t quality_spec, Pointer runtime_spec);

    /**
     * {@code soxr_error_t soxr_process(soxr_t, soxr_in_t in, size_t ilen, size_t* idone, soxr_out_t out,
     * size_t olen, size_t* odone)}: lengths in frames; {@code in} NULL flushes the filter's tail.
     */
    public static native String soxr_process(Pointer resampler, Pointer in, SizeT ilen, Pointer idone, Pointer out, SizeT olen,
                                             Pointer odone);

    /** {@code double soxr_delay(soxr_t)}: output frames still held in the filter. */
    public static native double soxr_delay(Pointer resampler);

    public static native void soxr_delete(Pointer resampler);

    public static native String soxr_version();
}
