package org.taperoom.web.security;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Wrong PINs, at the login and wherever else a PIN is checked (the Settings page's
 * {@code currentPin}), limited twice:
 * <ul>
 * <li>per client address: after {@link #MAX_FAILURES} wrong PINs within {@link #WINDOW_MILLIS},
 * that client waits (429) until its oldest failure leaves the window;</li>
 * <li>for all addresses together: a budget of {@link #GLOBAL_BURST} wrong PINs, refilled by one
 * every {@link #GLOBAL_REFILL_MILLIS}. While it is spent every PIN check waits, so a botnet of
 * any size gets no more guesses than one patient client: {@link #worstCaseGuessesInFirstHour()}.
 * The price is that during such an attack the owner waits too (the Retry-After says how long).</li>
 * </ul>
 * The table of clients is bounded without ever dropping a live record: a record only matters while
 * one of its failures is inside the window, and the global budget lets at most
 * {@code GLOBAL_BURST + WINDOW_MILLIS / GLOBAL_REFILL_MILLIS} failures into any window, so
 * pruning expired records keeps it below {@link #MAX_CLIENTS}; were it ever full of live records, a
 * new client would go unrecorded (still under the global budget) rather than evict one. A success clears that client's
 * record. Thread-safe: every method holds the instance lock (a few microseconds, at login rate).
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final long WINDOW_MILLIS = 60_000;
    /** Wrong PINs all addresses together may make at once. */
    public static final int GLOBAL_BURST = 10;
    /** One more wrong PIN for everyone every so often: the sustained worst case. */
    public static final long GLOBAL_REFILL_MILLIS = 10_000;
    /** Clients remembered at most; more than the global budget can ever make live at once. */
    public static final int MAX_CLIENTS = 1024;

    /** Guarded by this. Failure times per client, oldest first, at most {@link #MAX_FAILURES}. */
    private final Map<String, Deque<Long>> failures = new HashMap<>();
    private final Clock clock;
    /** Guarded by this. The global budget: wrong PINs left, and when it was last refilled. */
    private double globalLeft = GLOBAL_BURST;
    private long globalRefilledAtMillis;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
        this.globalRefilledAtMillis = clock.millis();
    }

    /** Guesses an attacker with any number of addresses gets in the first hour: the burst, then the refill. */
    public static long worstCaseGuessesInFirstHour() {
        return GLOBAL_BURST + 3_600_000 / GLOBAL_REFILL_MILLIS;
    }

    /** Seconds this client must wait before its PIN may be checked, or 0 when it may try now. */
    public synchronized long waitSeconds(String client) {
        long now = clock.millis();
        refill(now);
        long waitMillis = 0;
        if (globalLeft < 1) waitMillis = (long) Math.ceil((1 - globalLeft) * GLOBAL_REFILL_MILLIS);
        Deque<Long> d = failures.get(client);
        if (d != null) {
            expire(d, now);
            if (d.size() >= MAX_FAILURES) waitMillis = Math.max(waitMillis, d.peekFirst() + WINDOW_MILLIS - now);
        }
        return waitMillis <= 0 ? 0 : Math.max(1, (waitMillis + 999) / 1000);
    }

    public synchronized void failed(String client) {
        long now = clock.millis();
        refill(now);
        globalLeft = Math.max(0, globalLeft - 1);
        if (!failures.containsKey(client) && failures.size() >= MAX_CLIENTS) {
            prune(now);
            // Still full of live records (only when failures are reported without asking
            // waitSeconds first): keep them all; the global budget limits the newcomer.
            if (failures.size() >= MAX_CLIENTS) return;
        }
        Deque<Long> d = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        d.addLast(now);
        while (d.size() > MAX_FAILURES) d.pollFirst();
    }

    public synchronized void succeeded(String client) {
        failures.remove(client);
    }

    /** Clients with a record; for the test that floods the table. */
    public synchronized int clientsRemembered() {
        return failures.size();
    }

    private void refill(long now) {
        long elapsed = now - globalRefilledAtMillis;
        if (elapsed <= 0) return;
        globalLeft = Math.min(GLOBAL_BURST, globalLeft + (double) elapsed / GLOBAL_REFILL_MILLIS);
        globalRefilledAtMillis = now;
    }

    /** Drops the records whose failures have all left the window: they no longer limit anyone. */
    private void prune(long now) {
        for (Iterator<Deque<Long>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Long> d = it.next();
            expire(d, now);
            if (d.isEmpty()) it.remove();
        }
    }

    private static void expire(Deque<Long> d, long now) {
        while (!d.isEmpty() && d.peekFirst() <= now - WINDOW_MILLIS) d.pollFirst();
    }
}
