package org.taperoom.web.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.taperoom.appliance.publish.UploadService;

/**
 * Pushes the publisher's figures to the browsers as {@code uploads} messages: once a second while
 * they change (an upload's bytes move), never when they do not. One daemon thread of its own.
 */
public final class UploadPump implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final UploadService uploads;
    private final Consumer<String> send;
    private final Thread thread;
    /** The pump's thread only. */
    private String last = "";
    private volatile boolean closed;

    public UploadPump(UploadService uploads, Consumer<String> send) {
        this.uploads = uploads;
        this.send = send;
        this.thread = Thread.ofPlatform().name("upload-pump").daemon(true).unstarted(this::run);
    }

    public UploadPump start() {
        thread.start();
        return this;
    }

    /** The message now; any thread. */
    public String message() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "uploads");
        m.putAll(UploadDocs.figures(uploads.figures()));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the figures now if they changed (after a retry or cancel). */
    public synchronized void push() {
        String now = message();
        if (now.equals(last)) return;
        last = now;
        send.accept(now);
    }

    private void run() {
        while (!closed) {
            push();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
