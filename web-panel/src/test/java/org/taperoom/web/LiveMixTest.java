package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.render.Normalisation;
import org.taperoom.appliance.dsp.settings.MasterSettings;

/**
 * The Mix page's changes reach the playing mix: through the real server, the playback engine and
 * the simulated interface's paced outputs. The take is one input of the simulator's 100 Hz sine
 * (a cycle of exactly 480 frames at 48 kHz), so until the mix changes every output sample equals
 * the one a cycle before it: the first that does not is where the change is heard.
 */
class LiveMixTest {
    static final int RATE = 48000;
    static final int CYCLE_FRAMES = 480;
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;
    static String stem;
    OutputCapture out;

    @BeforeAll
    static void recordOne() throws Exception {
        rig = new PanelRig(1);
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 4000);
        stem = user.json(user.get("/api/takes/" + takeId)).get("tracks").get(0).get("stem").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @AfterEach
    void stopPlaying() throws Exception {
        user.change("POST", "/api/playback/stop", null);
        rig.outputs.setOutputs(null);
        user.change("PUT", "/api/takes/" + takeId + "/mix", "{}");
    }

    private JsonNode play() throws Exception {
        out = new OutputCapture(RATE, 20);
        rig.outputs.setOutputs(out);
        HttpResponse<String> r = user.change("POST", "/api/takes/" + takeId + "/play", "{\"fromSeconds\": 0.6}");
        assertEquals(200, r.statusCode(), r.body());
        return user.json(r);
    }

    private static String mix(String track) {
        return "{\"tracks\": {\"" + stem + "\": " + track + "}}";
    }

    /** Waits until the output holds {@code frames} frames past {@code from}. */
    private void awaitFrames(int from, int frames) throws InterruptedException {
        out.awaitFrames(from + frames);
    }

    /** The first frame at or after {@code from} that differs from the one a cycle before, or -1. */
    private int firstChange(int from, int to) {
        return out.firstChange(from, to, CYCLE_FRAMES);
    }

    /** The first output frame after the playing take's steady sine has begun (the seek's refill and the limiter's start). */
    private int steadyFrom() throws InterruptedException {
        awaitFrames(0, RATE);
        return out.steadyFrom(CYCLE_FRAMES);
    }

    @Test
    void aFaderMovePostedWhileTheTakePlaysIsHeardOnTheOutputsWithinOneBlockAndTheLookAhead() throws Exception {
        play();
        int steady = steadyFrom();
        awaitFrames(steady, RATE / 4);
        int period = out.periodFrames;
        int lookAhead = Normalisation.of(MasterSettings.DEFAULT, RATE, 0).streamLimiter(RATE, period).latencyFrames();

        long sent = System.nanoTime();
        HttpResponse<String> r = user.change("PUT", "/api/takes/" + takeId + "/mix/live", mix("{\"fader_db\": -20}"));
        long answered = System.nanoTime();
        assertEquals(204, r.statusCode(), r.body());
        Thread.sleep(500);
        int postedAt = out.firstFrameWrittenAfter(sent);
        int answeredAt = out.firstFrameWrittenAfter(answered);
        assertTrue(answeredAt > 0, "periods were written after the answer");
        awaitFrames(answeredAt, RATE / 2);
        int heard = firstChange(steady, out.frames);
        System.out.printf("live fader move: heard %d frames after the first period written once the request was answered"
                        + " (%d after the one written when it was sent); bound: %d (a block in progress, the next, the limiter's %d-frame look-ahead)%n",
                heard - answeredAt, heard - postedAt, 2 * period + lookAhead, lookAhead);
        assertTrue(heard >= postedAt, "nothing changed before the request was sent: changed at " + heard + ", sent at " + postedAt);
        assertTrue(heard - answeredAt <= 2 * period + lookAhead,
                "the change is heard within the block in progress, the next and the look-ahead: " + (heard - answeredAt) + " frames");
        // And it is the fader: a cycle's peak half a second on is 20 dB down on the one before the change.
        double before = peak(heard - 2 * CYCLE_FRAMES, heard - CYCLE_FRAMES);
        double after = peak(heard + RATE / 4, heard + RATE / 4 + CYCLE_FRAMES);
        assertEquals(-20, 20 * Math.log10(after / before), 0.2, "the level after the move");
        assertEquals("{}", savedMix(), "a live change is not saved");
    }

    @Test
    void faderMuteAndPanMovesWhilePlayingMakeNoClick() throws Exception {
        play();
        int steady = steadyFrom();
        awaitFrames(steady, RATE / 4);
        float sineStep = out.maxStep(steady, steady + 4 * CYCLE_FRAMES);
        String[] moves = {"{\"fader_db\": -12}", "{\"fader_db\": -12, \"mute\": true}", "{\"fader_db\": -12}",
                "{\"fader_db\": -12, \"pan\": 0.9}", "{\"fader_db\": 0, \"pan\": 0.9}", "{\"fader_db\": -6, \"pan\": -0.2}"};
        int firstMove = out.frames;
        for (String m : moves) {
            assertEquals(204, user.change("PUT", "/api/takes/" + takeId + "/mix/live", mix(m)).statusCode());
            Thread.sleep(60);
        }
        int end = out.frames;
        awaitFrames(end, RATE / 10);
        int changed = firstChange(firstMove, out.frames);
        float step = out.maxStep(firstMove, out.frames);
        System.out.printf("six moves while playing: largest sample-to-sample step %.5f, the steady sine's own %.5f%n", step, sineStep);
        assertTrue(changed > 0, "the moves were heard");
        assertTrue(step <= sineStep * 1.02f, "no step larger than the sine's own (a click would be): " + step + " vs " + sineStep);
    }

    @Test
    void aSavedMixOfTheTakePlayingIsHeardAndKeptAndALiveOneNeedsItPlaying() throws Exception {
        assertEquals(409, user.change("PUT", "/api/takes/" + takeId + "/mix/live", mix("{\"fader_db\": -3}")).statusCode(),
                "nothing plays");
        play();
        int steady = steadyFrom();
        awaitFrames(steady, RATE / 4);
        int before = out.frames;
        HttpResponse<String> bad = user.change("PUT", "/api/takes/" + takeId + "/mix/live", mix("{\"fader_db\": \"loud\"}"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("fader_db"), bad.body());
        assertEquals(200, user.change("PUT", "/api/takes/" + takeId + "/mix", mix("{\"fader_db\": -10}")).statusCode());
        awaitFrames(out.frames, RATE / 2);
        int heard = firstChange(before, out.frames);
        assertTrue(heard > 0, "the saved mix is heard while the take plays");
        JsonNode saved = user.json(user.get("/api/takes/" + takeId + "/mix"));
        assertEquals(-10, saved.get("tracks").get(stem).get("fader_db").asDouble(), saved.toString());
    }

    private double peak(int from, int to) {
        return out.peak(from, to);
    }

    private String savedMix() throws Exception {
        ObjectNode m = (ObjectNode) user.json(user.get("/api/takes/" + takeId + "/mix"));
        JsonNode tracks = m.get("tracks");
        return tracks == null || tracks.isEmpty() ? "{}" : tracks.toString();
    }
}
