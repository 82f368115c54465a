package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Song page in Debian's headless Chromium on the 800×480 touch screen, against the real
 * server and the simulated interface: make a song from a take (from the Takes page), record a
 * pass over it, see it in its lane, record another, switch back to the first, punch in a loop of
 * two cycles, play the song, render it, set its punch crossfade, delete it and undo that. The
 * interface's outputs loop back to its inputs (its
 * streams count from one start).
 * Screenshots go to web-panel/target/screenshots.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(value = 2, device = "sim:loopback=0")
class SongPageFlowTest {
    static PanelRig rig;

    static void recordAPass(Browser b, String lane) throws InterruptedException {
        WebElement laneName = b.find("#pass-lane");
        laneName.clear();
        laneName.sendKeys(lane);
        tap(b, "#record-pass");
        b.until(d -> "true".equals(d.findElement(By.id("record-pass")).getAttribute("data-overdubbing")) ? true : null);
        b.until(d -> "overdubbing".equals(d.findElement(By.id("state-pill")).getText().toLowerCase()) ? true : null);
        Thread.sleep(900);
        tap(b, "#record-pass");
        b.until(d -> "false".equals(d.findElement(By.id("record-pass")).getAttribute("data-overdubbing")) ? true : null);
    }

    /** Clicks after scrolling the element to the middle of the screen (the sticky header covers the top). */
    static void tap(Browser b, String css) {
        WebElement e = b.find(css);
        b.js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    static String activePass(Browser b, String lane) {
        return (String) b.js("const l = document.querySelector('.song-lane[data-lane-name=\"' + arguments[0] + '\"]');"
                + "const a = l && l.querySelector('.pass-block[aria-current=\"true\"]'); return a ? a.dataset.pass : null;", lane);
    }

    @Test
    void aPersonMakesASongFromATakeRecordsPassesOverItSwitchesThePassHeardAndPlaysIt() throws Exception {
        PanelRig.Client api = rig.loggedIn();
        String takeId = rig.recordTake(api, 800);
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            // The take's "Make a song" on the Takes page opens the Song page with that take chosen.
            b.page("takes");
            tap(b, "#take-list .take[data-take='" + takeId + "']");
            tap(b, "#make-song-from-take");
            b.until(d -> "song".equals(d.findElement(By.id("view")).getAttribute("data-page")) ? true : null);
            b.until(d -> takeId.equals(b.js("const s = document.getElementById('song-take-select'); return s && s.value")) ? true : null);
            WebElement title = b.find("#song-title");
            title.clear();
            title.sendKeys("Wall song");
            tap(b, "#make-song");
            b.until(d -> d.findElements(By.cssSelector("#song-detail .song-lane")).size() == 2 ? true : null);
            assertEquals("Wall song", b.find("#song-detail [data-song-name]").getText());
            String songId = api.json(api.get("/api/songs")).get(0).get("id").asText();

            // Arm input 1 only.
            for (WebElement arm : b.driver.findElements(By.cssSelector("[data-arm]"))) {
                boolean want = arm.getAttribute("data-arm").equals("1");
                if (Boolean.parseBoolean(arm.getAttribute("aria-pressed")) != want) arm.click();
            }
            recordAPass(b, "Vox");
            b.until(d -> d.findElements(By.cssSelector(".song-lane[data-lane-name='Vox'] .pass-block")).size() == 1 ? true : null);
            b.screenshot("kiosk-song-first-pass");
            recordAPass(b, "Vox");
            b.until(d -> d.findElements(By.cssSelector(".song-lane[data-lane-name='Vox'] .pass-block")).size() == 2 ? true : null);
            assertEquals("2", activePass(b, "Vox"), "the newest pass is the one heard");

            tap(b, ".song-lane[data-lane-name='Vox'] .pass-block[data-pass='1']");
            b.until(d -> "1".equals(activePass(b, "Vox")) ? true : null);
            JsonNode vox = api.json(api.get("/api/songs/" + songId)).get("lanes").get(2);
            assertEquals(1, vox.get("active").asInt(), "the server keeps the choice");
            assertTrue(b.find(".song-lane[data-lane-name='Vox'] .pass-block[data-pass='1']").getText().contains("heard"),
                    "the pass heard says so in words, not only in colour");

            // A looped punch: two cycles of 0.2 s from 0.3 s, each a pass of its own; it ends by itself.
            tap(b, "#punch-box summary");
            for (String[] f : new String[][] {{"#punch-from", "0.1"}, {"#punch-in", "0.3"}, {"#punch-out", "0.5"}, {"#loop-cycles", "2"}}) {
                b.find(f[0]).sendKeys(f[1]);
            }
            WebElement lane = b.find("#pass-lane");
            lane.clear();
            lane.sendKeys("Loop");
            tap(b, "#record-pass");
            b.until(d -> d.findElements(By.cssSelector(".song-lane[data-lane-name='Loop'] .pass-block")).size() == 2 ? true : null);
            rig.awaitState("idle", 15000);
            JsonNode loop = api.json(api.get("/api/songs/" + songId)).get("lanes").get(3);
            assertEquals(14400, loop.get("passes").get(1).get("offsetFrames").asLong(), "each cycle sits at the punch-in");
            assertEquals(9600, loop.get("passes").get(1).get("lengthFrames").asLong(), "and holds the region");
            b.screenshot("kiosk-song-loop");

            tap(b, "#play-song");
            b.until(d -> songId.equals(playingSong(api)) ? true : null);
            b.until(d -> b.js("const h = document.getElementById('song-playhead'); return h && !h.hidden && parseFloat(h.style.left) > 0 ? true : null"));
            b.screenshot("kiosk-song-playing");

            tap(b, "#render-song");
            // The render's own file (each pass also left a quick mix, *-quick-mix.mp3, in the list).
            b.until(d -> Boolean.TRUE.equals(b.js("return [...document.querySelectorAll('#song-renders a')].some(a => /-mix\\.wav$/.test(a.textContent))")) ? true : null);
            b.until(d -> "1".equals(d.findElement(By.id("render-progress")).getAttribute("value")) ? true : null);
            assertEquals("Rendered", b.find("#render-status").getText());

            SmallScreensTest.assertNoSidewaysScrolling(b, 800, "the Song page at 800×480");
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) b.js("return [...document.querySelectorAll('#song-detail button, #song-detail select, #song-chooser button, #song-chooser select')]"
                    + ".filter(e => e.offsetParent !== null).map(e => [e, e.getBoundingClientRect()])"
                    + ".filter(([e, r]) => r.height < 47.5 || r.width < 47.5).map(([e, r]) => (e.id || e.className || e.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))");
            assertEquals(List.of(), small, "every control is a touch target of at least 48 px");
            b.screenshot("kiosk-song");

            // The song's punch crossfade is set on the page and kept by the server.
            // The page redraws when the song changes (the render finished above sends a songs event), so
            // the field is looked up again until the server holds the value typed into it.
            b.until(d -> {
                try {
                    if (api.json(api.get("/api/songs/" + songId)).get("punchCrossfadeMs").asDouble() == 0) return true;
                    WebElement fade = d.findElement(By.id("punch-crossfade"));
                    b.js("arguments[0].scrollIntoView({block: 'center'})", fade);
                    fade.clear();
                    fade.sendKeys("0\t");
                    return null;
                } catch (Exception e) {
                    return null;
                }
            });

            // The whole song to the trash, and back with the toast's undo.
            tap(b, "#delete-song");
            b.until(d -> d.findElements(By.id("song-detail")).isEmpty() ? true : null);
            assertEquals(404, api.get("/api/songs/" + songId).statusCode(), "the song is in the trash");
            assertEquals(200, api.get("/api/takes/" + takeId).statusCode(), "its take stays");
            b.find("#toast-action").click();
            b.until(d -> d.findElements(By.cssSelector("#song-detail .song-lane")).size() == 4 ? true : null);
            assertEquals(200, api.get("/api/songs/" + songId).statusCode(), "the undo brings the song back");
        }
    }

    static String playingSong(PanelRig.Client api) {
        try {
            JsonNode p = api.json(api.get("/api/playback"));
            return p.path("song").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
