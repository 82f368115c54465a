package org.taperoom.appliance.writer;

import org.taperoom.drivers.audio.SampleFormat;

/** The word format of the track files, as the {@code bits} setting names it. */
public enum WordFormat {
    PCM16("16", 2, 1, 16),
    PCM24("24", 3, 1, 24),
    FLOAT32("32f", 4, 3, 32);

    /** The setting's value: "16", "24" or "32f". */
    public final String bits;
    public final int bytesPerSample;
    /** WAVE format tag: 1 integer PCM, 3 IEEE float. */
    public final int formatTag;
    public final int bitsPerSample;

    WordFormat(String bits, int bytesPerSample, int formatTag, int bitsPerSample) {
        this.bits = bits;
        this.bytesPerSample = bytesPerSample;
        this.formatTag = formatTag;
        this.bitsPerSample = bitsPerSample;
    }

    public static WordFormat ofBits(String bits) {
        for (WordFormat f : values()) if (f.bits.equalsIgnoreCase(bits)) return f;
        throw new IllegalArgumentException("bits must be 16, 24 or 32f, not " + bits);
    }

    /** The device format that delivers this resolution without conversion loss. */
    public SampleFormat deviceFormat() {
        return switch (this) {
            case PCM16 -> SampleFormat.S16_LE;
            case PCM24 -> SampleFormat.S24_3LE;
            case FLOAT32 -> SampleFormat.FLOAT_LE;
        };
    }

    /**
     * Writes {@code frames} samples of a lane, starting at ring position {@code from}, into
     * {@code dest} at {@code destOffset}, little-endian. Integer formats keep the top bits of the
     * left-justified S32 sample (truncation, which is exact for sources of that resolution);
     * float is {@code s / 2^31}, exact for sources of 24 bits or fewer.
     */
    public int encode(int[] lane, int mask, long from, int frames, byte[] dest, int destOffset) {
        int o = destOffset;
        switch (this) {
            case PCM16 -> {
                for (int f = 0; f < frames; f++) {
                    int s = lane[(int) ((from + f) & mask)];
                    dest[o++] = (byte) (s >>> 16);
                    dest[o++] = (byte) (s >>> 24);
                }
            }
            case PCM24 -> {
                for (int f = 0; f < frames; f++) {
                    int s = lane[(int) ((from + f) & mask)];
                    dest[o++] = (byte) (s >>> 8);
                    dest[o++] = (byte) (s >>> 16);
                    dest[o++] = (byte) (s >>> 24);
                }
            }
            case FLOAT32 -> {
                for (int f = 0; f < frames; f++) {
                    int bitsOf = Float.floatToRawIntBits(lane[(int) ((from + f) & mask)] * 0x1.0p-31f);
                    dest[o++] = (byte) bitsOf;
                    dest[o++] = (byte) (bitsOf >>> 8);
                    dest[o++] = (byte) (bitsOf >>> 16);
                    dest[o++] = (byte) (bitsOf >>> 24);
                }
            }
        }
        return o - destOffset;
    }
}
