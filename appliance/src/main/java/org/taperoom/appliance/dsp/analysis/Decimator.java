package org.taperoom.appliance.dsp.analysis;

import java.util.Arrays;

/**
 * A streaming windowed-sinc low-pass and integer decimator: feed blocks of mono samples, take the
 * decimated signal at the end. It keeps only the filter's span of input, so a long take is never
 * held in memory at its full rate. The cut-off is 0.45 of the new Nyquist frequency.
 */
final class Decimator {
    private static final int HALF_TAPS = 24;

    private final int factor;
    private final double[] taps;
    /** Input samples from absolute index {@code base}, {@code length} of them. */
    private float[] input = new float[8192];
    private int length;
    private long base;
    private long total;
    private long nextOut;
    private float[] output = new float[8192];

    Decimator(int factor) {
        this.factor = factor;
        double cutoff = 0.45 / factor;
        taps = new double[2 * HALF_TAPS + 1];
        double sum = 0;
        for (int i = -HALF_TAPS; i <= HALF_TAPS; i++) {
            double x = 2 * cutoff * i;
            double sinc = i == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double w = 0.42 + 0.5 * Math.cos(Math.PI * i / (HALF_TAPS + 1)) + 0.08 * Math.cos(2 * Math.PI * i / (HALF_TAPS + 1));
            taps[i + HALF_TAPS] = 2 * cutoff * sinc * w;
            sum += taps[i + HALF_TAPS];
        }
        for (int i = 0; i < taps.length; i++) taps[i] /= sum;
    }

    /** Adds {@code count} samples from {@code samples[from …]}. */
    void add(float[] samples, int from, int count) {
        if (length + count > input.length) input = Arrays.copyOf(input, Math.max(input.length * 2, length + count));
        System.arraycopy(samples, from, input, length, count);
        length += count;
        total += count;
        // Every output whose whole span has arrived.
        while (nextOut * factor + HALF_TAPS < base + length) emit();
        long keepFrom = nextOut * factor - HALF_TAPS;
        int drop = (int) Math.max(0, Math.min(length, keepFrom - base));
        if (drop > 0) {
            System.arraycopy(input, drop, input, 0, length - drop);
            length -= drop;
            base += drop;
        }
    }

    /** The decimated signal: {@code floor(samples added / factor)} samples, zeros assumed beyond the ends. */
    float[] finish() {
        while (nextOut < total / factor) emit();
        return Arrays.copyOf(output, (int) nextOut);
    }

    private void emit() {
        long centre = nextOut * factor;
        double acc = 0;
        for (int t = 0; t < taps.length; t++) {
            long i = centre - HALF_TAPS + t - base;
            if (i >= 0 && i < length) acc += taps[t] * input[(int) i];
        }
        if (nextOut >= output.length) output = Arrays.copyOf(output, output.length * 2);
        output[(int) nextOut++] = (float) acc;
    }
}
