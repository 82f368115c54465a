package org.taperoom.appliance.dsp.master;

/**
 * The render's limiter on a stream: the master bus output arrives a block at a time and leaves,
 * normalised and limited, {@link #latencyFrames()} later, with the bits the offline
 * {@link Limiter} gives the same programme: the same true-peak envelope values (each computed
 * from the same neighbours, zeros before the stream's first frame; see {@link TruePeakTracker})
 * and the same {@link LimiterGain}. A stream that ends is followed by zeros (the playback engine
 * pushes silence past the programme's end), which is what the offline limiter reads there.
 *
 * <p>Owned by one thread (the playback thread); allocates only in the constructor.
 */
public final class StreamLimiter {
    private static final int REACH = TruePeakEnvelope.REACH;
    private final TruePeakEnvelope envelope;
    private final TruePeakEnvelope.Scratch scratch;
    private final LimiterGain gain;
    private final int maxPushFrames;
    private final float[] signalLeft;
    private final float[] signalRight;
    private final float[] peaks;
    private final int mask;
    /** A linear copy of the frames an envelope step reads, and the step's values. */
    private final float[] windowLeft;
    private final float[] windowRight;
    private final float[] windowEnv;
    /** Stream frames received. */
    private long pushed;
    /** Stream frames whose true peak is known (pushed - REACH, once that many have come). */
    private long enveloped;
    /** Window ends pushed to the gain computer. */
    private long windowEnd;
    /** Stream frames emitted. */
    private long emitted;

    /**
     * @param inputGain     the fixed normalisation gain, linear
     * @param ceiling       linear ceiling of the output's true peak
     * @param maxPushFrames the most frames one {@link #push} brings
     */
    public StreamLimiter(int rateHz, double inputGain, double ceiling, int lookaheadFrames, double releaseFrames, int maxPushFrames) {
        this.envelope = TruePeakEnvelope.forRate(rateHz);
        this.scratch = envelope.newScratch();
        this.gain = new LimiterGain(inputGain, ceiling, lookaheadFrames, releaseFrames);
        this.maxPushFrames = maxPushFrames;
        int capacity = Integer.highestOneBit(2 * (maxPushFrames + gain.lookahead() + 2 * REACH)) * 2;
        this.signalLeft = new float[capacity];
        this.signalRight = new float[capacity];
        this.peaks = new float[capacity];
        this.mask = capacity - 1;
        this.windowLeft = new float[maxPushFrames + 2 * REACH];
        this.windowRight = new float[maxPushFrames + 2 * REACH];
        this.windowEnv = new float[maxPushFrames + 2 * REACH];
    }

    /** Frames between a frame's push and its emission: the look-ahead and the envelope filter's reach. */
    public int latencyFrames() {
        return gain.lookahead() - 1 + REACH;
    }

    /** Starts a new stream (a seek): nothing held, the gain computer primed as at a programme's start. */
    public void reset() {
        pushed = 0;
        enveloped = 0;
        windowEnd = 0;
        emitted = 0;
        gain.reset();
    }

    /** Room for this many more frames before {@link #emit} must take some. */
    public int room() {
        return (int) Math.min(maxPushFrames, (mask + 1) - (pushed - emitted) - REACH);
    }

    /** The next {@code n <= maxPushFrames} frames of the stream. */
    public void push(float[] left, float[] right, int n) {
        for (int i = 0; i < n; i++) {
            int at = (int) ((pushed + i) & mask);
            signalLeft[at] = left[i];
            signalRight[at] = right[i];
        }
        pushed += n;
        long to = pushed - REACH;
        if (to <= enveloped) return;
        // The frames the step reads: [enveloped - REACH, pushed), zeros before the stream's start.
        long from = enveloped - REACH;
        int length = (int) (pushed - from);
        for (int i = 0; i < length; i++) {
            long f = from + i;
            int at = (int) (f & mask);
            windowLeft[i] = f < 0 ? 0 : signalLeft[at];
            windowRight[i] = f < 0 ? 0 : signalRight[at];
        }
        int steps = (int) (to - enveloped);
        envelope.compute(windowLeft, windowRight, length, windowEnv, REACH, REACH + steps, scratch);
        for (int i = 0; i < steps; i++) peaks[(int) ((enveloped + i) & mask)] = windowEnv[REACH + i];
        enveloped = to;
    }

    /** Frames {@link #emit} can give now. */
    public int available() {
        return (int) Math.max(0, enveloped - (gain.lookahead() - 1) - emitted);
    }

    /** Emits the next {@code n <= available()} frames, limited, interleaved into {@code out}. */
    public void emit(float[] out, int n) {
        int lookahead = gain.lookahead();
        double inputGain = gain.inputGain();
        for (int i = 0; i < n; i++) {
            long next = emitted + i;
            while (windowEnd <= next + lookahead - 1) {
                gain.push(allowed(windowEnd));
                windowEnd++;
            }
            double k = gain.reduction(allowed(next)) * inputGain;
            int at = (int) (next & mask);
            out[2 * i] = (float) (signalLeft[at] * k);
            out[2 * i + 1] = (float) (signalRight[at] * k);
        }
        emitted += n;
    }

    private double allowed(long d) {
        return gain.allowed(peaks[(int) (d & mask)], d > 0 ? peaks[(int) ((d - 1) & mask)] : 0);
    }
}
