package org.taperoom.drivers.gpio;

/**
 * Turns a bouncing contact into clean level changes: a new level counts once the raw input has
 * held it for {@code debounceNanos} without another edge. A spike that returns to the stable
 * level before then changes nothing. Pure logic with caller-supplied time, so it is tested
 * without a clock; not thread-safe (its owner serialises calls).
 */
final class Debouncer {
    private final long debounceNanos;
    private boolean stable;
    private boolean raw;
    private boolean settling;
    private long lastEdgeNanos;
    private long burstStartNanos;

    Debouncer(boolean initialLevel, long debounceNanos) {
        this.stable = initialLevel;
        this.raw = initialLevel;
        this.debounceNanos = debounceNanos;
    }

    /** A raw edge seen at {@code nanos}. */
    void edge(boolean level, long nanos) {
        if (!settling) {
            settling = true;
            burstStartNanos = nanos;
        }
        raw = level;
        lastEdgeNanos = nanos;
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
        return true;
    }

    boolean level() {
        return stable;
    }

    /** The first edge of the burst that the last accepted change came from: when the contact was really pressed. */
    long burstStartNanos() {
        return burstStartNanos;
    }
}
