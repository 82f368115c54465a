package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Playing a take on the output: play, seek, pause, stop, the playhead over /ws, and bad requests. */
class PlaybackApiTest {
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;

    @BeforeAll
    static void recordOne() throws Exception {
        rig = new PanelRig();
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 2500);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return user.json(r);
    }

    @Test
    void aTakePlaysFromWhereAskedAndSeekPauseAndStopDoWhatTheySay() throws Exception {
        JsonNode started = ok(user.change("POST", "/api/takes/" + takeId + "/play", "{\"fromSeconds\": 0.5}"));
        assertEquals(takeId, started.get("take").asText());
        assertTrue(started.get("playing").asBoolean());
        assertTrue(started.get("lengthSeconds").asDouble() > 2, started.toString());
        Thread.sleep(400);
        JsonNode playing = ok(user.get("/api/playback"));
        double at = playing.get("positionSeconds").asDouble();
        assertTrue(at > 0.5 && at < 1.5, "the position moves on from 0.5 s: " + at);

        JsonNode sought = ok(user.change("POST", "/api/playback/seek", "{\"seconds\": 0.25}"));
        // The answer comes once the playback thread has taken the seek; it may have played on a few periods since.
        double landed = sought.get("positionSeconds").asDouble();
        assertTrue(landed >= 0.25 && landed < 0.4, "a seek answers the requested position, or just after it: " + landed);

        ok(user.change("POST", "/api/playback/pause", null));
        Thread.sleep(100);
        double paused = ok(user.get("/api/playback")).get("positionSeconds").asDouble();
        Thread.sleep(300);
        JsonNode still = ok(user.get("/api/playback"));
        assertFalse(still.get("playing").asBoolean());
        assertEquals(paused, still.get("positionSeconds").asDouble(), 1e-9, "paused, the position holds");

        JsonNode stopped = ok(user.change("POST", "/api/playback/stop", null));
        assertFalse(stopped.get("playing").asBoolean());
        assertTrue(stopped.get("take").isNull(), "stopped, nothing is open");
        assertEquals(409, user.change("POST", "/api/playback/seek", "{\"seconds\": 1}").statusCode(), "nothing to seek in");
    }

    @Test
    void thePlayheadIsSentOverTheLiveSocketAboutThirtyTimesASecond() throws Exception {
        try (LiveSocket ws = new LiveSocket(rig.base, LiveSocket.cookieOf(user))) {
            ok(user.change("POST", "/api/takes/" + takeId + "/play", "{\"loop\": {\"fromSeconds\": 0.2, \"toSeconds\": 1.2}}"));
            ws.next("playback", 3000);
            long start = System.nanoTime();
            java.util.List<Long> arrivals = new java.util.ArrayList<>();
            double last = -1;
            boolean moved = false;
            while (System.nanoTime() - start < 1_500_000_000L) {
                LiveSocket.Message m = ws.next("playback", 1000);
                arrivals.add(m.arrivedNanos());
                double p = m.json().get("positionSeconds").asDouble();
                if (last >= 0 && p != last) moved = true;
                last = p;
                assertTrue(p >= 0.2 - 1e-9 && p < 1.2, "the loop holds the playhead inside it: " + p + " in " + m.json());
            }
            // The median gap, not the count: on a loaded machine a few ticks come late, but most keep the pace.
            java.util.List<Long> gaps = new java.util.ArrayList<>();
            for (int i = 1; i < arrivals.size(); i++) gaps.add(arrivals.get(i) - arrivals.get(i - 1));
            java.util.Collections.sort(gaps);
            double medianMillis = gaps.get(gaps.size() / 2) / 1e6;
            System.out.printf("playhead messages: %d in 1.5 s, median gap %.1f ms%n", arrivals.size(), medianMillis);
            assertTrue(medianMillis > 25 && medianMillis < 45, "about 30 playhead messages a second: median gap " + medianMillis + " ms");
            assertTrue(moved, "the playhead moves");
        } finally {
            user.change("POST", "/api/playback/stop", null);
        }
    }

    @Test
    void badPlayAndSeekRequestsGet400NamingTheFieldAndUnknownTakes404() throws Exception {
        String play = "/api/takes/" + takeId + "/play";
        Map<String, String> bad = Map.of(
                "{\"fromSeconds\": \"soon\"}", "fromSeconds",
                "{\"fromSeconds\": -1}", "fromSeconds",
                "{\"fromSeconds\": 3600}", "past the take's end",
                "{\"loop\": {\"fromSeconds\": 1}}", "loop",
                "{\"loop\": {\"fromSeconds\": 1, \"toSeconds\": 0.5}}", "loop.toSeconds",
                "{\"loop\": {\"fromSeconds\": 0, \"toSeconds\": 2, \"count\": 3}}", "loop.count",
                "{\"speed\": 2}", "speed");
        for (var e : bad.entrySet()) {
            HttpResponse<String> r = user.change("POST", play, e.getKey());
            assertEquals(400, r.statusCode(), e.getKey() + " → " + r.body());
            assertTrue(r.body().contains(e.getValue()), e.getKey() + " names " + e.getValue() + ": " + r.body());
        }
        ok(user.change("POST", play, null));
        try {
            HttpResponse<String> r = user.change("POST", "/api/playback/seek", "{\"seconds\": \"x\"}");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(400, user.change("POST", "/api/playback/seek", "{}").statusCode());
            assertEquals(400, user.change("POST", "/api/playback/seek", "{\"seconds\": 3600}").statusCode());
        } finally {
            user.change("POST", "/api/playback/stop", null);
        }
        assertEquals(404, user.change("POST", "/api/takes/no-such-take/play", null).statusCode());
        assertEquals(403, user.send("POST", play, null, Map.of()).statusCode(), "without the CSRF token");
    }
}
