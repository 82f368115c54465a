package org.taperoom.web.playback;

import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.taperoom.appliance.playback.OutputTap;
import org.taperoom.web.security.Sessions;
import org.tinylog.Logger;

/**
 * The live mix in the browser: what the playback engine gives the output, sent to every
 * {@code /ws/stream} socket as binary messages, one every {@link #SEND_MILLIS} while anyone
 * listens. A message is {@code rateHz} (uint32, little-endian) followed by the frames as
 * interleaved left/right signed 16-bit little-endian samples (silence while paused; nothing while
 * no take is open: the browser plays silence when it runs dry).
 *
 * <p>One non-real-time thread drains the engine's {@link OutputTap} and sends; the playback thread
 * only copies a period into the tap (and nothing while no one listens). A listener still sending
 * the last message when the next one is due misses it (a gap for that listener alone), so a slow
 * phone never holds the others back, nor the tap.
 */
public final class BrowserStream implements AutoCloseable {
    /** How often the tap is drained and sent: the stream's own contribution to its latency. */
    static final int SEND_MILLIS = 10;
    /** Most frames per message (at 48 kHz about 85 ms: what piles up after a stall). */
    static final int MAX_FRAMES = 4096;

    private final OutputTap tap;
    /** Keyed by WebSocket id; written on Jetty's connect/close threads, read by the stream thread. */
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final Thread thread;
    // Stream thread only.
    private final float[] frames = new float[2 * MAX_FRAMES];
    private boolean tapping;
    private volatile boolean running = true;
    /**
     * Whether the listener of a panel session (its cookie) may hear what plays now: another
     * student's take is not sent to a student (they get nothing, which the browser plays as
     * silence). Set once before the first listener connects; called on the stream thread.
     */
    private volatile java.util.function.Predicate<String> audible = session -> true;

    private record Listener(Session socket, String panelSession, AtomicBoolean sending) {}

    public BrowserStream(OutputTap tap) {
        this.tap = tap;
        this.thread = Thread.ofPlatform().daemon().name("panel-stream").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Who may hear what plays: see {@link #audible}. */
    public void audibleTo(java.util.function.Predicate<String> panelSessionMayHear) {
        this.audible = panelSessionMayHear;
    }

    /** The {@code /ws/stream} endpoint's handlers (the upgrade is checked before, as for {@code /ws}). */
    public void configure(WsConfig ws) {
        ws.onConnect(this::onConnect);
        ws.onClose(this::onClose);
        ws.onError(this::onError);
    }

    private void onConnect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(java.time.Duration.ofSeconds(60));
        listeners.put(ctx.sessionId(), new Listener(ctx.session, ctx.cookie(Sessions.COOKIE), new AtomicBoolean()));
        LockSupport.unpark(thread);
    }

    private void onClose(WsCloseContext ctx) {
        listeners.remove(ctx.sessionId());
    }

    private void onError(WsErrorContext ctx) {
        listeners.remove(ctx.sessionId());
    }

    public int listenerCount() {
        return listeners.size();
    }

    /** Closes the streams of a panel session that has ended (logout, expiry, PIN change). */
    public void endSession(String sessionId) {
        listeners.values().removeIf(l -> {
            if (!sessionId.equals(l.panelSession())) return false;
            close(l, "session ended");
            return true;
        });
    }

    public void closeAll(String reason) {
        listeners.values().removeIf(l -> {
            close(l, reason);
            return true;
        });
    }

    private static void close(Listener l, String reason) {
        try {
            l.socket().close(1008, reason, Callback.NOOP);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            try {
                sendOnce();
            } catch (RuntimeException e) {
                Logger.warn("browser stream: {}", e.getMessage());
            }
            next += SEND_MILLIS * 1_000_000L;
            long wait = next - System.nanoTime();
            if (listeners.isEmpty()) {
                LockSupport.parkNanos(200_000_000L);
                next = System.nanoTime();
            } else if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
        tap.listen(false);
    }

    private void sendOnce() {
        if (listeners.isEmpty()) {
            if (tapping) tap.listen(false);
            tapping = false;
            return;
        }
        if (!tapping) {
            // A first listener hears from now on, not what piled up before.
            tap.skipToNow();
            tap.listen(true);
            tapping = true;
            return;
        }
        int n = tap.poll(frames, MAX_FRAMES);
        if (n == 0) return;
        ByteBuffer message = ByteBuffer.allocate(4 + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(tap.rateHz());
        for (int i = 0; i < 2 * n; i++) message.putShort(toShort(frames[i]));
        message.flip();
        for (Listener l : listeners.values()) {
            if (!l.socket().isOpen()) continue;
            if (!audible.test(l.panelSession())) continue;
            if (!l.sending().compareAndSet(false, true)) continue;
            l.socket().sendBinary(message.asReadOnlyBuffer(), Callback.from(() -> l.sending().set(false), failure -> l.sending().set(false)));
        }
    }

    private static short toShort(float sample) {
        float s = Math.max(-1f, Math.min(1f, sample));
        return (short) Math.round(s * 32767f);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll("server stopping");
    }
}
