package org.taperoom.drivers.alsa;

import com.sun.jna.Pointer;
import java.nio.ByteOrder;
import org.taperoom.drivers.audio.SampleFormat;

/**
 * Converts interleaved samples between a device buffer in native memory and the engine's
 * left-justified S32 ints (see {@link SampleFormat}), in place of the period, without allocating:
 * the scratch arrays are sized for one period when the stream opens.
 *
 * <p>Owned by one stream's thread (the capture or playback thread); not thread-safe. Assumes a
 * little-endian host (every Pi and x86-64), checked when a codec is made.
 */
final class FrameCodec {
    private static final double FLOAT_SCALE = 2147483648.0;

    private final SampleFormat format;
    /** Scratch for one period in the device's word size; only the one the format needs is allocated. */
    private final byte[] bytes;
    private final short[] shorts;
    private final float[] floats;
    private final int[] ints;
    /** Floats rounded to S32 on their way to an integer device; playback of floats only. */
    private final int[] words;

    FrameCodec(SampleFormat format, int samplesPerPeriod) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("Taperoom's ALSA driver expects a little-endian machine");
        }
        this.format = format;
        this.bytes = format == SampleFormat.S24_3LE ? new byte[samplesPerPeriod * 3] : null;
        this.shorts = format == SampleFormat.S16_LE ? new short[samplesPerPeriod] : null;
        this.floats = format == SampleFormat.FLOAT_LE ? new float[samplesPerPeriod] : null;
        this.ints = format == SampleFormat.S24_LE ? new int[samplesPerPeriod] : null;
        this.words = format == SampleFormat.FLOAT_LE ? null : new int[samplesPerPeriod];
    }

    SampleFormat format() {
        return format;
    }

    /** Device buffer → {@code dest[0 .. samples)}, left-justified S32. */
    void decode(Pointer src, int[] dest, int samples) {
        switch (format) {
            case S32_LE -> src.read(0, dest, 0, samples);
            case S24_LE -> {
                src.read(0, dest, 0, samples);
                // The sample sits in the low 3 bytes; shifting drops the (unspecified) top byte.
                for (int i = 0; i < samples; i++) dest[i] <<= 8;
            }
            case S16_LE -> {
                src.read(0, shorts, 0, samples);
                for (int i = 0; i < samples; i++) dest[i] = shorts[i] << 16;
            }
            case S24_3LE -> {
                src.read(0, bytes, 0, samples * 3);
                for (int i = 0, b = 0; i < samples; i++, b += 3) {
                    dest[i] = (bytes[b] & 0xff) << 8 | (bytes[b + 1] & 0xff) << 16 | bytes[b + 2] << 24;
                }
            }
            case FLOAT_LE -> {
                src.read(0, floats, 0, samples);
                // A double-to-int cast saturates, which is the clamp we want for |f| >= 1.
                for (int i = 0; i < samples; i++) dest[i] = (int) Math.rint(floats[i] * FLOAT_SCALE);
            }
        }
    }

    /** {@code src[0 .. samples)}, left-justified S32 → device buffer (truncating to the device's word). */
    void encode(int[] src, Pointer dest, int samples) {
        switch (format) {
            case S32_LE -> dest.write(0, src, 0, samples);
            case S24_LE -> {
                for (int i = 0; i < samples; i++) ints[i] = src[i] >> 8;
                dest.write(0, ints, 0, samples);
            }
            case S16_LE -> {
                for (int i = 0; i < samples; i++) shorts[i] = (short) (src[i] >> 16);
                dest.write(0, shorts, 0, samples);
            }
            case S24_3LE -> {
                for (int i = 0, b = 0; i < samples; i++, b += 3) {
                    int v = src[i];
                    bytes[b] = (byte) (v >> 8);
                    bytes[b + 1] = (byte) (v >> 16);
                    bytes[b + 2] = (byte) (v >> 24);
                }
                dest.write(0, bytes, 0, samples * 3);
            }
            case FLOAT_LE -> {
                for (int i = 0; i < samples; i++) floats[i] = (float) (src[i] / FLOAT_SCALE);
                dest.write(0, floats, 0, samples);
            }
        }
    }

    /**
     * {@code src[0 .. samples)}, floats with full scale at 1.0 → device buffer: unchanged on a
     * float device, else rounded to S32 (a double-to-int cast saturates: the clamp) and then
     * truncated to the device's word as {@link #encode(int[], Pointer, int)} does.
     */
    void encode(float[] src, Pointer dest, int samples) {
        if (format == SampleFormat.FLOAT_LE) {
            dest.write(0, src, 0, samples);
            return;
        }
        for (int i = 0; i < samples; i++) words[i] = (int) Math.rint(src[i] * FLOAT_SCALE);
        encode(words, dest, samples);
    }
}
