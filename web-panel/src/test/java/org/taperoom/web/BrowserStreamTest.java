package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /ws/stream}, the live mix for the browser: only for a logged-in session of this origin,
 * PCM of the playing take's mix while it plays, and closed when the session ends.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(1)
class BrowserStreamTest {
    static PanelRig rig;

    /** The binary messages of one /ws/stream connection. */
    static final class StreamSocket implements AutoCloseable {
        final LinkedBlockingQueue<ByteBuffer> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        final WebSocket socket;

        StreamSocket(URI base, String cookie, String origin) throws Exception {
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            if (cookie != null) b.header("Cookie", cookie);
            if (origin != null) b.header("Origin", origin);
            socket = b.buildAsync(URI.create("ws://" + base.getAuthority() + "/ws/stream"), new WebSocket.Listener() {
                ByteBuffer pending = ByteBuffer.allocate(1 << 20);

                @Override
                public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                    pending.put(data);
                    if (last) {
                        pending.flip();
                        ByteBuffer whole = ByteBuffer.allocate(pending.remaining()).put(pending).flip();
                        messages.add(whole.order(ByteOrder.LITTLE_ENDIAN));
                        pending.clear();
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

        @Override
        public void close() {
            socket.abort();
        }
    }

    static int refusal(String cookie, String origin) throws Exception {
        try (StreamSocket ignored = new StreamSocket(rig.base, cookie, origin)) {
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw e;
        }
    }

    @Test
    void theStreamIsRefusedWithoutASessionOrFromAnotherOrigin() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        assertEquals(401, refusal(null, null), "no session");
        assertEquals(401, refusal("taperoom_session=forged", null), "a forged session");
        assertEquals(403, refusal(LiveSocket.cookieOf(user), "http://evil.example"), "another origin");
    }

    @Test
    void aListenerGetsThePlayingMixAsPcmAndIsClosedWhenItsSessionEnds() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        String take = rig.recordTake(user, 2000);
        try (StreamSocket stream = new StreamSocket(rig.base, LiveSocket.cookieOf(user), null)) {
            assertEquals(200, user.change("POST", "/api/takes/" + take + "/play", "{\"loop\": {\"fromSeconds\": 0.2, \"toSeconds\": 1.8}}").statusCode());
            int frames = 0;
            int messages = 0;
            double peak = 0;
            long end = System.nanoTime() + 5_000_000_000L;
            while (frames < 48000 && System.nanoTime() < end) {
                ByteBuffer m = stream.messages.poll(1, TimeUnit.SECONDS);
                if (m == null) continue;
                messages++;
                assertEquals(48000, m.getInt(0), "each message starts with the rate");
                assertEquals(0, (m.remaining() - 4) % 4, "then whole stereo frames of 16-bit samples");
                for (int i = 4; i < m.remaining(); i += 2) peak = Math.max(peak, Math.abs(m.getShort(i) / 32768.0));
                frames += (m.remaining() - 4) / 4;
            }
            System.out.printf("browser stream: %d frames in %d messages, peak %.3f%n", frames, messages, peak);
            assertTrue(frames >= 48000, "a second of the mix arrived within 5 s: " + frames + " frames");
            assertTrue(peak > 0.3, "it is the take's sine (-6 dBFS through a centred pan), not silence: peak " + peak);

            assertEquals(204, user.change("DELETE", "/api/session", null).statusCode());
            assertEquals(1008, stream.closedWith.get(5, TimeUnit.SECONDS), "logging out closes the stream");
        } finally {
            rig.loggedIn().change("POST", "/api/playback/stop", null);
        }
    }
    /**
     * The metronome alone on the output (no take open) is heard in the browser too, as the issue
     * asks of it: its clicks arrive over the stream, each accent where the click puts it.
     */
    @Test
    void theMetronomeAloneIsHeardInTheBrowserStream() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        user.change("POST", "/api/playback/stop", null);
        try (StreamSocket stream = new StreamSocket(rig.base, LiveSocket.cookieOf(user), null)) {
            assertEquals(200, user.change("POST", "/api/metronome", "{\"bpm\": 120, \"beatsPerBar\": 4, \"levelDb\": -6}").statusCode());
            int frames = 0;
            int loudFrames = 0;
            double peak = 0;
            long end = System.nanoTime() + 5_000_000_000L;
            while (frames < 48000 && System.nanoTime() < end) {
                ByteBuffer m = stream.messages.poll(1, TimeUnit.SECONDS);
                if (m == null) continue;
                for (int i = 4; i + 1 < m.remaining(); i += 4) {
                    double left = Math.abs(m.getShort(i) / 32768.0);
                    peak = Math.max(peak, left);
                    if (left > 0.05) loudFrames++;
                }
                frames += (m.remaining() - 4) / 4;
            }
            System.out.printf("browser stream, metronome alone: %d frames, peak %.3f, %d frames above -26 dBFS%n", frames, peak, loudFrames);
            assertTrue(frames >= 48000, "a second of the metronome arrived within 5 s: " + frames + " frames");
            assertTrue(peak > 0.3, "the clicks are in it (accent at -6 dBFS): peak " + peak);
            assertTrue(loudFrames < frames / 4, "clicks, not a steady tone: " + loudFrames + " loud frames of " + frames);
        } finally {
            user.change("POST", "/api/metronome/stop", null);
        }
    }

    /** Frames that arrive on {@code stream} within {@code millis}. */
    static int framesWithin(StreamSocket stream, long millis) throws InterruptedException {
        stream.messages.clear();
        int frames = 0;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            ByteBuffer m = stream.messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null) frames += (m.remaining() - 4) / 4;
        }
        return frames;
    }

    @Test
    void aStudentHearsTheirOwnTakeInTheStreamButNotAnotherPersonsTake() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        String teachers = rig.recordTake(teacher, 2000);
        HttpResponse<String> added = teacher.change("POST", "/api/students", "{\"name\":\"Ada\",\"class\":\"3b\"}");
        assertEquals(201, added.statusCode(), added.body());
        PanelRig.Client ada = rig.client();
        HttpResponse<String> login = ada.send("POST", "/api/session", "{\"code\":\"" + teacher.json(added).get("code").asText() + "\"}", java.util.Map.of());
        assertEquals(200, login.statusCode(), login.body());
        ada.csrf = ada.json(login).get("csrf").asText();
        String adas = rig.recordTake(ada, 2000);
        try (StreamSocket teacherHears = new StreamSocket(rig.base, LiveSocket.cookieOf(teacher), null);
             StreamSocket adaHears = new StreamSocket(rig.base, LiveSocket.cookieOf(ada), null)) {
            String loop = "{\"loop\": {\"fromSeconds\": 0.2, \"toSeconds\": 1.8}}";
            assertEquals(200, teacher.change("POST", "/api/takes/" + teachers + "/play", loop).statusCode());
            int teacherFrames = framesWithin(teacherHears, 1500);
            int adaFrames = framesWithin(adaHears, 1500);
            System.out.printf("the teacher's take playing: teacher heard %d frames, the student %d%n", teacherFrames, adaFrames);
            assertTrue(teacherFrames > 24000, "the teacher hears their take: " + teacherFrames + " frames in 1.5 s");
            assertEquals(0, adaFrames, "the student hears nothing of the teacher's take");

            assertEquals(200, ada.change("POST", "/api/takes/" + adas + "/play", loop).statusCode());
            int adaOwn = framesWithin(adaHears, 1500);
            assertTrue(adaOwn > 24000, "the student hears their own take: " + adaOwn + " frames in 1.5 s");
        } finally {
            rig.loggedIn().change("POST", "/api/playback/stop", null);
        }
    }
}
