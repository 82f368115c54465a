package org.taperoom.appliance.dsp.master;

/**
 * Quantises float samples to a shorter word with TPDF dither (two uniform variables, +-1 LSB
 * peak), from a seeded generator so the same render gives the same bytes. Output samples are
 * left-justified 32-bit integers (the top {@code bits} bits carry the word).
 *
 * <p>Not thread-safe: one instance per output file.
 */
public final class Dither {
    private final int bits;
    private final double scale;
    private final long max;
    private final long min;
    private long state;

    public Dither(int bits, long seed) {
        if (bits < 8 || bits > 24) throw new IllegalArgumentException("dither to 8..24 bits, not " + bits);
        this.bits = bits;
        this.scale = 1L << (bits - 1);
        this.max = (1L << (bits - 1)) - 1;
        this.min = -(1L << (bits - 1));
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    private double uniform() {
        // xorshift64*: fast, good enough for dither, reproducible from the seed.
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return ((state * 0x2545F4914F6CDD1DL) >>> 11) * 0x1.0p-53;
    }

    public void quantise(float[] in, int[] out, int samples) {
        int shift = 32 - bits;
        for (int i = 0; i < samples; i++) {
            double x = in[i] * scale + (uniform() - uniform());
            long q = Math.round(x);
            if (q > max) q = max;
            else if (q < min) q = min;
            out[i] = (int) (q << shift);
        }
    }
}
