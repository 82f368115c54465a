package org.taperoom.web.playback;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.web.api.Body;
import org.taperoom.web.live.LiveHub;
import org.taperoom.web.live.MeterPump;
import org.tinylog.Logger;

/**
 * Sends the play position to every live client about 30 times a second while a take is playing,
 * and once more when it stops, so playheads move and stop where playback did.
 */
public final class PlaybackPump implements AutoCloseable {
    private final PlaybackApi playback;
    private final LiveHub hub;
    private final Thread thread;
    /** Whether the last message said playing; pump thread only. */
    private boolean wasPlaying;
    private volatile boolean running = true;

    public PlaybackPump(PlaybackApi playback, LiveHub hub) {
        this.playback = playback;
        this.hub = hub;
        this.thread = Thread.ofPlatform().daemon().name("panel-playhead").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            try {
                var doc = playback.current();
                boolean playing = Boolean.TRUE.equals(doc.get("playing"));
                if ((playing || wasPlaying) && hub.clientCount() > 0) hub.eventAbout(Body.JSON.writeValueAsString(doc), playback.ownerOf(doc.get("take")));
                wasPlaying = playing;
            } catch (JsonProcessingException | RuntimeException e) {
                Logger.warn("panel playhead: {}", e.getMessage());
            }
            next += MeterPump.PERIOD_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else next = System.nanoTime();
        }
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
    }
}
