package org.taperoom.appliance.loudness;

import java.util.Arrays;

/**
 * libebur128's true peak of an interleaved stream, oversampled only near samples that could make
 * it reach {@code level}; exact above {@code level}, and never reading above {@code level} when the
 * whole stream's true peak does not.
 *
 * <p>Why skipping is safe: each of libebur128's (1.2.6) interpolated values is a weighted sum of
 * at most 25 neighbouring samples, and the weights' magnitudes add up to at most 1.864 for its
 * 49-tap 4x filter below 96 kHz and 2.307 for its 2x filter below 192 kHz (above, it reads sample
 * peaks) ({@link #GAIN_4X}, {@link #GAIN_2X}: rounded up, with room for rounding). Samples no larger than {@code level} divided by that ("quiet") therefore cannot
 * interpolate above {@code level}. Frames are fed only within {@link #REACH} frames of a
 * non-quiet sample, so every interpolated value with a non-quiet sample in reach is computed from
 * the same neighbours as in a full pass, and where fed runs join (or start after the initial
 * zeros) at least {@code REACH} quiet frames lie on either side, so a value spanning a join mixes
 * quiet samples only and stays at or below {@code level}. Hence: the largest value read is the
 * stream's true peak whenever that is above {@code level}, and at most {@code level} otherwise.
 *
 * <p>Not thread-safe: one thread feeds and reads it.
 */
public final class GatedTruePeak implements AutoCloseable {
    /** Largest sum of weight magnitudes over libebur128's interpolator phases, 4x and 2x. */
    static final double GAIN_4X = 1.87;
    static final double GAIN_2X = 2.32;
    /** Frames fed either side of a non-quiet sample: more than the 25 an interpolated value spans. */
    static final int REACH = 32;
    private final TruePeakMeter meter;
    private final int channels;
    private final double level;
    private final float quiet;
    /** Frames seen but not yet decided (the last REACH may still get a non-quiet neighbour), interleaved. */
    private float[] pending = new float[0];
    private boolean[] pendingLoud = new boolean[0];
    private int pendingFrames;
    private float[] run = new float[0];
    /** Frames decided so far; the index of the last non-quiet one among them. */
    private long decided;
    private long lastLoud = Long.MIN_VALUE / 2;
    private long fedFrames;

    /** @param level linear; 0 feeds every frame that is not all zeros */
    public GatedTruePeak(ChannelLayout layout, int sampleRate, double level) {
        this.meter = new TruePeakMeter(layout, sampleRate);
        this.channels = layout.channels();
        this.level = level;
        double gain = sampleRate < 96000 ? GAIN_4X : sampleRate < 192000 ? GAIN_2X : 1;
        this.quiet = (float) (level / gain);
    }

    public void add(float[] interleaved, int count) {
        if (count <= 0) return;
        int need = (pendingFrames + count) * channels;
        if (pending.length < need) {
            pending = Arrays.copyOf(pending, Math.max(need, 2 * pending.length));
            pendingLoud = Arrays.copyOf(pendingLoud, pending.length / channels);
        }
        System.arraycopy(interleaved, 0, pending, pendingFrames * channels, count * channels);
        for (int i = 0; i < count; i++) {
            boolean loud = false;
            for (int c = 0; c < channels; c++) loud |= Math.abs(interleaved[i * channels + c]) > quiet;
            pendingLoud[pendingFrames + i] = loud;
        }
        pendingFrames += count;
        decide(pendingFrames - REACH);
    }

    /** Feeds or skips the first {@code k} pending frames, each knowing every neighbour within REACH. */
    private void decide(int k) {
        if (k <= 0) return;
        // nextLoud[i]: offset of the first non-quiet frame at or after i among the pending frames.
        int[] nextLoud = new int[pendingFrames + 1];
        nextLoud[pendingFrames] = Integer.MAX_VALUE / 2;
        for (int i = pendingFrames - 1; i >= 0; i--) nextLoud[i] = pendingLoud[i] ? i : nextLoud[i + 1];
        int runStart = -1;
        for (int i = 0; i < k; i++) {
            long at = decided + i;
            if (pendingLoud[i]) lastLoud = at;
            boolean feed = at - lastLoud <= REACH || nextLoud[i] - i <= REACH;
            if (feed && runStart < 0) runStart = i;
            if (!feed && runStart >= 0) {
                feed(runStart, i);
                runStart = -1;
            }
        }
        if (runStart >= 0) feed(runStart, k);
        int rest = pendingFrames - k;
        System.arraycopy(pending, k * channels, pending, 0, rest * channels);
        System.arraycopy(pendingLoud, k, pendingLoud, 0, rest);
        pendingFrames = rest;
        decided += k;
    }

    private void feed(int from, int to) {
        int samples = (to - from) * channels;
        if (run.length < samples) run = new float[samples];
        System.arraycopy(pending, from * channels, run, 0, samples);
        meter.add(run, to - from);
        fedFrames += to - from;
    }

    /**
     * Feeds what is left and returns the true peak (linear) when it is exactly the stream's (above
     * {@code level}, or no frame skipped), else NaN: then it is known only to be at most {@code level}.
     */
    public double finish() {
        decide(pendingFrames);
        double peak = meter.truePeak();
        return peak > level || fedFrames == decided || quiet == 0 ? peak : Double.NaN;
    }

    /** Frames oversampled so far, for the figures. */
    public long fedFrames() {
        return fedFrames;
    }

    @Override
    public void close() {
        meter.close();
    }
}
