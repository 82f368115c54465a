package org.taperoom.appliance.dsp.loudness;

/**
 * Momentary (400 ms) and short-term (3 s) loudness, computed the BS.1770-4 way: K-weighting
 * (the pre-filter shelf and the RLB high-pass, designed for the actual sample rate from their
 * analogue prototypes), mean square per 100 ms block, channel weights (surrounds 1.41, LFE 0),
 * windows of 4 and 30 blocks. libebur128 answers the same questions by re-summing its stored 3 s
 * of filtered audio on every query, which at the meters' 10 Hz costs as much as the rest of its
 * work; {@code LoudnessMeterTest} holds the two to 0.01 LU of each other at every hop and
 * measures the difference in cost.
 *
 * <p>The blocks are kept in 10 ms parts (where the rate is a multiple of 100 Hz), and the maxima
 * are taken at every part, not only at the 100 ms hops: a 400 ms tone burst that starts between
 * two hops fills no hop's momentary window, and its maximum would read up to 0.6 LU low (EBU Tech
 * 3341 case 13 shifts such a burst in 20 ms steps and allows 0.1 LU).
 *
 * <p>Not thread-safe: owned by its {@link LoudnessMeter}.
 */
final class KWeightedWindows {
    private final int momentaryParts;
    private final int shortTermParts;
    /** Parts per 100 ms hop: 10, or 1 at rates that are not a multiple of 100 Hz. */
    private final int partsPerHop;
    private final int channels;
    private final double[] weights;
    private final double[] coef = new double[10];
    /** Per channel: pre-filter z1, z2, then RLB z1, z2. */
    private final double[] state;
    private final double[] blockSum;
    /** Weighted mean square of each of the last {@link #shortTermParts} parts, a ring indexed by partsDone. */
    private final double[] parts;
    private final int partFrames;
    private int framesInPart;
    private long partsDone;
    private double momentaryMax = Double.NEGATIVE_INFINITY;
    private double shortTermMax = Double.NEGATIVE_INFINITY;

    KWeightedWindows(ChannelLayout layout, int rateHz) {
        channels = layout.channels();
        weights = new double[channels];
        for (int c = 0; c < channels; c++) {
            int role = layout.ebur128Channel(c);
            weights[c] = role == Ebur128.EBUR128_UNUSED ? 0
                    : role == Ebur128.EBUR128_LEFT_SURROUND || role == Ebur128.EBUR128_RIGHT_SURROUND ? 1.41 : 1.0;
        }
        state = new double[4 * channels];
        blockSum = new double[channels];
        partsPerHop = rateHz % 100 == 0 ? 10 : 1;
        partFrames = rateHz / 10 / partsPerHop;
        momentaryParts = 4 * partsPerHop;
        shortTermParts = 30 * partsPerHop;
        parts = new double[shortTermParts];
        // Pre-filter: high shelf, +4 dB above ~1.7 kHz (BS.1770-4 table 1 at 48 kHz, by bilinear transform with prewarping).
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rateHz);
        double vh = Math.pow(10, gainDb / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        coef[0] = (vh + vb * k / q + k * k) / a0;
        coef[1] = 2 * (k * k - vh) / a0;
        coef[2] = (vh - vb * k / q + k * k) / a0;
        coef[3] = 2 * (k * k - 1) / a0;
        coef[4] = (1 - k / q + k * k) / a0;
        // RLB weighting: second-order high-pass near 38 Hz (numerator 1, -2, 1).
        f0 = 38.13547087602444;
        q = 0.5003270373238773;
        k = Math.tan(Math.PI * f0 / rateHz);
        a0 = 1 + k / q + k * k;
        coef[8] = 2 * (k * k - 1) / a0;
        coef[9] = (1 - k / q + k * k) / a0;
    }

    /** Frames until the current part is complete. */
    int framesToBlockEnd() {
        return partFrames - framesInPart;
    }

    /** Adds interleaved frames that do not cross a part boundary; returns true when a 100 ms hop completed. */
    boolean add(float[] interleaved, int offsetFrames, int count) {
        final double b0 = coef[0];
        final double b1 = coef[1];
        final double b2 = coef[2];
        final double a1 = coef[3];
        final double a2 = coef[4];
        final double r1c = coef[8];
        final double r2c = coef[9];
        for (int c = 0; c < channels; c++) {
            if (weights[c] == 0) continue;
            int s = 4 * c;
            double p1 = state[s];
            double p2 = state[s + 1];
            double r1 = state[s + 2];
            double r2 = state[s + 3];
            double sum = 0;
            for (int i = 0, idx = offsetFrames * channels + c; i < count; i++, idx += channels) {
                double x = interleaved[idx];
                double y = b0 * x + p1;
                p1 = b1 * x - a1 * y + p2;
                p2 = b2 * x - a2 * y;
                double w = y + r1;
                r1 = -2 * y - r1c * w + r2;
                r2 = y - r2c * w;
                sum += w * w;
            }
            state[s] = Math.abs(p1) < 1e-30 ? 0 : p1;
            state[s + 1] = Math.abs(p2) < 1e-30 ? 0 : p2;
            state[s + 2] = Math.abs(r1) < 1e-30 ? 0 : r1;
            state[s + 3] = Math.abs(r2) < 1e-30 ? 0 : r2;
            blockSum[c] += sum;
        }
        framesInPart += count;
        if (framesInPart < partFrames) return false;
        double energy = 0;
        for (int c = 0; c < channels; c++) {
            energy += weights[c] * blockSum[c] / partFrames;
            blockSum[c] = 0;
        }
        parts[(int) (partsDone % shortTermParts)] = energy;
        partsDone++;
        framesInPart = 0;
        momentaryMax = Math.max(momentaryMax, momentaryLufs());
        shortTermMax = Math.max(shortTermMax, shortTermLufs());
        return partsDone % partsPerHop == 0;
    }

    /** Loudness of the last 400 ms in LUFS, or -infinity before 400 ms have passed. */
    double momentaryLufs() {
        return window(momentaryParts);
    }

    /** Loudness of the last 3 s in LUFS, or -infinity before 3 s have passed. */
    double shortTermLufs() {
        return window(shortTermParts);
    }

    /** The highest momentary loudness at any part boundary so far (10 ms resolution), or -infinity. */
    double momentaryMaxLufs() {
        return momentaryMax;
    }

    /** The highest short-term loudness at any part boundary so far, or -infinity. */
    double shortTermMaxLufs() {
        return shortTermMax;
    }

    private double window(int n) {
        if (partsDone < n) return Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 1; i <= n; i++) sum += parts[(int) ((partsDone - i) % shortTermParts)];
        return sum > 0 ? -0.691 + 10 * Math.log10(sum / n) : Double.NEGATIVE_INFINITY;
    }
}
