package org.taperoom.web.live;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket browser. Sends never block the caller: each message goes out with Jetty's
 * asynchronous {@code sendText}, one at a time; while one is on the wire, newer meters replace the
 * waiting ones (a slow phone sees fewer frames, never older ones), and other messages queue up to
 * {@link #MAX_QUEUED}, beyond which the client is too far behind and is dropped. So a slow or dead
 * client costs the meter thread one queue offer, and nothing else waits for it.
 */
final class LiveClient {
    static final int MAX_QUEUED = 256;

    private final Session session;
    /** Latest meters not yet sent: written by the meter thread, taken by whichever thread sends next. */
    private final AtomicReference<String> pendingMeters = new AtomicReference<>();
    /** State, progress and takes messages in order; offered by any thread. */
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** True while a send is on the wire; only the thread that sets it starts a send. */
    private final AtomicBoolean sending = new AtomicBoolean();
    /** System.nanoTime() when the current send started; read by the meter thread to find stuck clients. */
    private volatile long sendStartedNanos;
    private volatile boolean closed;

    LiveClient(Session session) {
        this.session = session;
    }

    void offerMeters(String json) {
        pendingMeters.set(json);
        drain();
    }

    void offerEvent(String json) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            close("too far behind");
            return;
        }
        events.add(json);
        drain();
    }

    /** Nanoseconds the current send has been on the wire, or 0 when none is. */
    long sendingForNanos() {
        return sending.get() ? System.nanoTime() - sendStartedNanos : 0;
    }

    boolean closed() {
        return closed || !session.isOpen();
    }

    void close(String reason) {
        if (closed) return;
        closed = true;
        try {
            session.close(1008, reason, Callback.NOOP);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    private void drain() {
        while (!closed && sending.compareAndSet(false, true)) {
            String next = events.poll();
            if (next != null) queued.decrementAndGet();
            else next = pendingMeters.getAndSet(null);
            if (next == null) {
                sending.set(false);
                // A message may have arrived between the poll and the reset; loop to send it.
                if (events.isEmpty() && pendingMeters.get() == null) return;
                continue;
            }
            sendStartedNanos = System.nanoTime();
            AtomicBoolean sync = new AtomicBoolean(true);
            AtomicBoolean doneWhileSync = new AtomicBoolean();
            session.sendText(next, Callback.from(() -> {
                sending.set(false);
                // Completed inside sendText: let this loop continue instead of recursing.
                if (sync.get()) doneWhileSync.set(true);
                else drain();
            }, failure -> {
                closed = true;
                sending.set(false);
            }));
            sync.set(false);
            if (!doneWhileSync.get()) return;
        }
    }
}
