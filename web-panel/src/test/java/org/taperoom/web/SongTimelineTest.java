package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * The Song page's timeline in Debian's headless Chromium on the 800×480 touch screen: a ruler of
 * bars from the song's tempo and time signature, readable, with the take's marker on it; the pass
 * blocks drawing their waveforms; and a finger dragging the punch region out on the ruler, the
 * punch fields following the drag.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(2)
class SongTimelineTest {
    static PanelRig rig;

    /** A take of about {@code millis} with a marker "chorus" dropped halfway, made into a song; answers the song. */
    static JsonNode songWithAMarker(PanelRig.Client api, long millis) throws Exception {
        assertEquals(202, api.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        Thread.sleep(millis / 2);
        assertEquals(true, api.change("POST", "/api/markers", "{\"label\": \"chorus\"}").statusCode() < 300);
        Thread.sleep(millis / 2);
        assertEquals(202, api.change("POST", "/api/transport/stop", null).statusCode());
        rig.awaitState("idle", 10000);
        String takeId = api.json(api.get("/api/takes")).get(0).get("id").asText();
        String id = api.json(api.change("POST", "/api/songs", "{\"title\": \"Timeline\", \"fromTake\": \"" + takeId + "\"}")).get("id").asText();
        return api.json(api.get("/api/songs/" + id));
    }

    static Browser openSong(JsonNode song) throws Exception {
        Browser b = new Browser(800, 480, true);
        b.open(rig.base.toString());
        b.logIn(PanelRig.PIN);
        b.js("sessionStorage.setItem('taperoom.song', arguments[0])", song.get("id").asText());
        b.page("song");
        b.find("#song-ruler");
        b.js("document.getElementById('song-ruler').scrollIntoView({block: 'center'})");
        return b;
    }

    static void touch(Browser b, String type, double x, double y) {
        ((ChromiumDriver) b.driver).executeCdpCommand("Input.dispatchTouchEvent", Map.of(
                "type", type, "touchPoints", type.equals("touchEnd") ? List.of() : List.of(Map.of("x", x, "y", y))));
    }

    /** A one-finger drag along the ruler from one fraction of its width to another, in steps. */
    static void drag(Browser b, double fromFraction, double toFraction) throws InterruptedException {
        double[] r = ruler(b);
        double y = r[1] + r[3] / 2;
        touch(b, "touchStart", r[0] + fromFraction * r[2], y);
        for (int i = 1; i <= 8; i++) {
            touch(b, "touchMove", r[0] + (fromFraction + (toFraction - fromFraction) * i / 8) * r[2], y);
            Thread.sleep(20);
        }
        touch(b, "touchEnd", 0, 0);
    }

    /** The ruler's left, top, width and height in the viewport's CSS pixels. */
    @SuppressWarnings("unchecked")
    static double[] ruler(Browser b) {
        List<Number> r = (List<Number>) b.js("const r = document.getElementById('song-ruler').getBoundingClientRect();"
                + "return [r.left, r.top, r.width, r.height];");
        return r.stream().mapToDouble(Number::doubleValue).toArray();
    }

    static double field(Browser b, String id) {
        return Double.parseDouble((String) b.js("return document.getElementById(arguments[0]).value", id));
    }

    @Test
    void theRulerNumbersTheBarsFromTheSongsTempoAndShowsTheTakesMarkerWhereItFalls() throws Exception {
        PanelRig.Client api = rig.loggedIn();
        JsonNode song = songWithAMarker(api, 5000);
        double barSeconds = 60 / song.get("tempoBpm").asDouble() * Integer.parseInt(song.get("timeSignature").asText().split("/")[0]);
        double length = song.get("lengthSeconds").asDouble();
        double markerSeconds = song.get("lanes").get(0).get("passes").get(0).get("markers").get(0).get("seconds").asDouble();
        assertTrue(markerSeconds > 1 && markerSeconds < length - 1, "the marker dropped halfway is in the song at " + markerSeconds + " s of " + length);
        try (Browser b = openSong(song)) {
            double[] r = ruler(b);
            @SuppressWarnings("unchecked")
            List<List<Object>> bars = (List<List<Object>>) b.js("return [...document.querySelectorAll('#song-ruler .ruler-bar')].map((e) => {"
                    + "const r = e.getBoundingClientRect(); return [e.textContent, r.left, parseFloat(getComputedStyle(e).fontSize)]; })");
            int expected = (int) Math.ceil(length / barSeconds);
            assertEquals(expected, bars.size(), "one numbered bar line per bar of " + barSeconds + " s in " + length + " s");
            for (int i = 0; i < bars.size(); i++) {
                assertEquals(String.valueOf(i + 1), bars.get(i).get(0));
                double x = ((Number) bars.get(i).get(1)).doubleValue();
                assertEquals(r[0] + i * barSeconds / length * r[2], x, 2.0, "bar " + (i + 1) + " stands where its first beat falls");
                assertTrue(((Number) bars.get(i).get(2)).doubleValue() >= 12, "bar numbers are readable: " + bars.get(i));
                assertTrue(x >= 0 && x < 800, "bar " + (i + 1) + " is on the screen");
            }
            @SuppressWarnings("unchecked")
            List<Object> marker = (List<Object>) b.js("const e = document.querySelector('#song-ruler [data-flag=marker]');"
                    + "return e && [e.textContent, e.getBoundingClientRect().left];");
            assertTrue(marker != null, "the take's marker is on the ruler");
            assertTrue(((String) marker.get(0)).contains("chorus"), "the marker says its label in words: " + marker.get(0));
            assertEquals(r[0] + markerSeconds / length * r[2], ((Number) marker.get(1)).doubleValue(), 2.0);

            // The pass blocks draw their track's peaks (the simulator's sine: not a blank canvas).
            b.until(d -> d.findElements(By.cssSelector("canvas.pass-wave[data-drawn=true]")).size() == 2 ? true : null);
            Number lit = (Number) b.js("const c = document.querySelector('canvas.pass-wave'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n / (c.width * c.height);");
            assertTrue(lit.doubleValue() > 0.05, "the waveform covers part of its block: " + lit);
            b.screenshot("kiosk-song-ruler");
        }
    }

    @Test
    void aFingerDraggedAlongTheRulerSetsThePunchFieldsAndADragFromItsEdgeMovesThatEdge() throws Exception {
        PanelRig.Client api = rig.loggedIn();
        JsonNode song = songWithAMarker(api, 4000);
        double length = song.get("lengthSeconds").asDouble();
        try (Browser b = openSong(song)) {
            assertEquals(true, b.js("return document.getElementById('punch-region').hidden"), "no punch region before a drag");
            drag(b, 0.25, 0.75);
            assertEquals(0.25 * length, field(b, "punch-in"), 0.1 + length / ruler(b)[2], "punch in where the finger went down");
            assertEquals(0.75 * length, field(b, "punch-out"), 0.1 + length / ruler(b)[2], "punch out where it was lifted");
            assertTrue(b.find("#punch-region").isDisplayed(), "the punch region is drawn");
            assertTrue(b.find("#punch-out").isDisplayed(), "the punch fields open to show where the drag put them");

            // Drawn backwards, and then the out edge taken further: the region follows the finger.
            drag(b, 0.6, 0.1);
            assertEquals(0.1 * length, field(b, "punch-in"), 0.1 + length / ruler(b)[2]);
            assertEquals(0.6 * length, field(b, "punch-out"), 0.1 + length / ruler(b)[2]);
            drag(b, 0.6, 0.9);
            assertEquals(0.1 * length, field(b, "punch-in"), 0.1 + length / ruler(b)[2], "the in point stays when the out edge is moved");
            assertEquals(0.9 * length, field(b, "punch-out"), 0.1 + length / ruler(b)[2]);

            // A field typed in moves the region; the region's label says loop when cycles are set.
            b.js("const c = document.getElementById('loop-cycles'); c.value = '2'; c.dispatchEvent(new Event('input'));");
            assertEquals("true", b.find("#punch-region").getAttribute("data-loop"));
            b.screenshot("kiosk-song-punch-drag");
        }
    }
}
