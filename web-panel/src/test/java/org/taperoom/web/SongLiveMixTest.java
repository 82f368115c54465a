package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A song's mix is heard while the song plays, as a take's is: through the real server, the
 * playback engine and the simulated interface's paced outputs. The song is made from a take of one
 * input of the simulator's 100 Hz sine (a cycle of exactly 480 frames at 48 kHz), so until the mix
 * changes every output sample equals the one a cycle before it.
 */
class SongLiveMixTest {
    static final int RATE = 48000;
    static final int CYCLE_FRAMES = 480;
    static PanelRig rig;
    static PanelRig.Client user;
    static String songId;
    static String lane;
    OutputCapture out;

    @BeforeAll
    static void makeASong() throws Exception {
        rig = new PanelRig(1);
        user = rig.loggedIn();
        String takeId = rig.recordTake(user, 4000);
        HttpResponse<String> r = user.change("POST", "/api/songs", "{\"title\":\"Live\",\"fromTake\":\"" + takeId + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode song = user.json(r);
        songId = song.get("id").asText();
        lane = song.get("lanes").get(0).get("name").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @AfterEach
    void stopPlaying() throws Exception {
        user.change("POST", "/api/playback/stop", null);
        rig.outputs.setOutputs(null);
        user.change("PUT", "/api/songs/" + songId + "/mix", "{}");
        user.change("PUT", "/api/songs/" + songId + "/master", "{}");
    }

    private void play() throws Exception {
        out = new OutputCapture(RATE, 20);
        rig.outputs.setOutputs(out);
        HttpResponse<String> r = user.change("POST", "/api/songs/" + songId + "/play", "{\"fromSeconds\": 0.6}");
        assertEquals(200, r.statusCode(), r.body());
    }

    private static String mix(String strip) {
        return "{\"tracks\": {\"" + lane + "\": " + strip + "}}";
    }

    /** The first output frame after the playing song's steady sine has begun, with a quarter second of it written past that. */
    private int steady() throws InterruptedException {
        out.awaitFrames(RATE);
        int steady = out.steadyFrom(CYCLE_FRAMES);
        out.awaitFrames(steady + RATE / 4);
        return steady;
    }

    /** The level change, dB, between a cycle before frame {@code heard} and one a quarter second after it. */
    private double stepDb(int heard) throws InterruptedException {
        out.awaitFrames(heard + RATE / 4 + CYCLE_FRAMES);
        double before = out.peak(heard - 2 * CYCLE_FRAMES, heard - CYCLE_FRAMES);
        double after = out.peak(heard + RATE / 4, heard + RATE / 4 + CYCLE_FRAMES);
        return 20 * Math.log10(after / before);
    }

    @Test
    void aLaneFaderMovedLiveWhileTheSongPlaysIsHeardOnTheOutputsAndNotSaved() throws Exception {
        play();
        int steady = steady();
        int sentAt = out.frames;
        HttpResponse<String> r = user.change("PUT", "/api/songs/" + songId + "/mix/live", mix("{\"fader_db\": -20}"));
        assertEquals(204, r.statusCode(), r.body());
        out.awaitFrames(out.frames + RATE / 2);
        int heard = out.firstChange(steady, out.frames, CYCLE_FRAMES);
        assertTrue(heard >= sentAt - out.periodFrames, "nothing changed before the move: changed at " + heard + ", sent near " + sentAt);
        assertEquals(-20, stepDb(heard), 0.2, "the level after the live move");
        JsonNode saved = user.json(user.get("/api/songs/" + songId + "/mix")).get("tracks");
        assertTrue(saved == null || saved.isEmpty(), "a live move is not saved: " + saved);
    }

    @Test
    void aSavedMixAndALaneMuteOfTheSongPlayingAreHeardAndALiveMoveNeedsItPlaying() throws Exception {
        HttpResponse<String> idle = user.change("PUT", "/api/songs/" + songId + "/mix/live", mix("{\"fader_db\": -3}"));
        assertEquals(409, idle.statusCode(), "nothing plays: " + idle.body());
        assertTrue(idle.body().contains("is not playing"), idle.body());
        play();
        int steady = steady();
        HttpResponse<String> bad = user.change("PUT", "/api/songs/" + songId + "/mix/live", "{\"tracks\": {\"no such lane\": {\"fader_db\": -3}}}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("no such lane"), bad.body());
        assertEquals(-1, out.firstChange(steady, out.frames, CYCLE_FRAMES), "a refused move is not heard");

        int savedAt = out.frames;
        assertEquals(200, user.change("PUT", "/api/songs/" + songId + "/mix", mix("{\"fader_db\": -10}")).statusCode());
        out.awaitFrames(out.frames + RATE / 2);
        int heard = out.firstChange(savedAt - out.periodFrames, out.frames, CYCLE_FRAMES);
        assertTrue(heard > 0, "the saved mix is heard while the song plays");
        assertEquals(-10, stepDb(heard), 0.2, "the level after the save");

        int mutedAt = out.frames;
        assertEquals(200, user.change("PATCH", "/api/songs/" + songId + "/lanes/1", "{\"mute\": true}").statusCode());
        out.awaitFrames(out.frames + RATE / 2);
        int silentFrom = out.frames - RATE / 10;
        assertTrue(out.firstChange(mutedAt - out.periodFrames, out.frames, CYCLE_FRAMES) > 0, "the lane's mute is heard");
        assertTrue(out.peak(silentFrom, out.frames) < 1e-4, "the muted lane is silent: peak " + out.peak(silentFrom, out.frames));
    }

    @Test
    void aSavedMasterEqOfTheSongPlayingIsHeardOnTheOutputs() throws Exception {
        play();
        int steady = steady();
        double peakBefore = out.peak(steady, out.frames);
        int savedAt = out.frames;
        // A 1 kHz high-pass on the master: the 100 Hz sine falls by far more than 20 dB.
        assertEquals(200, user.change("PUT", "/api/songs/" + songId + "/master",
                "{\"eq\": {\"high_pass\": {\"on\": true, \"frequency_hz\": 1000}}}").statusCode());
        out.awaitFrames(out.frames + RATE / 2);
        int heard = out.firstChange(savedAt - out.periodFrames, out.frames, CYCLE_FRAMES);
        assertTrue(heard > 0, "the saved master is heard while the song plays");
        double peakAfter = out.peak(out.frames - RATE / 10, out.frames);
        double dropDb = 20 * Math.log10(peakAfter / peakBefore);
        System.out.printf("song master high-pass at 1 kHz saved while playing: the 100 Hz sine falls %.1f dB%n", dropDb);
        assertTrue(dropDb < -20, "the master's high-pass is heard: " + dropDb + " dB");
    }
}
