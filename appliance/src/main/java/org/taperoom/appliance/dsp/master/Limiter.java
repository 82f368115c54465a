package org.taperoom.appliance.dsp.master;

import java.nio.FloatBuffer;

/**
 * Look-ahead true-peak brick-wall limiter over a whole program held in buffers (offline): on the
 * heap or mapped from a file, read by absolute index, never moved.
 *
 * <p>The gain a frame may have is r(d) = min(1, ceiling / (inputGain * truePeak around d)). The
 * applied gain is the mean, over the next {@code L} frames t, of the minimum of r over [t-L+1, t]
 * (each of those windows contains d, so the mean never exceeds r(d): the ceiling holds by
 * construction), with an exponential release on the minimum. The mean is a linear ramp of L
 * frames into every reduction: no click, no overshoot.
 *
 * <p>Not thread-safe; one instance per pass.
 */
public final class Limiter {
    private final FloatBuffer left;
    private final FloatBuffer right;
    private final FloatBuffer truePeak;
    private final int frames;
    private final int lookahead;
    private final double releaseCoef;
    private final double ceiling;
    private final double inputGain;
    /** Input true peak above which gain reduction is needed: ceiling / inputGain. */
    private final double peakLimit;
    private final int[] dequeIndex;
    private final double[] dequeValue;
    private final double[] minRing;
    private int head;
    private int tail;
    private int t;
    private int next;
    /** minRing slot of window end t (t mod lookahead, kept without division). */
    private int slot;
    private double released = 1;
    private double boxSum;
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
        this.inputGain = inputGain;
        this.ceiling = ceiling;
        this.lookahead = Math.max(1, lookaheadFrames);
        this.peakLimit = ceiling / inputGain;
        this.releaseCoef = 1 - Math.exp(-1 / Math.max(1, releaseFrames));
        dequeIndex = new int[lookahead + 1];
        dequeValue = new double[lookahead + 1];
        minRing = new double[lookahead];
        // Prime: windowed minima for t = -L+1 .. L-2 so the first output frame sees its whole look-ahead.
        for (int i = 0; i < lookahead; i++) minRing[i] = 1;
        boxSum = lookahead;
        t = 0;
        for (int i = 0; i < lookahead - 1; i++) advance();
    }

    private double allowed(int d) {
        if (d < 0 || d >= frames) return 1;
        double peak = truePeak.get(d);
        if (d > 0) peak = Math.max(peak, truePeak.get(d - 1));
        return peak > peakLimit ? ceiling / (peak * inputGain) : 1;
    }

    /** Pushes window end t: sliding minimum over [t-L+1, t], release, box sum over the last L minima. */
    private void advance() {
        double r = allowed(t);
        int cap = dequeIndex.length;
        // Ring-buffer deque without division: indices wrap by comparison.
        while (tail != head) {
            int last = tail == 0 ? cap - 1 : tail - 1;
            if (dequeValue[last] < r) break;
            tail = last;
        }
        dequeIndex[tail] = t;
        dequeValue[tail] = r;
        tail = tail + 1 == cap ? 0 : tail + 1;
        while (dequeIndex[head] <= t - lookahead) head = head + 1 == cap ? 0 : head + 1;
        double m = dequeValue[head];
        released = Math.min(m, released + (1 - released) * releaseCoef);
        boxSum += released - minRing[slot];
        minRing[slot] = released;
        slot = slot + 1 == lookahead ? 0 : slot + 1;
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
            double g = Math.min(boxSum / lookahead, allowed(next));
            if (g < minGain) minGain = g;
            double k = g * inputGain;
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
