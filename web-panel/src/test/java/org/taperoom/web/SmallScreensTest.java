package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The panel as a first user meets it on a phone (390×844), on the wall-mounted 800×480 touch
 * screen and on Touch Display 2 in portrait (720×1280), in Debian's Chromium, on every page main.js
 * lists: no page scrolls sideways, every control is a touch target of 48 px or more (measured against the screen's width, so
 * a page that zooms itself out still fails), every page that works on a take names it where it
 * can be seen without scrolling, and the details a newcomer trips over (markers, stale figures,
 * the Settings form, the keypad) are there. Screenshots go to web-panel/target/screenshots.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(value = 3, simGain = true)
class SmallScreensTest {
    static final String TAKE_NAME = "Friday rehearsal";
    static final List<String> TAKE_PAGES = List.of("takes", "mix", "master", "export");
    static PanelRig rig;
    static String takeId;

    @BeforeAll
    static void recordATakeWithMarkers() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        assertEquals(202, c.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        Thread.sleep(400);
        assertEquals(202, c.change("POST", "/api/markers", "{\"label\":\"chorus\"}").statusCode());
        Thread.sleep(400);
        assertEquals(202, c.change("POST", "/api/markers", "{\"label\":\"solo\"}").statusCode());
        Thread.sleep(400);
        assertEquals(202, c.change("POST", "/api/transport/stop", null).statusCode());
        rig.awaitState("idle", 10000);
        String id = c.json(c.get("/api/takes")).get(0).get("id").asText();
        HttpResponse<String> renamed = c.change("PATCH", "/api/takes/" + id, "{\"name\":\"" + TAKE_NAME + "\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        takeId = c.json(renamed).get("id").asText();
    }

    /** The document is no wider than the screen (not the layout viewport, which grows when a page zooms out). */
    static void assertNoSidewaysScrolling(Browser b, int screenWidth, String where) {
        long scroll = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
        double scale = ((Number) b.js("return window.visualViewport ? window.visualViewport.scale : 1")).doubleValue();
        assertTrue(scroll <= screenWidth && scale >= 0.99,
                where + ": the page is wider than the " + screenWidth + " px screen (" + scroll + " px, zoomed to " + scale + ")");
    }

    /** An element naming the take is displayed and lies within the first screenful. */
    static void assertNamesTheTake(Browser b, int screenHeight, String where) {
        String found = (String) b.until(d -> b.js("const want = arguments[0];"
                + "const all = [...document.querySelectorAll('#view h1, #view h2, #view [data-take-name]')];"
                + "const seen = all.filter(e => e.offsetParent !== null && e.textContent.includes(want));"
                + "if (seen.length === 0) return null;"
                + "const r = seen[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= arguments[1] && r.height > 0 ? 'on screen' : 'below the fold at ' + Math.round(r.top);",
                TAKE_NAME, screenHeight));
        assertEquals("on screen", found, where + " names the take it works on");
    }

    static void logIn(Browser b) {
        b.open(rig.base.toString());
        b.logIn(PanelRig.PIN);
        b.js("sessionStorage.setItem('taperoom.take', arguments[0])", takeId);
    }

    /**
     * Controls smaller than 48 CSS pixels either way, one line each. Links inside running text are
     * exempt (WCAG's inline exception), as are controls the page keeps hidden.
     */
    static List<String> smallTouchTargets(Browser b, String where) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) b.js("const out = [];"
                + "const login = document.getElementById('login');"
                + "const root = login.hidden ? document : login;" // the login covers the page beneath it
                + "for (const e of root.querySelectorAll('a[href], button, input, select, textarea, [role=button]')) {"
                + "  if (e.closest('[hidden]') || e.offsetParent === null && getComputedStyle(e).position !== 'fixed') continue;"
                + "  if (e.tagName === 'A' && e.closest('p') && e.closest('p').textContent.trim() !== e.textContent.trim()) continue;"
                + "  const r = e.getBoundingClientRect();"
                + "  if (r.width === 0 || r.height === 0) continue;"
                + "  if (r.width < 47.5 || r.height < 47.5) out.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className) + ' '"
                + "    + (e.getAttribute('aria-label') || e.textContent || e.type).trim().slice(0, 30) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));"
                + "}"
                + "return out;");
        return small.stream().map(l -> where + ": " + l).toList();
    }

    void everyPageFitsAndNamesItsTake(Browser b, int width, int height, String prefix) throws Exception {
        List<String> pages = new java.util.ArrayList<>(PanelPages.names());
        // Export last but one: its render leaves a QR code the later checks look at.
        pages.remove("export");
        pages.add(pages.size() - 1, "export");
        for (String page : pages) {
            b.page(page);
            b.find("#view section");
            if (TAKE_PAGES.contains(page)) assertNamesTheTake(b, height, prefix + " " + page);
            if (page.equals("export")) {
                b.find("#export-button").click();
                b.until(d -> d.findElements(By.id("share-link")).isEmpty() ? null : true);
                b.find("#qr");
            }
            Thread.sleep(200);
            assertNoSidewaysScrolling(b, width, prefix + " " + page);
            b.screenshot(prefix + "-ux-" + page);
        }
    }

    @Test
    void onAPhoneNoPageScrollsSidewaysAndEveryPageNamesItsTake() throws Exception {
        try (Browser b = new Browser(390, 844, true)) {
            logIn(b);
            everyPageFitsAndNamesItsTake(b, 390, 844, "phone");
        }
    }

    @Test
    void onThe800By480ScreenNoPageScrollsSidewaysEveryPageNamesItsTakeAndTheQrCodeAndTakeListAreOnScreen() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            logIn(b);
            everyPageFitsAndNamesItsTake(b, 800, 480, "kiosk");
            b.page("export");
            b.find("#export-list .take").click();
            b.find("#qr");
            Thread.sleep(300);
            double qrBottom = ((Number) b.js("return document.getElementById('qr').getBoundingClientRect().bottom")).doubleValue();
            assertTrue(qrBottom <= 480, "the QR code is on screen without scrolling: bottom at " + qrBottom);
            b.page("takes");
            b.find("#take-detail");
            double listTop = ((Number) b.until(d -> b.js("const t = document.querySelector('#take-list .take');"
                    + "return t ? t.getBoundingClientRect().top : null;"))).doubleValue();
            assertTrue(listTop < 480, "the take list starts on screen beside the open take: top at " + listTop);
        }
    }

    @Test
    void onTouchDisplay2InPortraitNoPageScrollsSidewaysAndEveryPageNamesItsTake() throws Exception {
        try (Browser b = new Browser(720, 1280, true)) {
            logIn(b);
            everyPageFitsAndNamesItsTake(b, 720, 1280, "portrait");
        }
    }

    @Test
    void onBothTouchScreensEveryControlOfEveryPageAndTheLoginIsAtLeast48PixelsEitherWay() throws Exception {
        List<String> small = new java.util.ArrayList<>();
        for (int[] screen : new int[][] {{800, 480}, {720, 1280}}) {
            String where = screen[0] + "x" + screen[1];
            try (Browser b = new Browser(screen[0], screen[1], true)) {
                b.open(rig.base.toString());
                b.find("#keypad");
                small.addAll(smallTouchTargets(b, where + " login"));
                b.logIn(PanelRig.PIN);
                b.js("sessionStorage.setItem('taperoom.take', arguments[0])", takeId);
                for (String page : PanelPages.names()) {
                    b.page(page);
                    b.find("#view section, #view [data-unavailable]");
                    if (page.equals("takes")) b.find("#take-detail");
                    Thread.sleep(300);
                    small.addAll(smallTouchTargets(b, where + " " + page));
                }
            }
        }
        assertEquals(List.of(), small, String.join("\n", small));
    }

    @Test
    void theLoginOnTheTouchScreenHasANumericKeypadAndTheLanguageSwitchOnScreen() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.find("#keypad");
            for (char digit : PanelRig.PIN.toCharArray()) b.find("#keypad button[data-key='" + digit + "']").click();
            assertEquals(PanelRig.PIN.length(), b.find("#pin").getDomProperty("value").length());
            double languagesBottom = ((Number) b.js("return document.querySelector('#login-lang button').getBoundingClientRect().bottom")).doubleValue();
            assertTrue(languagesBottom <= 480, "the language switch is on screen below the keypad: bottom at " + languagesBottom);
            b.screenshot("kiosk-ux-login");
            b.find("#login-button").click();
            b.until(d -> d.findElement(By.id("login")).isDisplayed() ? null : true);
        }
    }

    @Test
    void theTakesPageDrawsEveryTrackAndListsTheMarkersWhichJumpThePlayer() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            logIn(b);
            b.page("takes");
            b.find("#take-detail");
            b.until(d -> ((Number) b.js("return document.querySelectorAll('#take-detail canvas.waveform').length")).intValue() == 3 ? true : null);
            List<?> labels = (List<?>) b.until(d -> {
                List<?> l = (List<?>) b.js("return [...document.querySelectorAll('#markers [data-marker]')].map(e => e.textContent)");
                return l.size() == 2 ? l : null;
            });
            assertTrue(labels.get(0).toString().contains("chorus") && labels.get(1).toString().contains("solo"), labels.toString());
            // The markers are drawn: the waveform canvas carries their positions for the drawing code.
            String drawn = (String) b.until(d -> b.js("const c = document.querySelector('#take-detail canvas.waveform');"
                    + "return c && c.dataset.markers ? c.dataset.markers : null;"));
            assertEquals(2, drawn.split(",").length, drawn);
            b.until(d -> ((Number) b.js("return document.getElementById('player').readyState")).intValue() >= 1 ? true : null);
            double at = ((Number) b.js("return parseFloat(document.querySelectorAll('#markers [data-marker]')[1].dataset.marker)")).doubleValue();
            b.js("document.querySelectorAll('#markers [data-marker]')[1].click()");
            b.until(d -> Math.abs(((Number) b.js("return document.getElementById('player').currentTime")).doubleValue() - at) < 0.05 ? true : null);
            b.screenshot("kiosk-ux-takes-markers");
        }
    }

    @Test
    void theRecordPageShowsPreRollApartADbScaleTheInputGainAndArmStateInWords() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        assertEquals(200, c.change("PATCH", "/api/settings", "{\"preRollSeconds\": 3}").statusCode());
        try (Browser b = new Browser(800, 480, true)) {
            logIn(b);
            b.find("#record-button");
            Thread.sleep(3200); // the pre-roll fills
            b.find("#pre-roll");
            assertTrue(b.find(".meter-scale").getText().contains("-20"), "the meters have a dB scale");
            assertEquals(3L, ((Number) b.js("return document.querySelectorAll('.meter input.gain:not([disabled])').length")).longValue(),
                    "a gain field per input of an interface with gain controls");
            b.js("const g = document.querySelector('.meter[data-input=\"2\"] input.gain'); g.value = '-6'; g.dispatchEvent(new Event('change'));");
            b.until(d -> {
                try {
                    return c.json(c.get("/api/inputs")).get(1).get("gainDb").asDouble() == -6 ? true : null;
                } catch (Exception e) {
                    return null;
                }
            });
            b.js("const g = document.querySelector('.meter[data-input=\"2\"] input.gain'); g.value = '0'; g.dispatchEvent(new Event('change'));");
            String arm = b.find(".meter .arm").getText();
            assertEquals("true", b.find(".meter .arm").getDomAttribute("aria-pressed"));
            assertTrue(arm.contains("Armed"), "arming is said in words, not colour only: " + arm);
            b.find(".meter .arm").click();
            b.until(d -> d.findElement(By.cssSelector(".meter .arm")).getText().contains("Off") ? true : null);
            assertEquals("false", b.find(".meter .arm").getDomAttribute("aria-pressed"));
            b.find(".meter .arm").click();
            b.until(d -> d.findElement(By.cssSelector(".meter .arm")).getText().contains("Armed") ? true : null);
            b.find("#record-button").click();
            b.until(d -> "true".equals(d.findElement(By.id("record-button")).getDomAttribute("data-recording")) ? true : null);
            String elapsed = b.find("#elapsed").getText();
            assertTrue(elapsed.equals("00:00") || elapsed.equals("00:01"), "elapsed starts at the press, not after the pre-roll: " + elapsed);
            assertTrue(b.find("#pre-roll").getText().contains("3"), "the pre-roll is shown apart: " + b.find("#pre-roll").getText());
            b.screenshot("kiosk-ux-record-recording");
            b.find("#record-button").click();
            rig.awaitState("idle", 10000);
        } finally {
            c.change("PATCH", "/api/settings", "{\"preRollSeconds\": 0.5}");
        }
    }

    @Test
    void theMasterPageMarksAfterFiguresStaleWhenAnotherPresetIsChosenAndNormaliseIsNotThePrimaryButton() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            logIn(b);
            b.page("master");
            b.find("#normalize");
            String primary = (String) b.js("return getComputedStyle(document.getElementById('analyze')).backgroundColor");
            String normalise = (String) b.js("return getComputedStyle(document.getElementById('normalize')).backgroundColor");
            assertNotEquals(primary, normalise, "Normalise is a toggle, not a second primary button");
            b.find("[data-preset='streaming']").click();
            b.find("#analyze").click();
            b.until(d -> d.findElements(By.id("after-lufs")).isEmpty() ? null : true);
            assertEquals("false", b.find("#loudness").getDomAttribute("data-stale"));
            b.find("[data-preset='broadcast']").click();
            b.until(d -> "true".equals(d.findElement(By.id("loudness")).getDomAttribute("data-stale")) ? true : null);
            assertTrue(b.find("#loudness-note").getText().toLowerCase().contains("measure again"), b.find("#loudness-note").getText());
        }
    }

    @Test
    void settingsRefusesLettersAndAnEmptyPreRollNamingTheFieldAndSaysWhatWasApplied() throws Exception {
        try (Browser b = new Browser(390, 844, true)) {
            logIn(b);
            b.page("settings");
            b.find("#preRollSeconds");
            for (String bad : List.of("abc", "")) {
                b.js("document.getElementById('preRollSeconds').value = arguments[0]", bad);
                b.find("#save-settings").click();
                String error = (String) b.until(d -> {
                    String t = d.findElement(By.id("settings-error")).getText();
                    return t.isEmpty() ? null : t;
                });
                assertTrue(error.contains("Pre-roll"), "the error names the field: " + error);
                assertEquals("true", b.find("#preRollSeconds").getDomAttribute("aria-invalid"));
                b.js("document.getElementById('settings-error').textContent = ''");
            }
            JsonNode settings = rig.loggedIn().json(rig.loggedIn().get("/api/settings"));
            assertEquals(0.5, settings.get("preRollSeconds").asDouble(), "nothing bad was saved");
            b.js("document.getElementById('preRollSeconds').value = '2'");
            b.find("#save-settings").click();
            String applied = (String) b.until(d -> {
                String t = d.findElement(By.id("settings-result")).getText();
                return t.isEmpty() ? null : t;
            });
            assertTrue(applied.contains("Pre-roll"), applied);
            assertTrue(!b.driver.findElement(By.id("restart-note")).isDisplayed(), "no restart is asked for");
            b.screenshot("phone-ux-settings");
            PanelRig.Client c = rig.loggedIn();
            assertEquals(200, c.change("PATCH", "/api/settings", "{\"preRollSeconds\": 0.5}").statusCode());
        }
    }
}
