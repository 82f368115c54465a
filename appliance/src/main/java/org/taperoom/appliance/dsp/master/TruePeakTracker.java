package org.taperoom.appliance.dsp.master;

/**
 * libebur128's true peak ({@link TruePeakEnvelope#referencePeak}) of a stereo stream fed in blocks
 * of any size: the same value, to the bit, as over the whole stream at once (zeros before its
 * first frame and after its last), in memory bounded by one chunk.
 *
 * <p>How: frames collect in a chunk; when it is full, the envelope is taken up to the filter's
 * reach before its end (the filter reads that far ahead), and the chunk keeps as many frames
 * before the next frame to evaluate (it reads that far back), so every value is computed from the
 * same neighbours, in the same order, as in one pass.
 *
 * <p>Not thread-safe: one thread feeds and reads it.
 */
public final class TruePeakTracker {
    private static final int REACH = TruePeakEnvelope.REACH;
    private static final int CHUNK = 1 << 14;
    private final TruePeakEnvelope envelope;
    private final float[] left = new float[CHUNK];
    private final float[] right = new float[CHUNK];
    private final float[] env = new float[CHUNK];
    /** Frames held in left/right. */
    private int held;
    /** Frames at the start of left/right whose envelope is already taken (or that are history only). */
    private int evaluated;
    private float peak;

    public TruePeakTracker(int rateHz) {
        this.envelope = TruePeakEnvelope.forRate(rateHz);
    }

    /** Adds {@code frames} interleaved stereo frames. */
    public void add(float[] interleaved, int frames) {
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, CHUNK - held);
            deinterleave(interleaved, done, n);
            held += n;
            done += n;
            if (held == CHUNK) {
                evaluate(held - REACH, held);
                // Keep REACH frames of history before the first frame not yet evaluated.
                int drop = evaluated - REACH;
                System.arraycopy(left, drop, left, 0, held - drop);
                System.arraycopy(right, drop, right, 0, held - drop);
                held -= drop;
                evaluated -= drop;
            }
        }
    }

    private void deinterleave(float[] interleaved, int from, int n) {
        for (int i = 0; i < n; i++) {
            left[held + i] = interleaved[2 * (from + i)];
            right[held + i] = interleaved[2 * (from + i) + 1];
        }
    }

    /** Takes the envelope of held frames [evaluated, to), reading held frames as the signal ({@code signalEnd}: where it stops). */
    private void evaluate(int to, int signalEnd) {
        if (to <= evaluated) return;
        peak = Math.max(peak, envelope.referencePeak(left, right, signalEnd, env, evaluated, to));
        evaluated = to;
    }

    /** The true peak of everything fed (linear), the stream ending at its last frame; call after the last {@link #add}. */
    public double truePeak() {
        evaluate(held, held);
        return peak;
    }
}
