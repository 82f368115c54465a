package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Mix page as a song's desk, in Debian's Chromium against the real server and the playback
 * engine on the simulated outputs: opened from the Song page's Mix action, its strips are the
 * song's lanes, its play button plays the song with meters from the engine, and a fader move goes
 * to the song's live route and is heard on the outputs. The song is made from a take of two
 * inputs; lane 1 (the simulator's 100 Hz sine, a cycle of 480 frames at 48 kHz) is soloed.
 */
class SongMixPageTest {
    static final int RATE = 48000;
    static final int CYCLE_FRAMES = 480;
    static PanelRig rig;
    static PanelRig.Client api;
    static String songId;

    @BeforeAll
    static void makeASongOfTwoLanes() throws Exception {
        rig = new PanelRig(2);
        api = rig.loggedIn();
        String takeId = rig.recordTake(api, 6000);
        var r = api.change("POST", "/api/songs", "{\"title\":\"Desk song\",\"fromTake\":\"" + takeId + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        songId = api.json(r).get("id").asText();
        assertEquals(200, api.change("PATCH", "/api/songs/" + songId + "/lanes/1", "{\"name\":\"Bass\"}").statusCode());
        assertEquals(200, api.change("PATCH", "/api/songs/" + songId + "/lanes/2", "{\"name\":\"Vox\"}").statusCode());
        assertEquals(200, api.change("PUT", "/api/songs/" + songId + "/mix", "{\"tracks\": {\"Bass\": {\"solo\": true}}}").statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        api.change("POST", "/api/playback/stop", null);
        rig.close();
    }

    static double db(Browser b, String meterId) {
        Object v = b.js("const f = document.querySelector('#' + arguments[0] + ' .strip-meter-fill');"
                + "return f && f.dataset.db ? parseFloat(f.dataset.db) : -120;", meterId);
        return ((Number) v).doubleValue();
    }

    /** Logs in and opens the song on the Song page, as its chooser does. */
    static void openTheSong(Browser b) {
        b.open(rig.base.toString());
        b.logIn(PanelRig.PIN);
        b.page("song");
        b.until(d -> b.js("const s = document.getElementById('song-select'); return s && [...s.options].some(o => o.value === arguments[0]) ? true : null", songId));
        b.js("const s = document.getElementById('song-select'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", songId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSongPagesMixActionOpensTheSongsLanesAsStripsAndAFaderMoveIsSentLiveAndHeard() throws Exception {
        OutputCapture out = new OutputCapture(RATE, 20);
        rig.outputs.setOutputs(out);
        try (Browser b = new Browser(1280, 900, false)) {
            openTheSong(b);
            b.find("#mix-song").click();
            b.until(d -> "mix".equals(b.find("#view").getDomAttribute("data-page")) ? true : null);
            b.find(".strip");
            List<String> names = (List<String>) b.js("return [...document.querySelectorAll('#strips .strip[data-track] .strip-name')].map(e => e.textContent)");
            assertEquals(List.of("1 · Bass", "2 · Vox"), names, "the strips are the song's lanes");
            assertEquals("Desk song", b.find("[data-take-name]").getText());
            // Every PUT the page makes, in order: which route a move went to.
            b.js("window.putsSeen = []; const f = window.fetch; window.fetch = (u, o) => { if (o && o.method === 'PUT') window.putsSeen.push(String(u)); return f(u, o); };");

            b.find("#mix-play").click();
            b.until(d -> "true".equals(b.find("#mix-play").getDomAttribute("aria-pressed")) ? true : null);
            b.until(d -> db(b, "strip-meter-1") > -30 && db(b, "master-meter-left") > -30 ? true : null);
            assertEquals(songId, api.json(api.get("/api/playback")).get("song").asText(), "the song plays");
            out.awaitFrames(RATE);
            int steady = out.steadyFrom(CYCLE_FRAMES);
            out.awaitFrames(steady + RATE / 4);

            int movedAt = out.frames;
            b.js("const e = document.getElementById('fader-1'); e.value = '-20'; e.dispatchEvent(new Event('input'));");
            String live = "/api/songs/" + songId + "/mix/live";
            b.until(d -> ((List<String>) b.js("return window.putsSeen")).contains(live) ? true : null);
            out.awaitFrames(out.frames + RATE / 2);
            int heard = out.firstChange(steady, out.frames, CYCLE_FRAMES);
            assertTrue(heard >= movedAt - out.periodFrames, "heard after the move: changed at " + heard + ", moved near " + movedAt);
            double before = out.peak(heard - 2 * CYCLE_FRAMES, heard - CYCLE_FRAMES);
            double after = out.peak(heard + RATE / 4, heard + RATE / 4 + CYCLE_FRAMES);
            assertEquals(-20, 20 * Math.log10(after / before), 0.2, "the level on the outputs after the fader move");
            List<String> puts = (List<String>) b.js("return window.putsSeen");
            assertEquals(live, puts.get(0), "the move went to the song's live route first: " + puts);
            b.until(d -> {
                try {
                    return api.json(api.get("/api/songs/" + songId + "/mix")).path("tracks").path("Bass").path("fader_db").asDouble() == -20 ? true : null;
                } catch (Exception e) {
                    return null;
                }
            });
            b.screenshot("song-mix");
        }
    }

    @Test
    void theSongPagesQuickMixButtonMakesAnMp3ListedWithTheSongsRenders() throws Exception {
        try (Browser b = new Browser(800, 480, false)) {
            openTheSong(b);
            var quick = b.find("#quick-mix-song");
            b.js("arguments[0].scrollIntoView({block: 'center'})", quick);
            quick.click();
            String listed = b.until(d -> {
                Object name = b.js("const a = [...document.querySelectorAll('#song-renders a')].find(e => /-quick-mix\\.mp3$/.test(e.textContent)); return a ? a.textContent : null");
                return (String) name;
            });
            assertTrue(listed.matches("[0-9]{8}-[0-9]{6}-quick-mix\\.mp3"), listed);
            assertEquals("Rendered", b.find("#render-status").getText(), "the page says the quick mix is done");
        }
    }
}
