package org.taperoom.appliance.dsp.analysis;

/**
 * A radix-2 FFT of real frames, returning magnitudes. Sizes are powers of two; tables are built
 * once per instance. Not thread-safe: one instance per thread (it keeps its work arrays).
 *
 * <p>Written here rather than taken from a library: the analysis needs only power-of-two
 * magnitude spectra of at most a few thousand points, and this is sixty lines tested against
 * a direct DFT ({@code RealFftTest}).
 */
final class RealFft {
    private final int size;
    private final int half;
    private final double[] cos;
    private final double[] sin;
    private final int[] bitReverse;
    private final double[] re;
    private final double[] im;

    RealFft(int size) {
        if (Integer.bitCount(size) != 1 || size < 4) throw new IllegalArgumentException("FFT size must be a power of two >= 4: " + size);
        this.size = size;
        this.half = size / 2;
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / size);
            sin[i] = -Math.sin(2 * Math.PI * i / size);
        }
        int bits = Integer.numberOfTrailingZeros(half);
        bitReverse = new int[half];
        for (int i = 0; i < half; i++) bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        re = new double[half];
        im = new double[half];
    }

    int size() {
        return size;
    }

    /**
     * Magnitudes |X[k]| for k = 0 … size/2 of {@code frame} (length {@code size}) into
     * {@code magnitudes} (length size/2 + 1).
     */
    void magnitudes(double[] frame, double[] magnitudes) {
        // Pack the real frame as a complex one of half the length (even samples real, odd imaginary).
        for (int i = 0; i < half; i++) {
            int j = bitReverse[i];
            re[j] = frame[2 * i];
            im[j] = frame[2 * i + 1];
        }
        for (int len = 2; len <= half; len <<= 1) {
            int step = size / len; // twiddle stride in the size-N table
            int h = len >> 1;
            for (int start = 0; start < half; start += len) {
                for (int k = 0; k < h; k++) {
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    int a = start + k;
                    int b = a + h;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
        // Untangle: X[k] = E[k] + W^k O[k], with E and O from Z[k] and conj(Z[half-k]).
        magnitudes[0] = Math.abs(re[0] + im[0]);
        magnitudes[half] = Math.abs(re[0] - im[0]);
        for (int k = 1; k < half; k++) {
            double zr = re[k], zi = im[k];
            double cr = re[half - k], ci = -im[half - k];
            double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
            double or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
            double wr = cos[k], wi = sin[k];
            double xr = er + wr * or - wi * oi;
            double xi = ei + wr * oi + wi * or;
            magnitudes[k] = Math.sqrt(xr * xr + xi * xi);
        }
    }
}
