package org.taperoom.appliance.control;

/**
 * Tap tempo as a pedal does it: the tempo of the last few taps, from the second tap on. A pause
 * longer than {@link #RESET_NANOS} starts a new count, so a musician who taps again later is not
 * averaged with the old taps. Not thread-safe: one thread taps (the front panel's button thread).
 */
final class TapTempo {
    /** A gap this long between two taps starts a new count (2 s: slower than 30 BPM is no tap). */
    static final long RESET_NANOS = 2_000_000_000L;
    /** How many of the last intervals are averaged: enough to steady a tap, few enough to follow a change. */
    static final int INTERVALS = 4;
    static final double MIN_BPM = 20;
    static final double MAX_BPM = 300;

    private final long[] intervalNanos = new long[INTERVALS];
    private int intervals;
    private long lastTapNanos;
    private boolean tapped;

    /** A tap at {@code nanos} ({@link System#nanoTime()}); answers the tempo in BPM, or NaN after a first tap. */
    double tap(long nanos) {
        long gap = nanos - lastTapNanos;
        if (!tapped || gap > RESET_NANOS || gap <= 0) {
            intervals = 0;
        } else {
            System.arraycopy(intervalNanos, 0, intervalNanos, 1, INTERVALS - 1);
            intervalNanos[0] = gap;
            intervals = Math.min(INTERVALS, intervals + 1);
        }
        tapped = true;
        lastTapNanos = nanos;
        if (intervals == 0) return Double.NaN;
        long sum = 0;
        for (int i = 0; i < intervals; i++) sum += intervalNanos[i];
        return clamp(60e9 * intervals / sum);
    }

    /** Forgets the taps (a new count starts with the next). */
    void reset() {
        tapped = false;
        intervals = 0;
    }

    static double clamp(double bpm) {
        return Math.max(MIN_BPM, Math.min(MAX_BPM, Math.round(bpm * 10) / 10.0));
    }
}
