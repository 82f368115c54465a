package org.taperoom.appliance.dsp.resample;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.taperoom.appliance.dsp.loudness.Ebur128.SizeT;

/**
 * A streaming sample-rate converter over libsoxr: interleaved float frames in, float frames at the
 * new rate out, linear phase. Feed blocks with {@link #process}, then {@link #flush} once for the
 * filter's tail; the output is as long as the input times the rate ratio, rounded.
 *
 * <p>Not thread-safe: one thread owns a resampler. The native {@code soxr_t} and the two block
 * buffers are owned by this object from the constructor to {@link #close()}.
 */
public final class Resampler implements AutoCloseable {
    /** soxr's quality recipes we offer. */
    public enum Quality {
        /** 20-bit precision, for previews. */
        HIGH(Soxr.SOXR_HQ),
        /** 28-bit precision, the one for masters: its noise and aliasing sit far below a 24-bit word. */
        VERY_HIGH(Soxr.SOXR_VHQ);

        final int recipe;

        Quality(int recipe) {
            this.recipe = recipe;
        }
    }

    private final int channels;
    private final int blockFrames;
    private final int outBlockFrames;
    private final Memory in;
    private final Memory out;
    private final Memory inDone = new Memory(Native.SIZE_T_SIZE);
    private final Memory outDone = new Memory(Native.SIZE_T_SIZE);
    private Pointer soxr;

    /**
     * @param blockFrames the most frames one {@link #process} call takes
     * @throws ResamplerException when libsoxr refuses the rates
     */
    public Resampler(double inputRate, double outputRate, int channels, Quality quality, int blockFrames) {
        this.channels = channels;
        this.blockFrames = blockFrames;
        Soxr.soxr_quality_spec_t spec = new Soxr.soxr_quality_spec_t();
        Soxr.soxr_quality_spec_t.ByValue given = Soxr.soxr_quality_spec(new NativeLong(quality.recipe | Soxr.SOXR_LINEAR_PHASE), new NativeLong(0));
        spec.precision = given.precision;
        spec.phase_response = given.phase_response;
        spec.passband_end = given.passband_end;
        spec.stopband_begin = given.stopband_begin;
        spec.e = given.e;
        spec.flags = given.flags;
        try (Memory error = new Memory(Native.POINTER_SIZE)) {
            error.setPointer(0, null);
            soxr = Soxr.soxr_create(inputRate, outputRate, channels, error, null, spec, null);
            Pointer message = error.getPointer(0);
            if (soxr == null || message != null) {
                String why = message != null ? message.getString(0) : "no resampler";
                if (soxr != null) Soxr.soxr_delete(soxr);
                throw new ResamplerException("soxr_create " + inputRate + " -> " + outputRate + " Hz: " + why);
            }
        }
        outBlockFrames = outputFrames(blockFrames, inputRate, outputRate) + 64;
        in = new Memory((long) blockFrames * channels * Float.BYTES);
        out = new Memory((long) outBlockFrames * channels * Float.BYTES);
    }

    /** Frames a whole signal of {@code inputFrames} becomes at the new rate. */
    public static int outputFrames(long inputFrames, double inputRate, double outputRate) {
        return (int) Math.round(inputFrames * outputRate / inputRate);
    }

    /** The precision in bits soxr gives a recipe (28 for VERY_HIGH). */
    public static double precisionBits(Quality quality) {
        return Soxr.soxr_quality_spec(new NativeLong(quality.recipe), new NativeLong(0)).precision;
    }

    public static String version() {
        return Soxr.soxr_version();
    }

    /** The largest output one call can return, in frames: size {@code into} for it. */
    public int maxOutputFrames() {
        return outBlockFrames;
    }

    /**
     * Converts {@code frames} (at most the block size) of {@code interleaved}; writes what the
     * filter releases to {@code into} and returns its frame count (less than the ratio says at
     * first: the filter's delay comes out in {@link #flush}).
     */
    public int process(float[] interleaved, int frames, float[] into) {
        if (frames > blockFrames) throw new IllegalArgumentException(frames + " frames > block of " + blockFrames);
        in.write(0, interleaved, 0, frames * channels);
        int produced = 0;
        int consumed = 0;
        // soxr may take part of the input when the output space runs short; offer the rest again.
        while (consumed < frames) {
            int got = call(in.share((long) consumed * channels * Float.BYTES), frames - consumed, into, produced);
            consumed += (int) sizeT(inDone);
            produced += got;
            if (got == 0 && sizeT(inDone) == 0) throw new ResamplerException("soxr_process made no progress");
        }
        return produced;
    }

    /** Drains the filter's tail after the last block; call until it returns 0. */
    public int flush(float[] into) {
        return call(null, 0, into, 0);
    }

    private int call(Pointer input, int frames, float[] into, int intoFrame) {
        int room = Math.min(outBlockFrames, into.length / channels - intoFrame);
        String error = Soxr.soxr_process(live(), input, new SizeT(frames), inDone, out, new SizeT(room), outDone);
        if (error != null) throw new ResamplerException("soxr_process: " + error);
        int got = (int) sizeT(outDone);
        out.read(0, into, intoFrame * channels, got * channels);
        return got;
    }

    private static long sizeT(Memory m) {
        return Native.SIZE_T_SIZE == 8 ? m.getLong(0) : m.getInt(0) & 0xFFFF_FFFFL;
    }

    private Pointer live() {
        if (soxr == null) throw new IllegalStateException("resampler closed");
        return soxr;
    }

    @Override
    public void close() {
        if (soxr == null) return;
        Soxr.soxr_delete(soxr);
        soxr = null;
        in.close();
        out.close();
        inDone.close();
        outDone.close();
    }
}
