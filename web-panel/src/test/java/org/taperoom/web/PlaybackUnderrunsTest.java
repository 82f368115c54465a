package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Underruns of the output while a take plays: an output that stalls (the playback thread held
 * inside a write, so the paced simulated device runs dry and is recovered) is counted in
 * /api/state and /api/playback, logged once per burst, and never moves the play position.
 */
class PlaybackUnderrunsTest {
    static final int RATE = 48000;
    static final int CYCLE_FRAMES = 480;
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;

    @BeforeAll
    static void recordOne() throws Exception {
        // A deep buffer (32 periods, 170 ms): the machine's own scheduling hiccups do not underrun
        // it, so the underruns counted are the ones made here.
        rig = new PanelRig(1, false, java.util.Map.of("bufferPeriods", "32"));
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 5000);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @Test
    void underrunsAreCountedInTheStateLoggedOncePerBurstAndKeepThePlayPosition() throws Exception {
        long before = user.json(user.get("/api/state")).get("playbackUnderruns").asLong();
        OutputCapture out = new OutputCapture(RATE, 20);
        rig.outputs.setOutputs(out);
        PanelLog log = PanelLog.mark();
        JsonNode started = user.json(user.change("POST", "/api/takes/" + takeId + "/play", "{\"fromSeconds\": 0.5}"));
        double from = started.get("positionSeconds").asDouble();
        long startNanos = System.nanoTime();
        Thread.sleep(600);
        // Burst one: three stalls of 250 ms, eight periods apart; burst two, 1.5 s later: two.
        out.stallMillis = 250;
        out.stalls.set(3);
        Thread.sleep(2500);
        out.stalls.set(2);
        Thread.sleep(2000);
        // Paused (the answer comes once the playback thread has taken it), the position holds and the output is silence.
        user.change("POST", "/api/playback/pause", null);
        Thread.sleep(200);
        JsonNode playing = user.json(user.get("/api/playback"));
        JsonNode state = user.json(user.get("/api/state"));
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        rig.outputs.setOutputs(null);

        long underruns = playing.get("underruns").asLong();
        System.out.printf("5 stalls of 250 ms: %d underruns and %d starved periods in /api/playback, %d more underruns in /api/state; position %.3f s after %.3f s of wall time from %.3f s%n",
                underruns, playing.get("starvedPeriods").asLong(), state.get("playbackUnderruns").asLong() - before, playing.get("positionSeconds").asDouble(), elapsed, from);
        assertTrue(underruns >= 5, "each stall is an underrun: " + playing);
        assertEquals(underruns, state.get("playbackUnderruns").asLong() - before, "/api/state counts the same underruns: " + state);

        // The position moved by exactly the frames the output was given while playing (none skipped over
        // for the time the output stood still), and what was played goes on sample for sample.
        int first = 0;
        while (out.left[first] == 0) first++;
        int last = out.frames - 1;
        while (out.left[last] == 0) last--;
        // From the frame asked for: the play answer's position may already count a period played,
        // and in seconds it is rounded to the millisecond (0.505 s for frame 24256 is 240 frames off).
        long moved = playing.get("positionFrame").asLong() - Math.round(0.5 * RATE);
        System.out.printf("position moved %d frames; the output played %d frames of the take (%.3f s of wall time)%n", moved, last + 1 - first, elapsed);
        assertEquals(last + 1 - first, moved, 4, "the position moved by the frames played, not by the time that passed");
        int steady = out.steadyFrom(CYCLE_FRAMES);
        int broke = out.firstChange(steady, last + 1, CYCLE_FRAMES);
        assertEquals(-1, broke, "the take's sine goes on across the stalls, from output frame " + steady + " to " + (last + 1)
                + " (a skip or a repeat would break it)");

        Thread.sleep(1300);
        user.json(user.get("/api/playback"));
        List<String> lines = log.since().lines().filter(l -> l.contains("underrun(s)")).toList();
        lines.forEach(l -> System.out.println("log: " + l));
        long logged = 0;
        for (String l : lines) logged += Long.parseLong(l.replaceAll(".*?(\\d+) underrun\\(s\\).*", "$1"));
        assertEquals(underruns, logged, "the lines account for every underrun: " + lines);
        // Two bursts made here; the machine's own load may add one elsewhere, never a line per underrun.
        assertTrue(lines.size() >= 2 && lines.size() < underruns, "one line per burst: " + lines);
        assertTrue(lines.stream().allMatch(l -> l.contains("position carried on")), lines.toString());
        user.change("POST", "/api/playback/stop", null);
    }
}
