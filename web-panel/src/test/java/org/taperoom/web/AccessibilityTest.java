package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every page of the panel (as main.js lists them) audited by axe-core in Debian's Chromium, in
 * English and in German as the browser's language, and once more in the large-type mode: no
 * serious or critical violation, every control named, the room's state in words. axe-core comes
 * from its WebJar (a test dependency) and is injected into the page by the test; the product never
 * serves it. Then the desktop keyboard: Tab reaches the navigation, Enter opens a page.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(2)
class AccessibilityTest {
    static PanelRig rig;
    static String takeId;

    @BeforeAll
    static void recordATake() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        assertEquals(202, c.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        Thread.sleep(600);
        assertEquals(202, c.change("POST", "/api/markers", "{\"label\":\"verse\"}").statusCode());
        Thread.sleep(400);
        assertEquals(202, c.change("POST", "/api/transport/stop", null).statusCode());
        rig.awaitState("idle", 10000);
        takeId = c.json(c.get("/api/takes")).get(0).get("id").asText();
    }

    static Properties messages(String lang) throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/panel/i18n/" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    static List<String> audit(Browser b, String where) throws IOException {
        return Axe.seriousOrCritical(b, where);
    }

    /** Every displayed control (links, buttons, fields) without an accessible name, as Chromium computes it. */
    static List<String> unnamedControls(Browser b, String where) {
        List<String> unnamed = new ArrayList<>();
        for (WebElement e : b.driver.findElements(By.cssSelector("a[href], button, input, select, textarea, [role=button], canvas[aria-label]"))) {
            if (!e.isDisplayed()) continue;
            String name = e.getAccessibleName();
            if (name == null || name.isBlank()) unnamed.add(where + ": " + e.getTagName() + " " + e.getDomAttribute("id") + " " + e.getDomAttribute("class"));
        }
        return unnamed;
    }

    static void showPage(Browser b, String page) {
        b.page(page);
        b.until(d -> ((Number) b.js("return document.querySelectorAll('#view section, #view [data-unavailable]').length")).intValue() > 0 ? true : null);
        // Pages fill in after their first requests (the take, its waveform); let them settle.
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On a desktop (1024×768) or, with {@code touchScreen}, on the kiosk's 800×480 touch screen, whose compact layout hides more. */
    void auditEveryPage(String language, String lang, boolean largeType, boolean touchScreen) throws Exception {
        Properties words = messages(lang);
        String mode = lang + (largeType ? " large type" : "") + (touchScreen ? " 800x480" : "");
        List<String> problems = new ArrayList<>();
        try (Browser b = touchScreen ? new Browser(800, 480, true, language) : new Browser(1024, 768, false, language)) {
            b.open(rig.base.toString());
            if (largeType) {
                b.js("localStorage.setItem('taperoom.display', 'large')");
                b.open(rig.base.toString());
                assertEquals("large", b.js("return document.documentElement.dataset.display"));
            }
            b.find("#pin");
            b.until(d -> lang.equals(b.js("return document.documentElement.lang")) ? true : null);
            assertEquals(words.getProperty("login.submit"), b.find("#login-button").getText(), "the login speaks " + lang);
            problems.addAll(audit(b, mode + " login"));
            problems.addAll(unnamedControls(b, mode + " login"));
            b.logIn(PanelRig.PIN);
            b.js("sessionStorage.setItem('taperoom.take', arguments[0])", takeId);
            // The state in words, not only the pill's colour.
            b.until(d -> words.getProperty("state.idle").equals(b.js("return document.getElementById('state-pill').textContent")) ? true : null);
            for (String page : PanelPages.names()) {
                showPage(b, page);
                b.screenshot("a11y-" + mode.replace(' ', '-') + "-" + page);
                problems.addAll(audit(b, mode + " " + page));
                problems.addAll(unnamedControls(b, mode + " " + page));
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void everyPageInEnglishOnTheDesktopHasNoSeriousOrCriticalViolationAndEveryControlIsNamed() throws Exception {
        auditEveryPage("en-US", "en", false, false);
    }

    @Test
    void everyPageInGermanOnThe800By480TouchScreenHasNoSeriousOrCriticalViolationAndEveryControlIsNamed() throws Exception {
        auditEveryPage("de-DE", "de", false, true);
    }

    @Test
    void everyPageInTheLargeTypeModeHasNoSeriousOrCriticalViolation() throws Exception {
        auditEveryPage("en-US", "en", true, false);
    }

    @Test
    void theAuditNoticesAnUnnamedButtonAndFaintText() throws Exception {
        // Shows the checks above can fail: the same audit on the login page with two faults added.
        try (Browser b = new Browser(1024, 768, false)) {
            b.open(rig.base.toString());
            b.find("#pin");
            b.js("const form = document.getElementById('login-form');"
                    + "const button = document.createElement('button'); button.id = 'nameless'; form.append(button);"
                    + "const faint = document.createElement('p'); faint.textContent = 'faint words'; faint.style.color = '#222'; form.append(faint);");
            String found = String.join("\n", audit(b, "broken login"));
            assertTrue(found.contains("button-name") && found.contains("#nameless"), found);
            assertTrue(found.contains("color-contrast"), found);
            assertTrue(unnamedControls(b, "broken login").stream().anyMatch(l -> l.contains("nameless")));
        }
    }

    @Test
    void theKeyboardReachesTheNavigationInOrderAndEnterOpensAPageWithFocusOnIt() throws Exception {
        try (Browser b = new Browser(1280, 900, false)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.find("#record-button");
            b.js("document.activeElement.blur(); window.scrollTo(0, 0)");
            List<String> reached = new ArrayList<>();
            Actions keys = new Actions(b.driver);
            for (int i = 0; i < 20 && !reached.contains("takes"); i++) {
                keys.sendKeys(Keys.TAB).perform();
                Object page = b.js("const a = document.activeElement; return a && a.closest('#nav') ? a.dataset.page : null;");
                if (page != null) {
                    reached.add(page.toString());
                    String outline = (String) b.js("return getComputedStyle(document.activeElement).outlineStyle");
                    assertNotEquals("none", outline, "the focused link " + page + " shows its focus");
                }
            }
            assertEquals(List.of("record", "takes"), reached, "Tab walks the navigation in order");
            keys.sendKeys(Keys.ENTER).perform();
            b.until(d -> "takes".equals(d.findElement(By.id("view")).getDomAttribute("data-page")) ? true : null);
            b.until(d -> (Boolean) b.js("return document.getElementById('view').contains(document.activeElement)") ? true : null);
            keys.sendKeys(Keys.TAB).perform();
            String next = (String) b.js("return document.activeElement.closest('#view') ? 'in the page' : document.activeElement.tagName");
            assertEquals("in the page", next, "the next Tab goes on in the page that opened, not back to the top");
            assertFalse(b.driver.findElement(By.id("login")).isDisplayed());
        }
    }
}
