package org.taperoom.web.live;

import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.taperoom.web.security.Sessions;

/**
 * The browsers connected to {@code /ws} and what they are pushed: {@code state}, {@code meters},
 * {@code progress} and {@code takes} messages (JSON with a {@code type}). A connection needs a
 * logged-in session cookie and, when the browser names one, this server as its origin; others are
 * closed at once with code 1008.
 */
public final class LiveHub {
    /** Written on Jetty's connect/close threads, read by the meter thread and event senders. */
    private final Map<String, LiveClient> clients = new ConcurrentHashMap<>();
    private final Sessions sessions;
    /** The {@code state} message a new client gets first. */
    private final Supplier<String> currentState;

    public LiveHub(Sessions sessions, Supplier<String> currentState) {
        this.sessions = sessions;
        this.currentState = currentState;
    }

    /** The {@code /ws} endpoint's handlers, for {@code config.routes.ws}. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::onConnect);
        ws.onClose(this::onClose);
        ws.onError(this::onError);
    }

    private void onConnect(WsConnectContext ctx) {
        if (sessions.find(ctx.cookie(Sessions.COOKIE)) == null) {
            ctx.closeSession(1008, "log in first");
            return;
        }
        // Another site's page must not read the meters through a visitor's browser (the cookie's
        // SameSite=Strict already keeps it out; this says so explicitly).
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !origin.isEmpty() && (host == null || !origin.replaceFirst("^[a-z]+://", "").equalsIgnoreCase(host))) {
            ctx.closeSession(1008, "cross-origin connection refused");
            return;
        }
        ctx.session.setIdleTimeout(java.time.Duration.ofSeconds(60));
        LiveClient c = new LiveClient(ctx.session);
        clients.put(ctx.sessionId(), c);
        c.offerEvent(currentState.get());
    }

    private void onClose(WsCloseContext ctx) {
        clients.remove(ctx.sessionId());
    }

    private void onError(WsErrorContext ctx) {
        LiveClient c = clients.remove(ctx.sessionId());
        if (c != null) c.close("error");
    }

    public int clientCount() {
        return clients.size();
    }

    /** Clients whose current message has been on the wire longer than {@code nanos} (not reading, or slow). */
    public int clientsSendingLongerThan(long nanos) {
        int n = 0;
        for (LiveClient c : clients.values()) if (c.sendingForNanos() > nanos) n++;
        return n;
    }

    /** Meters to every client; replaces any meters a client has not been sent yet. */
    public void meters(String json) {
        for (LiveClient c : clients.values()) c.offerMeters(json);
    }

    /** A state, progress or takes message to every client, in order. */
    public void event(String json) {
        for (LiveClient c : clients.values()) c.offerEvent(json);
    }

    /** Drops clients whose current send has not finished within {@code maxNanos} (dead peers). */
    void dropStuck(long maxNanos) {
        Collection<Map.Entry<String, LiveClient>> entries = clients.entrySet();
        entries.removeIf(e -> {
            LiveClient c = e.getValue();
            if (c.closed()) return true;
            if (c.sendingForNanos() > maxNanos) {
                c.close("not reading");
                return true;
            }
            return false;
        });
    }

    public void closeAll() {
        for (LiveClient c : clients.values()) c.close("server stopping");
        clients.clear();
    }
}
