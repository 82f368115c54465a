package org.taperoom.appliance.dsp.master;

import java.nio.FloatBuffer;

/**
 * Look-ahead true-peak brick-wall limiter over a whole program held in buffers (offline): on the
 * heap or mapped from a file, read by absolute index, never moved. The gain is
 * {@link LimiterGain}'s (its contract is there), shared with the playback engine's
 * {@link StreamLimiter}.
 *
 * <p>Not thread-safe; one instance per pass.
 */
public final class Limiter {
    private final FloatBuffer left;
    private final FloatBuffer right;
    private final FloatBuffer truePeak;
    private final int frames;
    private final LimiterGain gain;
    /** The next window end pushed to the gain computer. */
    private int t;
    private int next;
    private double minGain = 1;

    /**
     * @param truePeak   per-frame true peak of the input (see {@link TruePeakEnvelope})
     * @param inputGain  static gain applied before limiting (loudness normalisation), linear
     * @param ceiling    linear ceiling for the output's true peak
     */
    public Limiter(FloatBuffer left, FloatBuffer right, FloatBuffer truePeak, int frames, double inputGain, double ceiling,
                   int lookaheadFrames, double releaseFrames) {
        this.left = left;
        this.right = right;
        this.truePeak = truePeak;
        this.frames = frames;
        this.gain = new LimiterGain(inputGain, ceiling, lookaheadFrames, releaseFrames);
        // Prime: window ends 0 .. L-2, so the first output frame sees its whole look-ahead.
        for (int i = 0; i < gain.lookahead() - 1; i++) advance();
    }

    private double allowed(int d) {
        if (d < 0 || d >= frames) return 1;
        return gain.allowed(truePeak.get(d), d > 0 ? truePeak.get(d - 1) : 0);
    }

    private void advance() {
        gain.push(allowed(t));
        t++;
    }

    /**
     * Limits the next {@code count} frames into interleaved stereo {@code out} (including the
     * input gain). Returns the frames written; 0 at the end.
     */
    public int process(float[] out, int count) {
        int n = Math.min(count, frames - next);
        for (int i = 0; i < n; i++) {
            advance();
            double here = allowed(next);
            double g = gain.reduction(here);
            if (g < minGain) minGain = g;
            double k = g * gain.inputGain();
            out[2 * i] = (float) (left.get(next) * k);
            out[2 * i + 1] = (float) (right.get(next) * k);
            next++;
        }
        return n;
    }

    /** The deepest gain reduction so far, dB (<= 0). */
    public double maxReductionDb() {
        return 20 * Math.log10(minGain);
    }
}
