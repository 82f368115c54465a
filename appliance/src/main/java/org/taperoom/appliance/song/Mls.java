package org.taperoom.appliance.song;

/**
 * A maximum length sequence: the ±1 output of a maximal linear-feedback shift register, 2^n - 1
 * samples long. Chosen as the calibration signal because its autocorrelation is one sharp peak
 * (N at lag 0, -1 at every other lag): the cross-correlation with what came back finds the delay
 * to the sample with no interpolation, and its energy is spread evenly over time and frequency,
 * so it is measured well at a modest level (no impulse to clip a converter, no sweep to smear in
 * a resampler). Deterministic.
 */
final class Mls {
    private Mls() {}

    /**
     * Toggle masks of maximal right-shifting Galois LFSRs, orders 10 to 16 (from the standard
     * tables; order 12 is x^12 + x^11 + x^10 + x^4 + 1). The test checks each is maximal.
     */
    private static int mask(int order) {
        return switch (order) {
            case 10 -> 0x240;
            case 11 -> 0x500;
            case 12 -> 0xE08;
            case 13 -> 0x1C80;
            case 14 -> 0x3802;
            case 15 -> 0x6000;
            case 16 -> 0xB400;
            default -> throw new IllegalArgumentException("MLS order 10 to 16, not " + order);
        };
    }

    /** The sequence of order {@code order}, as +1/-1: the register's low bit at each step. */
    static byte[] sequence(int order) {
        int n = (1 << order) - 1;
        int mask = mask(order);
        int state = 1;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int bit = state & 1;
            out[i] = (byte) (bit == 1 ? 1 : -1);
            state >>>= 1;
            if (bit == 1) state ^= mask;
        }
        return out;
    }
}
