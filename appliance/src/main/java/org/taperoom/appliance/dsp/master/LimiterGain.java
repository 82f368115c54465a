package org.taperoom.appliance.dsp.master;

/**
 * The gain computer of the look-ahead true-peak limiter, fed one frame's allowed gain at a time,
 * so the offline {@link Limiter} (the whole programme in buffers) and the playback engine's
 * {@link StreamLimiter} (a stream, a period at a time) run the same arithmetic and give the same
 * bits.
 *
 * <p>The gain a frame may have is r(d) = min(1, ceiling / (inputGain * truePeak around d)) (see
 * {@link #allowed}). The applied gain is the mean, over the next {@code L} frames t, of the
 * minimum of r over [t-L+1, t] (each of those windows contains d, so the mean never exceeds r(d):
 * the ceiling holds by construction), with an exponential release on the minimum. The mean is a
 * linear ramp of L frames into every reduction: no click, no overshoot.
 *
 * <p>Not thread-safe; allocates only in the constructor.
 */
public final class LimiterGain {
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
    /** The next window end to push. */
    private int t;
    /** minRing slot of window end t (t mod lookahead, kept without division). */
    private int slot;
    private double released;
    private double boxSum;

    /**
     * @param inputGain static gain applied before limiting (loudness normalisation), linear
     * @param ceiling   linear ceiling for the output's true peak
     */
    public LimiterGain(double inputGain, double ceiling, int lookaheadFrames, double releaseFrames) {
        this.inputGain = inputGain;
        this.ceiling = ceiling;
        this.lookahead = Math.max(1, lookaheadFrames);
        this.peakLimit = ceiling / inputGain;
        this.releaseCoef = 1 - Math.exp(-1 / Math.max(1, releaseFrames));
        dequeIndex = new int[lookahead + 1];
        dequeValue = new double[lookahead + 1];
        minRing = new double[lookahead];
        reset();
    }

    /** Forgets every frame: the next {@link #push} is window end 0 of a new programme. */
    public void reset() {
        head = 0;
        tail = 0;
        t = 0;
        slot = 0;
        released = 1;
        // Windowed minima for t = -L+1 .. -1 are 1: the first output frame sees its whole look-ahead.
        java.util.Arrays.fill(minRing, 1);
        boxSum = lookahead;
    }

    public int lookahead() {
        return lookahead;
    }

    public double inputGain() {
        return inputGain;
    }

    /**
     * The allowed gain of a frame whose true peak is {@code peak} and whose previous frame's is
     * {@code previousPeak} (0 for the first frame).
     */
    public double allowed(float peak, float previousPeak) {
        double p = peak;
        p = Math.max(p, previousPeak);
        return p > peakLimit ? ceiling / (p * inputGain) : 1;
    }

    /** Pushes the next window end's allowed gain: sliding minimum over the last L, release, box sum over the last L minima. */
    public void push(double r) {
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
     * The limiter's gain for output frame d (without the input gain), once window ends up to
     * d + L - 1 have been pushed, given d's own allowed gain.
     */
    public double reduction(double allowedHere) {
        return Math.min(boxSum / lookahead, allowedHere);
    }
}
