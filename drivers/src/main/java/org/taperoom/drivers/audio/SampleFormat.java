package org.taperoom.drivers.audio;

/**
 * Sample formats a device can deliver or accept, named as ALSA names them.
 *
 * <p>Whatever the device format, the engine's internal representation is a left-justified signed
 * 32-bit integer per sample ("S32"): a 16-bit sample {@code s} becomes {@code s << 16}, a 24-bit
 * one {@code s << 8}, a float {@code f} becomes {@code round(f * 2^31)} clamped. This keeps 16-,
 * 24- and 32-bit sources bit-exact through the engine, which a float path would not for S32.
 */
public enum SampleFormat {
    S16_LE(2, 16),
    /** 24 bits packed in 3 bytes (what most USB class-compliant interfaces deliver). */
    S24_3LE(3, 24),
    /** 24 bits in the low 3 bytes of a 4-byte word. */
    S24_LE(4, 24),
    S32_LE(4, 32),
    FLOAT_LE(4, 32);

    /** Bytes one sample of one channel occupies in the device's buffer. */
    public final int bytesPerSample;
    /** Significant bits of a sample. */
    public final int significantBits;

    SampleFormat(int bytesPerSample, int significantBits) {
        this.bytesPerSample = bytesPerSample;
        this.significantBits = significantBits;
    }
}
