package org.taperoom.appliance.wav;

import java.nio.ByteBuffer;
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

    /** Spare bytes {@link #encode} needs past the encoded samples in its buffer (24-bit packing stores 4 bytes per 3). */
    public static final int ENCODE_SLACK_BYTES = 1;

    /**
     * Writes {@code frames} samples of a lane, starting at ring position {@code from}, into
     * {@code dest} (little-endian order) from index 0, and sets its position to 0 and its limit
     * to the bytes written. {@code dest} needs {@link #ENCODE_SLACK_BYTES} beyond those. Integer
     * formats round the left-justified S32 sample to their resolution ({@link #round}: exact for
     * sources of that resolution or less); float is {@code s / 2^31}, exact for sources of 24 bits or fewer.
     */
    public void encode(int[] lane, int mask, long from, int frames, ByteBuffer dest) {
        // The lane's slots are [start, start + firstRun) then, after the wrap, [0, frames - firstRun).
        dest.clear();
        int start = (int) (from & mask);
        int firstRun = Math.min(frames, mask + 1 - start);
        int end = encodeRun(lane, start, firstRun, dest, 0);
        end = encodeRun(lane, 0, frames - firstRun, dest, end);
        dest.limit(end).position(0);
    }

    /**
     * The left-justified sample {@code s} to its top {@code 32 - dropBits} bits, rounded to the
     * nearest step (halves up) and held at full scale: exact when the source has no more bits than
     * the file, no half-step DC offset when it has (truncation's), and no added noise (dither is a
     * mastering step; the files are the raw material).
     */
    static int round(int s, int dropBits) {
        int half = 1 << (dropBits - 1);
        return s > Integer.MAX_VALUE - half ? Integer.MAX_VALUE >> dropBits : (s + half) >> dropBits;
    }

    private int encodeRun(int[] lane, int laneStart, int frames, ByteBuffer dest, int destIndex) {
        int o = destIndex;
        int laneEnd = laneStart + frames;
        switch (this) {
            case PCM16 -> {
                for (int j = laneStart; j < laneEnd; j++, o += 2) dest.putShort(o, (short) round(lane[j], 16));
            }
            case PCM24 -> {
                // One 4-byte store per sample, 3 bytes apart: each store's top byte is overwritten by
                // the next sample (the last one lands in the slack byte).
                for (int j = laneStart; j < laneEnd; j++, o += 3) dest.putInt(o, round(lane[j], 8));
            }
            case FLOAT32 -> {
                for (int j = laneStart; j < laneEnd; j++, o += 4) dest.putFloat(o, lane[j] * 0x1.0p-31f);
            }
        }
        return o;
    }
}
