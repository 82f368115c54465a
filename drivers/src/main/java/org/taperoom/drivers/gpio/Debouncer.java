package org.taperoom.drivers.gpio;

/**
 * Turns a bouncing contact into clean level changes: a new level counts once the raw input has
 * held it for {@code debounceNanos} without another edge. A spike that returns to the stable
 * level before then changes nothing. Decisions use the edges' own timestamps, so a check that
 * runs late (a busy machine) still sees a press that was held long enough: the next edge settles
 * the previous level if it had held. Pure logic with caller-supplied time; not thread-safe (its
 * owner serialises calls).
 */
final class Debouncer {
    private final long debounceNanos;
    private boolean stable;
    private boolean raw;
    private boolean settling;
    private long lastEdgeNanos;
    private long burstStartNanos;
    private long acceptedBurstStartNanos;

    Debouncer(boolean initialLevel, long debounceNanos) {
        this.stable = initialLevel;
        this.raw = initialLevel;
        this.debounceNanos = debounceNanos;
    }

    /**
     * A raw edge seen at {@code nanos}. Returns true when the level before it had already held
     * for the debounce time and so became the stable level (then {@link #level()} is it).
     */
    boolean edge(boolean level, long nanos) {
        boolean accepted = settle(nanos);
        if (!settling) {
            settling = true;
            burstStartNanos = nanos;
        }
        raw = level;
        lastEdgeNanos = nanos;
        return accepted;
    }

    /** When {@link #settle} can next accept a change. */
    long settleDueNanos() {
        return lastEdgeNanos + debounceNanos;
    }

    /** True when, at {@code nanos}, the raw level has held long enough and differs from the stable one; it then becomes stable. */
    boolean settle(long nanos) {
        if (!settling || nanos - lastEdgeNanos < debounceNanos) return false;
        settling = false;
        if (raw == stable) return false;
        stable = raw;
        acceptedBurstStartNanos = burstStartNanos;
        return true;
    }

    boolean level() {
        return stable;
    }

    /** The first edge of the burst the last accepted change came from: when the contact really moved. */
    long acceptedBurstStartNanos() {
        return acceptedBurstStartNanos;
    }
}
