package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The Mix page as a desk, in Debian's Chromium against the real server and the playback engine on
 * the simulated interface's outputs: the fader's 0 dB detent and double-tap reset, a control of a
 * strip's detail view heard in the playing mix, the master strip's EQ and glue saved into the
 * master, and the strips scrolling sideways in their own row on the small screens while the page
 * does not. The take has eight tracks, each the simulator's sine (track 1: 100 Hz, a cycle of 480
 * frames at 48 kHz); track 1 is soloed, so the outputs play it alone.
 */
class MixDeskTest {
    static final int RATE = 48000;
    static final int CYCLE_FRAMES = 480;
    /** The page's detent: a drag ending within this of 0 dB lands on 0 dB. */
    static final double DETENT_DB = 0.75;
    static PanelRig rig;
    static PanelRig.Client api;
    static String takeId;
    static String stem1;

    @BeforeAll
    static void recordEightTracksAndSoloTheFirst() throws Exception {
        rig = new PanelRig(8);
        api = rig.loggedIn();
        takeId = rig.recordTake(api, 6000);
        stem1 = api.json(api.get("/api/takes/" + takeId)).get("tracks").get(0).get("stem").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @AfterEach
    void resetTheTake() throws Exception {
        api.change("POST", "/api/playback/stop", null);
        rig.outputs.setOutputs(null);
        assertEquals(200, api.change("PUT", "/api/takes/" + takeId + "/mix", soloFirst()).statusCode());
        assertEquals(200, api.change("PUT", "/api/takes/" + takeId + "/master", "{}").statusCode());
    }

    static String soloFirst() {
        return "{\"tracks\": {\"" + stem1 + "\": {\"solo\": true}}}";
    }

    Browser open(int width, int height, boolean mobile) throws Exception {
        assertEquals(200, api.change("PUT", "/api/takes/" + takeId + "/mix", soloFirst()).statusCode());
        Browser b = new Browser(width, height, mobile);
        b.open(rig.base.toString());
        b.logIn(PanelRig.PIN);
        b.js("sessionStorage.setItem('taperoom.take', arguments[0])", takeId);
        b.page("mix");
        b.find("#fader-1");
        return b;
    }

    static double value(Browser b, String id) {
        return Double.parseDouble((String) b.js("return document.getElementById(arguments[0]).value", id));
    }

    /** Sets a range input as a keyboard or script would (no pointer) and lets the page hear it. */
    static void set(Browser b, String id, String value) {
        b.js("const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input'));", id, value);
    }

    static JsonNode saved(String what) throws Exception {
        return api.json(api.get("/api/takes/" + takeId + "/" + what));
    }

    /** Waits until the saved document ({@code mix} or {@code master}) satisfies {@code test}. */
    static JsonNode awaitSaved(Browser b, String what, Predicate<JsonNode> test) throws Exception {
        try {
            return b.until(d -> {
                try {
                    JsonNode n = saved(what);
                    return test.test(n) ? n : null;
                } catch (Exception e) {
                    return null;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the saved " + what + " did not change as expected: " + saved(what)
                    + "; the page said: " + b.js("return document.getElementById('toast-text').textContent"), e);
        }
    }

    static JsonNode track1(JsonNode mix) {
        return mix.path("tracks").path(stem1);
    }

    /** Pixels from the fader's centre (down is positive) where a pointer press gives {@code db}, from two clicks far from 0 dB. */
    static double[] faderMapping(Browser b) throws InterruptedException {
        double[] centre = centre(b, "fader-1");
        double h = ((Number) b.js("return document.getElementById('fader-1').getBoundingClientRect().height")).doubleValue();
        double upper = -h / 4;
        double lower = h / 4;
        click(b, centre[0], centre[1] + upper);
        double atUpper = value(b, "fader-1");
        Thread.sleep(500); // not a double tap
        click(b, centre[0], centre[1] + lower);
        double atLower = value(b, "fader-1");
        Thread.sleep(500);
        double dbPerPixel = (atLower - atUpper) / (lower - upper);
        assertTrue(dbPerPixel < 0, "up is louder on a vertical fader: " + atUpper + " dB at " + upper + " px, " + atLower + " dB at " + lower + " px");
        return new double[] {upper, atUpper, dbPerPixel};
    }

    static void click(Browser b, double x, double y) {
        mouse(b, "mouseMoved", x, y);
        mouse(b, "mousePressed", x, y);
        mouse(b, "mouseReleased", x, y);
    }

    /** The centre of element {@code id} in the viewport's CSS pixels. */
    static double[] centre(Browser b, String id) {
        @SuppressWarnings("unchecked")
        List<Number> c = (List<Number>) b.js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return [r.left + r.width / 2, r.top + r.height / 2];", id);
        return new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()};
    }

    /** A mouse event with the left button through the DevTools protocol (pressed from mousePressed to mouseReleased). */
    static void mouse(Browser b, String type, double x, double y) {
        ((org.openqa.selenium.chromium.ChromiumDriver) b.driver).executeCdpCommand("Input.dispatchMouseEvent", java.util.Map.of(
                "type", type, "x", x, "y", y, "button", "left", "buttons", type.equals("mouseReleased") ? 0 : 1, "clickCount", 1));
    }

    /** A one-finger touch event through the DevTools protocol. */
    static void touch(Browser b, String type, double x, double y) {
        ((org.openqa.selenium.chromium.ChromiumDriver) b.driver).executeCdpCommand("Input.dispatchTouchEvent", java.util.Map.of(
                "type", type, "touchPoints", type.equals("touchEnd") ? List.of() : List.of(java.util.Map.of("x", x, "y", y))));
    }

    static double pixelFor(double[] mapping, double db) {
        return mapping[0] + (db - mapping[1]) / mapping[2];
    }

    @Test
    void aFaderDraggedToPlus0Point3DbLandsOnTheZeroDetentTheKeyboardStepsThroughItAndADoubleClickResetsFaderAndPan() throws Exception {
        try (Browser b = open(1280, 900, false)) {
            WebElement fader = b.find("#fader-1");
            assertTrue(b.find("#strips .fader-scale").getText().contains("+6"), "the fader has a dB scale");
            double[] mapping = faderMapping(b);
            System.out.printf("fader 1: %.2f dB per pixel%n", -mapping[2]);

            // The drag through the DevTools protocol: one press, moves, one release, with readings between.
            double[] centre = centre(b, "fader-1");
            mouse(b, "mouseMoved", centre[0], centre[1] + pixelFor(mapping, -20));
            mouse(b, "mousePressed", centre[0], centre[1] + pixelFor(mapping, -20));
            mouse(b, "mouseMoved", centre[0], centre[1] + pixelFor(mapping, 0.3));
            double underPointer = value(b, "fader-1");
            assertTrue(underPointer > 0 && underPointer < DETENT_DB, "the drag is at +0.3 dB: " + underPointer);
            assertEquals("0.0 dB", b.find("#fader-1").getDomAttribute("aria-valuetext"), "a drag to +" + underPointer + " dB is heard as 0 dB");
            mouse(b, "mouseMoved", centre[0], centre[1] + pixelFor(mapping, 3));
            double beyond = value(b, "fader-1");
            assertTrue(beyond > 2 && beyond < 4, "past the detent the fader follows the pointer: " + beyond);
            mouse(b, "mouseMoved", centre[0], centre[1] + pixelFor(mapping, 0.3));
            mouse(b, "mouseReleased", centre[0], centre[1] + pixelFor(mapping, 0.3));
            b.until(d -> value(b, "fader-1") == 0 ? true : null);
            assertTrue(b.find("#strips .fader-db").getText().contains("0.0 dB"), b.find("#strips .fader-db").getText());
            awaitSaved(b, "mix", m -> track1(m).path("fader_db").asDouble(99) == 0);

            Thread.sleep(500);
            fader.sendKeys(Keys.ARROW_UP);
            double stepped = value(b, "fader-1");
            assertTrue(stepped > 0 && stepped < DETENT_DB, "the keyboard steps through the detent: " + stepped);

            set(b, "fader-1", "-20");
            awaitSaved(b, "mix", m -> track1(m).path("fader_db").asDouble() == -20);
            Thread.sleep(500);
            new Actions(b.driver).moveToElement(fader, 0, (int) pixelFor(mapping, -40)).doubleClick().perform();
            b.until(d -> value(b, "fader-1") == 0 ? true : null);
            awaitSaved(b, "mix", m -> track1(m).path("fader_db").asDouble(99) == 0);

            WebElement pan = b.find("#pan-1");
            set(b, "pan-1", "0.5");
            awaitSaved(b, "mix", m -> track1(m).path("pan").asDouble() == 0.5);
            new Actions(b.driver).moveToElement(pan, pan.getSize().getWidth() / 3, 0).doubleClick().perform();
            b.until(d -> value(b, "pan-1") == 0 ? true : null);
            awaitSaved(b, "mix", m -> track1(m).path("pan").asDouble(9) == 0);
            assertEquals("centre", b.find("#pan-1").getDomAttribute("aria-valuetext"), "the pan says its value in words");
        }
    }

    /** The correlation of the output's last cycle with a whole number of cycles before {@code beforeFrame}. */
    static double correlationWithBefore(OutputCapture out, int end, int beforeFrame) {
        int from = end - CYCLE_FRAMES;
        int shift = ((from - beforeFrame) / CYCLE_FRAMES + 2) * CYCLE_FRAMES;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = from; i < end; i++) {
            double a = out.left[i];
            double c = out.left[i - shift];
            ab += a * c;
            aa += a * a;
            bb += c * c;
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void thePolarityAndHighPassOfAStripsDetailViewAreHeardInThePlayingMix() throws Exception {
        try (Browser b = open(1280, 900, false)) {
            OutputCapture out = new OutputCapture(RATE, 20);
            rig.outputs.setOutputs(out);
            b.find("#mix-play").click();
            b.until(d -> "true".equals(b.find("#mix-play").getAttribute("aria-pressed")) ? true : null);
            out.awaitFrames(RATE);
            int steady = out.steadyFrom(CYCLE_FRAMES);
            out.awaitFrames(steady + RATE / 4);

            b.find("[data-strip='track-1']").click();
            assertTrue(b.find("#strip-detail-title").getText().contains("1"), b.find("#strip-detail-title").getText());
            int beforePolarity = out.frames;
            b.find("#detail-polarity_inverted").click();
            awaitSaved(b, "mix", m -> track1(m).path("polarity_inverted").asBoolean());
            out.awaitFrames(out.frames + RATE / 4);
            int end = out.frames;
            double correlation = correlationWithBefore(out, end, beforePolarity);
            System.out.printf("polarity from the detail view: the output's correlation with itself before the press %.4f%n", correlation);
            assertTrue(correlation < -0.99, "the playing track is inverted: correlation " + correlation);

            int beforeHighPass = out.frames;
            double level = out.peak(beforeHighPass - CYCLE_FRAMES, beforeHighPass);
            b.find("#detail-high_pass-on").click();
            // 1 kHz on the frequency control (logarithmic, 10 Hz to 20 kHz over 1000 steps).
            set(b, "detail-high_pass-frequency_hz", Long.toString(Math.round(Math.log(1000.0 / 10) / Math.log(20000.0 / 10) * 1000)));
            JsonNode hp = awaitSaved(b, "mix", m -> track1(m).path("eq").path("high_pass").path("on").asBoolean()).path("tracks").path(stem1).path("eq").path("high_pass");
            assertEquals(1000, hp.path("frequency_hz").asDouble(), 1e-9, hp.toString());
            out.awaitFrames(out.frames + RATE / 4);
            double filtered = out.peak(out.frames - CYCLE_FRAMES, out.frames);
            double dropDb = 20 * Math.log10(filtered / level);
            System.out.printf("high-pass at 1 kHz from the detail view: the 100 Hz track %.1f dB down%n", dropDb);
            assertTrue(dropDb < -20, "the high-pass at 1 kHz takes the 100 Hz track down by more than 20 dB: " + dropDb);
        }
    }

    @Test
    void theMasterStripsEqAndGlueCompressorChangeTheSavedMasterAndTheMasterPageKeepsItsTarget() throws Exception {
        try (Browser b = open(1280, 900, false)) {
            b.find("[data-strip='master']").click();
            b.find("#master-low_shelf-gain_db");
            set(b, "master-low_shelf-gain_db", "3");
            b.find("#strip-detail [data-section='glue']").click();
            b.find("#master-glue-on").click();
            set(b, "master-glue-threshold_db", "-20");
            JsonNode master = awaitSaved(b, "master", m -> m.path("glue").path("on").asBoolean()
                    && m.path("glue").path("threshold_db").asDouble() == -20 && m.path("eq").path("low_shelf").path("gain_db").asDouble() == 3);
            assertEquals("streaming", master.path("preset").asText(), master.toString());
            assertEquals(-1, master.path("ceiling_dbtp").asDouble(), master.toString());

            b.page("master");
            assertEquals("true", b.find("[data-preset='streaming']").getDomAttribute("aria-pressed"));
            assertEquals("-1", b.find("#ceiling").getDomProperty("value"));
            b.find("[data-preset='broadcast']").click();
            JsonNode after = awaitSaved(b, "master", m -> m.path("preset").asText().equals("broadcast"));
            assertTrue(after.path("glue").path("on").asBoolean() && after.path("eq").path("low_shelf").path("gain_db").asDouble() == 3,
                    "the Master page keeps the EQ and glue set on the Mix page: " + after);
        }
    }

    @Test
    void onThe800By480ScreenAFingerDoubleTapResetsAFaderAndThereAndOnAPhoneTheStripsScrollSidewaysInTheirRowThePageDoesNotAndTheDetailIsNamedAndTouchSized() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] screen : new int[][] {{800, 480}, {390, 844}}) {
            String where = screen[0] + "x" + screen[1];
            try (Browser b = open(screen[0], screen[1], true)) {
                b.find("[data-strip='master']");
                if (screen[0] == 800) {
                    // A double tap with a finger puts the fader back on 0 dB.
                    set(b, "fader-1", "-20");
                    b.js("document.getElementById('fader-1').scrollIntoView({block: 'center'})");
                    double[] c = centre(b, "fader-1");
                    for (int tap = 0; tap < 2; tap++) {
                        touch(b, "touchStart", c[0], c[1] + 30);
                        touch(b, "touchEnd", c[0], c[1] + 30);
                        Thread.sleep(80);
                    }
                    b.until(d -> value(b, "fader-1") == 0 ? true : null);
                    awaitSaved(b, "mix", m -> track1(m).path("fader_db").asDouble(99) == 0);
                }
                long rowWidth = ((Number) b.js("return document.getElementById('strips').scrollWidth")).longValue();
                long rowShown = ((Number) b.js("return document.getElementById('strips').clientWidth")).longValue();
                assertTrue(rowWidth > rowShown, where + ": eleven strips are wider than the row (" + rowWidth + " vs " + rowShown + " px)");
                b.js("document.getElementById('strips').scrollLeft = 10000");
                long scrolled = ((Number) b.js("return document.getElementById('strips').scrollLeft")).longValue();
                assertTrue(scrolled > 0, where + ": the row scrolls sideways");
                SmallScreensTest.assertNoSidewaysScrolling(b, screen[0], where + " mix");
                assertEquals(0L, ((Number) b.js("return window.scrollX")).longValue(), where + ": the page itself stays put");

                for (String strip : List.of("track-8", "delay", "master")) {
                    b.js("document.querySelector(\"[data-strip='\" + arguments[0] + \"']\").scrollIntoView({block: 'center', inline: 'center'})", strip);
                    b.find("[data-strip='" + strip + "']").click();
                    b.until(d -> strip.equals(b.js("return document.getElementById('strip-detail').dataset.strip")) ? true : null);
                    @SuppressWarnings("unchecked")
                    List<String> sections = (List<String>) b.js("return [...document.querySelectorAll('#strip-detail [data-section]')]"
                            + ".filter(e => e.tagName === 'BUTTON' && e.offsetParent !== null).map(e => e.dataset.section)");
                    for (String section : sections.isEmpty() ? List.of("") : sections) {
                        String shown = where + " " + strip + (section.isEmpty() ? "" : " " + section);
                        if (!section.isEmpty()) {
                            b.js("document.querySelector(\"#strip-detail button[data-section='\" + arguments[0] + \"']\").scrollIntoView({block: 'center'})", section);
                            b.find("#strip-detail button[data-section='" + section + "']").click();
                        }
                        Thread.sleep(300);
                        SmallScreensTest.assertNoSidewaysScrolling(b, screen[0], shown + " detail open");
                        problems.addAll(SmallScreensTest.smallTouchTargets(b, shown));
                        // The names (seconds a section) on the kiosk's screen; the layout is the phone's too.
                        if (screen[0] == 800) {
                            problems.addAll(AccessibilityTest.unnamedControls(b, shown));
                            problems.addAll(Axe.seriousOrCritical(b, shown));
                        }
                        b.screenshot("mix-desk-" + shown.replace(' ', '-'));
                    }
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }
}
