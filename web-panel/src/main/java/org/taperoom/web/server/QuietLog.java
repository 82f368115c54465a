package org.taperoom.web.server;

import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * A log line anyone could cause by sending requests, written at most once per {@link #INTERVAL_MILLIS}
 * so a stranger cannot flood the journal; the next line says how many were left out. Thread-safe.
 */
final class QuietLog {
    static final long INTERVAL_MILLIS = 60_000;

    /** System.currentTimeMillis() of the last line written; any request thread. */
    private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong suppressed = new AtomicLong();

    /** Logs {@code e} with its stack trace, unless a line went out within the interval. */
    void error(Throwable e, String message) {
        long now = System.currentTimeMillis();
        long last = lastMillis.get();
        if (now - last < INTERVAL_MILLIS || !lastMillis.compareAndSet(last, now)) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        Logger.error(e, left == 0 ? message : message + " (and " + left + " more like it left out of the log)");
    }
}
