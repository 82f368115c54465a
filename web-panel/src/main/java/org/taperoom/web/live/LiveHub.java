package org.taperoom.web.live;

import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.taperoom.web.security.Person;
import org.taperoom.web.security.Sessions;

/**
 * The browsers connected to {@code /ws} and what they are pushed: {@code state}, {@code meters},
 * {@code progress} and {@code takes} messages (JSON with a {@code type}). The upgrade itself is
 * refused without a logged-in session or from another origin ({@link org.taperoom.web.security.Guard#checkUpgrade});
 * a connection lives only as long as its session: logging out, expiry and a PIN change close it
 * with code 1008.
 */
public final class LiveHub {
    /** Keyed by WebSocket id. Written on Jetty's connect/close threads, read by the meter thread and event senders. */
    private final Map<String, LiveClient> clients = new ConcurrentHashMap<>();
    /** The panel session each WebSocket belongs to, by WebSocket id; same threads as {@link #clients}. */
    private final Map<String, String> sessionOf = new ConcurrentHashMap<>();
    /** Whose each WebSocket is, by WebSocket id; same threads as {@link #clients}. */
    private final Map<String, Person> personOf = new ConcurrentHashMap<>();
    private final Sessions sessions;
    /** The {@code state} message a new client gets first, as that client's person may see it. */
    private final Function<Person, String> currentState;

    public LiveHub(Sessions sessions, Function<Person, String> currentState) {
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
        // Checked again: the session may have ended between the upgrade and now.
        Sessions.Session session = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (session == null) {
            ctx.closeSession(1008, "log in first");
            return;
        }
        ctx.session.setIdleTimeout(java.time.Duration.ofSeconds(60));
        LiveClient c = new LiveClient(ctx.session);
        sessionOf.put(ctx.sessionId(), session.id());
        personOf.put(ctx.sessionId(), session.person());
        clients.put(ctx.sessionId(), c);
        c.offerEvent(currentState.apply(session.person()));
        // Ended while we registered: close now rather than leave it to the next PIN change.
        if (sessions.find(ctx.cookie(Sessions.COOKIE)) == null) endSession(session.id());
    }

    private void onClose(WsCloseContext ctx) {
        clients.remove(ctx.sessionId());
        sessionOf.remove(ctx.sessionId());
        personOf.remove(ctx.sessionId());
    }

    private void onError(WsErrorContext ctx) {
        sessionOf.remove(ctx.sessionId());
        personOf.remove(ctx.sessionId());
        LiveClient c = clients.remove(ctx.sessionId());
        if (c != null) c.close("error");
    }

    /** Closes the sockets of a panel session that has ended (logout, expiry, PIN change). */
    public void endSession(String sessionId) {
        for (Map.Entry<String, String> e : sessionOf.entrySet()) {
            if (!e.getValue().equals(sessionId)) continue;
            sessionOf.remove(e.getKey());
            personOf.remove(e.getKey());
            LiveClient c = clients.remove(e.getKey());
            if (c != null) c.close("session ended");
        }
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

    /** A message for every client, in order (one that names no take: {@code takes}). */
    public void event(String json) {
        for (LiveClient c : clients.values()) c.offerEvent(json);
    }

    /**
     * A message about a take whose owner is {@code owner} (null: the teachers'): only clients whose
     * person may see that take get it, so a job's progress or a playhead never tells a student of
     * another's work.
     */
    public void eventAbout(String json, String owner) {
        eventFor(p -> p.maySee(owner) ? json : null);
    }

    /** A message drawn for each client's person; null sends that client nothing. */
    public void eventFor(Function<Person, String> message) {
        for (Map.Entry<String, LiveClient> e : clients.entrySet()) {
            Person p = personOf.get(e.getKey());
            String json = message.apply(p == null ? Person.NOBODY : p);
            if (json != null) e.getValue().offerEvent(json);
        }
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

    /** Closes every socket, saying why (the PIN changed: every browser logs in or reconnects). */
    public void closeAll(String reason) {
        for (LiveClient c : clients.values()) c.close(reason);
        clients.clear();
        sessionOf.clear();
        personOf.clear();
    }
}
