package org.taperoom.appliance.playback;

import java.lang.invoke.VarHandle;

/**
 * The playing mix's meters: each strip's post-fader peak (the louder of its left and right after
 * pan) and the master's left and right as given to the device, published by the playback thread
 * once per period through a sequence lock and read by anyone without making it wait.
 *
 * <p>Ballistics: a meter jumps to a louder peak at once and falls by {@link #FALL_DB_PER_SECOND}
 * (a peak meter's usual fall), so a reader polling at 30 Hz misses no transient between polls.
 *
 * <p>Protocol: the writer makes {@link #sequence} odd, writes the figures, makes it even again; a
 * reader copies the figures between two reads of an equal, even sequence, and retries otherwise.
 */
public final class PlaybackMeters {
    /** How fast a meter falls after a peak. */
    public static final double FALL_DB_PER_SECOND = 24;
    /** What a silent meter reads. */
    public static final float FLOOR_DB = -120f;

    private final float fallPerPeriod;
    // Playback thread only: the loudest sample of the blocks mixed since the last publication.
    private final float[] stripBlockPeak;
    // Written by the playback thread between sequence bumps, read by readers under the protocol.
    private final float[] stripHeld;
    private final float[] masterHeld = new float[2];
    /** Odd while the playback thread writes; written by the playback thread, read by readers. */
    private volatile long sequence;

    PlaybackMeters(int tracks, int rateHz, int periodFrames) {
        this.stripBlockPeak = new float[tracks];
        this.stripHeld = new float[tracks];
        this.fallPerPeriod = (float) Math.pow(10, -FALL_DB_PER_SECOND * periodFrames / (double) rateHz / 20);
    }

    public int tracks() {
        return stripHeld.length;
    }

    /** Playback thread: track {@code t}'s strip output {@code left}/{@code right} for {@code n} frames (null: silent). */
    void strip(int t, double[] left, double[] right, int n) {
        if (left == null) return;
        float peak = stripBlockPeak[t];
        for (int i = 0; i < n; i++) {
            float a = (float) Math.max(Math.abs(left[i]), Math.abs(right[i]));
            if (a > peak) peak = a;
        }
        stripBlockPeak[t] = peak;
    }

    /**
     * Playback thread: publishes the period just given to the device ({@code interleaved}, the
     * first two of {@code channels} channels being the master's left and right).
     */
    void publish(float[] interleaved, int frames, int channels) {
        float left = 0;
        float right = 0;
        for (int i = 0, j = 0; i < frames; i++, j += channels) {
            left = Math.max(left, Math.abs(interleaved[j]));
            if (channels > 1) right = Math.max(right, Math.abs(interleaved[j + 1]));
        }
        sequence = sequence + 1;
        // The figure stores below must not move above the odd sequence store.
        VarHandle.storeStoreFence();
        for (int t = 0; t < stripHeld.length; t++) {
            stripHeld[t] = Math.max(stripBlockPeak[t], stripHeld[t] * fallPerPeriod);
            stripBlockPeak[t] = 0;
        }
        masterHeld[0] = Math.max(left, masterHeld[0] * fallPerPeriod);
        masterHeld[1] = Math.max(channels > 1 ? right : left, masterHeld[1] * fallPerPeriod);
        sequence = sequence + 1;
    }

    /**
     * Any thread: copies the meters, in dBFS (at least {@link #FLOOR_DB}), into {@code stripsDb}
     * (one per track) and {@code masterDb} (left, right); allocates nothing.
     */
    public void read(float[] stripsDb, float[] masterDb) {
        int n = Math.min(stripsDb.length, stripHeld.length);
        while (true) {
            long s1 = sequence;
            if ((s1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            System.arraycopy(stripHeld, 0, stripsDb, 0, n);
            masterDb[0] = masterHeld[0];
            masterDb[1] = masterHeld[1];
            VarHandle.loadLoadFence();
            if (sequence == s1) break;
        }
        for (int t = 0; t < n; t++) stripsDb[t] = toDb(stripsDb[t]);
        masterDb[0] = toDb(masterDb[0]);
        masterDb[1] = toDb(masterDb[1]);
    }

    private static float toDb(float linear) {
        return linear <= 1e-6f ? FLOOR_DB : (float) Math.max(FLOOR_DB, 20 * Math.log10(linear));
    }
}
