package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The language follows the browser until a person picks another on the login screen or in
 * Settings, and stays picked; dates, numbers and units follow the language; the large-type mode
 * is a setting this browser keeps.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(2)
class LanguageAndDisplayTest {
    static PanelRig rig;

    @Test
    void aGermanBrowserGetsGermanAndTheSwitchOnTheLoginScreenAndInSettingsChangesItForGood() throws Exception {
        try (Browser b = new Browser(1024, 768, false, "de-DE")) {
            b.open(rig.base.toString());
            b.until(d -> "Anmelden".equals(d.findElement(By.id("login-button")).getText()) ? true : null);
            assertEquals("true", b.find("#login-lang [data-lang='de']").getDomAttribute("aria-pressed"));
            b.find("#login-lang [data-lang='en']").click();
            b.until(d -> "Log in".equals(d.findElement(By.id("login-button")).getText()) ? true : null);
            assertEquals("en", b.js("return document.documentElement.lang"));
            b.logIn(PanelRig.PIN);
            b.until(d -> "Takes".equals(d.findElement(By.cssSelector("#nav [data-page='takes']")).getText()) ? true : null);
            b.page("settings");
            b.find("#display [data-lang='de']").click();
            b.until(d -> "Aufnahmen".equals(d.findElement(By.cssSelector("#nav [data-page='takes']")).getText()) ? true : null);
            b.open(rig.base.toString());
            b.until(d -> "Einstellungen".equals(d.findElement(By.cssSelector("#nav [data-page='settings']")).getText()) ? true : null);
        }
    }

    @Test
    void inGermanDatesNumbersAndUnitsAreWrittenTheGermanWay() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        assertEquals(200, c.change("PATCH", "/api/settings", "{\"preRollSeconds\": 1.5}").statusCode());
        assertEquals(202, c.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        Thread.sleep(600);
        assertEquals(202, c.change("POST", "/api/transport/stop", null).statusCode());
        rig.awaitState("idle", 10000);
        try (Browser b = new Browser(1024, 768, false, "de-DE")) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            String preRoll = b.find("#pre-roll").getText();
            assertEquals("Vorlauf: 1,5 s vor jedem Drücken", preRoll, "a decimal comma");
            String left = (String) b.until(d -> {
                String t = d.findElement(By.id("time-left")).getText();
                return t.contains("Min.") ? t : null;
            });
            assertTrue(left.matches("(\\d+ Std\\. )?\\d+ Min\\."), left);
            b.page("takes");
            String day = b.find("#take-list .day h2").getText();
            String german = (String) b.js("return new Intl.DateTimeFormat('de', { weekday: 'long' }).format(new Date())");
            assertTrue(day.toLowerCase().contains(german.toLowerCase()), "the day in German: " + day);
            assertTrue(b.find("#take-list .take").getText().contains("2 Spuren"), b.find("#take-list .take").getText());
        } finally {
            c.change("PATCH", "/api/settings", "{\"preRollSeconds\": 0.5}");
        }
    }

    @Test
    void theLargeTypeModeIsASettingThisBrowserKeeps() throws Exception {
        try (Browser b = new Browser(1024, 768, false)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            double normal = ((Number) b.js("return parseFloat(getComputedStyle(document.body).fontSize)")).doubleValue();
            b.page("settings");
            b.find("#large-type").click();
            b.until(d -> "large".equals(b.js("return document.documentElement.dataset.display")) ? true : null);
            b.open(rig.base.toString());
            b.find("#record-button");
            assertEquals("large", b.js("return document.documentElement.dataset.display"), "kept after a reload");
            double large = ((Number) b.js("return parseFloat(getComputedStyle(document.body).fontSize)")).doubleValue();
            assertTrue(large >= normal * 1.2, "larger type: " + normal + " px → " + large + " px");
            assertEquals("rgb(0, 0, 0)", b.js("return getComputedStyle(document.body).backgroundColor"), "black background");
            b.page("settings");
            b.find("#large-type").click();
            b.until(d -> b.js("return document.documentElement.dataset.display") == null ? true : null);
        }
    }

    @Test
    void inTheLargeTypeModeNoPageScrollsSidewaysOnThe800By480Screen() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.js("localStorage.setItem('taperoom.display', 'large')");
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            for (String page : PanelPages.names()) {
                AccessibilityTest.showPage(b, page);
                SmallScreensTest.assertNoSidewaysScrolling(b, 800, "large type " + page);
                b.screenshot("kiosk-large-" + page);
            }
        }
    }
}
