package org.taperoom.appliance.playback;

/**
 * Turns the engine's gap counters (device underruns, periods starved of data) into one report per
 * burst: a burst starts with the first new gap and ends after {@link #QUIET_NANOS} without one, so
 * a stall that costs twenty periods is one log line, not twenty. Driven by whoever polls the
 * engine's status (the panel's playhead thread, the CLI's progress line), never by the playback
 * thread. Not thread-safe: one caller at a time (the service's lock).
 */
final class UnderrunBursts {
    /** Quiet time that ends a burst. */
    static final long QUIET_NANOS = 1_000_000_000L;

    private long seenUnderruns;
    private long seenStarved;
    private long burstUnderruns;
    private long burstStarved;
    private long burstStartNanos;
    private long lastGapNanos;
    private double burstAtSeconds;

    /**
     * Notes the counters read at {@code nowNanos} with the play position {@code atSeconds}; returns
     * the report of a burst that has just ended, or null.
     */
    String observe(long underruns, long starved, double atSeconds, long nowNanos) {
        long newUnderruns = underruns - seenUnderruns;
        long newStarved = starved - seenStarved;
        seenUnderruns = underruns;
        seenStarved = starved;
        if (newUnderruns > 0 || newStarved > 0) {
            if (!inBurst()) {
                burstStartNanos = nowNanos;
                burstAtSeconds = atSeconds;
            }
            burstUnderruns += newUnderruns;
            burstStarved += newStarved;
            lastGapNanos = nowNanos;
            return null;
        }
        return inBurst() && nowNanos - lastGapNanos >= QUIET_NANOS ? end() : null;
    }

    /** The report of a burst still open (playback is stopping), or null. */
    String flush() {
        return inBurst() ? end() : null;
    }

    private boolean inBurst() {
        return burstUnderruns + burstStarved > 0;
    }

    private String end() {
        String line = String.format("%d underrun(s) and %d period(s) without data from the reader within %d ms, from %.3f s;"
                        + " the output gapped, the play position carried on", burstUnderruns, burstStarved,
                (lastGapNanos - burstStartNanos) / 1_000_000, burstAtSeconds);
        burstUnderruns = 0;
        burstStarved = 0;
        return line;
    }
}
