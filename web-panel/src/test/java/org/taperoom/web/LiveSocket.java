package org.taperoom.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of {@code /ws}: every message with the nanoTime it arrived, and the close code. */
public final class LiveSocket implements AutoCloseable {
    public record Message(long arrivedNanos, JsonNode json) {}

    public final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    public final WebSocket socket;

    public LiveSocket(URI base, String cookieHeader) throws Exception {
        this(base, cookieHeader, null);
    }

    public LiveSocket(URI base, String cookieHeader, String origin) throws Exception {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (cookieHeader != null) b.header("Cookie", cookieHeader);
        if (origin != null) b.header("Origin", origin);
        socket = b.buildAsync(URI.create("ws://" + base.getAuthority() + "/ws"), new WebSocket.Listener() {
            final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    long now = System.nanoTime();
                    try {
                        messages.add(new Message(now, PanelRig.JSON.readTree(text.toString())));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closedWith.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closedWith.complete(-1);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** The HTTP status that refused the upgrade, or 101 when the connection was made. */
    public static int refusal(URI base, String cookieHeader, String origin) throws Exception {
        try (LiveSocket ignored = new LiveSocket(base, cookieHeader, origin)) {
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw e;
        }
    }

    public static String cookieOf(PanelRig.Client c) {
        return c.cookies.getCookieStore().getCookies().stream()
                .filter(k -> k.getName().equals("taperoom_session")).map(k -> k.getName() + "=" + k.getValue()).findFirst().orElseThrow();
    }

    /** The next message of {@code type} within {@code millis}, or null. */
    public Message next(String type, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) return null;
            Message m = messages.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) return null;
            if (m.json().path("type").asText().equals(type)) return m;
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
