package org.taperoom.web.security;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login attempts per client address: after {@link #MAX_FAILURES} wrong PINs within
 * {@link #WINDOW_MILLIS}, that client's attempts are refused (429) until the oldest failure leaves
 * the window. A 4-digit PIN then takes days to guess instead of seconds. A success clears the
 * client's record. Thread-safe.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final long WINDOW_MILLIS = 60_000;
    /** Clients remembered at most; beyond it the table is cleared rather than growing without bound. */
    private static final int MAX_CLIENTS = 10_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds this client must wait before another attempt, or 0 when it may try now. */
    public long waitSeconds(String client) {
        Deque<Long> d = failures.get(client);
        if (d == null) return 0;
        synchronized (d) {
            long now = clock.millis();
            while (!d.isEmpty() && d.peekFirst() <= now - WINDOW_MILLIS) d.pollFirst();
            if (d.size() < MAX_FAILURES) return 0;
            return Math.max(1, (d.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
        }
    }

    public void failed(String client) {
        if (failures.size() > MAX_CLIENTS) failures.clear();
        Deque<Long> d = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(clock.millis());
            while (d.size() > MAX_FAILURES) d.pollFirst();
        }
    }

    public void succeeded(String client) {
        failures.remove(client);
    }
}
