package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The Tuner page in Debian's Chromium on the 800×480 screen, while the service records: it shows
 * the note and cents of the simulator's 440.5 Hz tone (A4 +1.97 cents) within a cent, follows a
 * new reference pitch, fits the screen, and its controls are touch-sized; in German too.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(value = 2, device = "sim:sine=" + TunerPageTest.TONE_HZ)
class TunerPageTest {
    static final double TONE_HZ = 440.5;
    static PanelRig rig;



    static double cents(double hz, double a4) {
        return 1200 * Math.log(hz / (a4 * Math.pow(2, Math.round(12 * Math.log(hz / a4) / Math.log(2)) / 12.0))) / Math.log(2);
    }

    /** The signed cents the page shows ("+2.0 cents", "−5.3 Cent"). */
    /** Chooses {@code value} in the metronome's select {@code css} and waits until the metronome plays it as {@code field}. */
    static void chooseAndAwait(Browser b, PanelRig.Client c, String css, String field, int value) {
        new org.openqa.selenium.support.ui.Select(b.find(css)).selectByValue(String.valueOf(value));
        b.until(d -> {
            try {
                return c.json(c.get("/api/metronome")).get(field).asInt() == value ? true : null;
            } catch (Exception e) {
                return null;
            }
        });
    }

    static double shownCents(Browser b) {
        String text = b.find("#tuner-cents").getText();
        String number = text.replace('−', '-').replace(',', '.').replaceAll("[^0-9.+-]", "");
        return Double.parseDouble(number);
    }

    @Test
    void whileTheServiceRecordsThePageShowsTheSimulatorsToneAsA4WithinOneCentAndFollowsTheReference() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        assertEquals(202, c.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("tuner");
            b.until(d -> "A4".equals(d.findElement(By.id("tuner-note")).getText()) ? true : null);
            double shown = shownCents(b);
            double truth = cents(TONE_HZ, 440);
            System.out.printf("tuner page: A4 %+.1f cents shown, %+.3f true%n", shown, truth);
            assertEquals(truth, shown, 1.0, "cents the page shows for " + TONE_HZ + " Hz against A4 = 440 Hz");
            assertEquals("In tune", b.find("#tuner-verdict").getText(), "the verdict in words, not only colour");
            b.screenshot("tuner-800x480");

            // A4 = 436 Hz: the same tone is A4 about +17.8 cents, and the page says it is sharp.
            for (int i = 0; i < 4; i++) b.find("#tuner-a4-lower").click();
            b.until(d -> d.findElement(By.id("tuner-status")).getText().contains("A4 = 436 Hz")
                    && d.findElement(By.id("tuner-verdict")).getText().equals("Sharp") ? true : null);
            assertEquals(cents(TONE_HZ, 436), shownCents(b), 1.0, "cents against A4 = 436 Hz");
            JsonNode state = c.json(c.get("/api/tuner"));
            assertEquals(436, state.get("a4Hz").asDouble());
            assertTrue(state.get("on").asBoolean());

            SmallScreensTest.assertNoSidewaysScrolling(b, 800, "tuner");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> small = (List<Map<String, Object>>) b.js(
                    "return [...document.querySelectorAll('#view button, #view select, #view input')]"
                            + ".map(e => ({id: e.id, w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height}))"
                            + ".filter(r => r.w < 48 || r.h < 48);");
            assertEquals(List.of(), small, "controls smaller than 48 px");
            double noteTop = ((Number) b.js("return document.getElementById('tuner-note').getBoundingClientRect().bottom")).doubleValue();
            assertTrue(noteTop <= 480, "the note is on the first screen: " + noteTop);

            // The metronome on the same page: started, tempo stepped, meter, subdivisions, level and sound changed, tapped, stopped.
            b.find("#metronome-faster").click();
            b.find("#metronome-faster").click();
            b.find("#metronome-toggle").click();
            b.until(d -> "true".equals(d.findElement(By.id("metronome-toggle")).getAttribute("aria-pressed")) ? true : null);
            JsonNode metronome = c.json(c.get("/api/metronome"));
            assertTrue(metronome.get("on").asBoolean());
            assertEquals(122, metronome.get("bpm").asDouble());
            chooseAndAwait(b, c, "#metronome-beats", "beatsPerBar", 3);
            chooseAndAwait(b, c, "#metronome-subdivisions", "subdivisions", 3);
            assertTrue(b.find("#metronome-status").getText().contains("triplets"), b.find("#metronome-status").getText());
            chooseAndAwait(b, c, "#metronome-level", "levelDb", -24);
            new org.openqa.selenium.support.ui.Select(b.find("#metronome-sound")).selectByValue("wood");
            b.until(d -> {
                try {
                    return c.json(c.get("/api/metronome")).get("sound").asText().equals("wood") ? true : null;
                } catch (Exception e) {
                    return null;
                }
            });
            // Five taps half a second apart, timed by the page's own clock (WebDriver's clicks take their own time).
            b.js("const tap = document.getElementById('metronome-tap');"
                    + "for (let i = 0; i < 5; i++) setTimeout(() => tap.click(), 500 * i);");
            Thread.sleep(2600);
            double tapped = Double.parseDouble(b.find("#metronome-bpm").getAttribute("value"));
            assertEquals(120, tapped, 15, "five taps half a second apart");
            b.find("#metronome-toggle").click();
            b.until(d -> "false".equals(d.findElement(By.id("metronome-toggle")).getAttribute("aria-pressed")) ? true : null);
            assertTrue(!c.json(c.get("/api/metronome")).get("on").asBoolean(), "stopped");

            b.page("record");
            b.until(d -> {
                try {
                    return !c.json(c.get("/api/tuner")).get("on").asBoolean() ? true : null;
                } catch (Exception e) {
                    return null;
                }
            });
        } finally {
            c.change("POST", "/api/transport/stop", null);
            rig.awaitState("idle", 10000);
        }
        assertTrue(c.json(c.get("/api/takes")).size() >= 1, "the take recorded while tuning was kept");
    }

    @Test
    void inGermanThePageSpeaksGerman() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.js("localStorage.setItem('taperoom.lang', 'de')");
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("tuner");
            assertEquals("Stimmgerät", b.find("#view h1").getText());
            b.until(d -> "A4".equals(d.findElement(By.id("tuner-note")).getText()) ? true : null);
            assertTrue(b.find("#tuner-cents").getText().endsWith("Cent"), b.find("#tuner-cents").getText());
            assertEquals("Gestimmt", b.find("#tuner-verdict").getText());
        }
    }

    @Test
    void badTunerRequestsAreRefusedNamingTheField() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        HttpResponse<String> r = c.change("POST", "/api/tuner", "{\"input\": 3}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("input"), r.body());
        HttpResponse<String> a4 = c.change("POST", "/api/tuner", "{\"input\": 1, \"a4Hz\": 500}");
        assertEquals(400, a4.statusCode(), a4.body());
        assertTrue(a4.body().contains("a4Hz"), a4.body());
    }
}
