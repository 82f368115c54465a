package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The panel as the practice room's 800×480 touch screen shows it (the kiosk launcher opens
 * /?kiosk), in Debian's Chromium with touch emulation: a person logs in on the on-screen keypad,
 * records and stops with the big button; left alone, the screen shows the room's state in words,
 * a touch wakes it without pressing what lies beneath, it names whose session the screen is in,
 * and at night it is black.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(2)
class KioskScreenTest {
    static PanelRig rig;

    static void tapKeypad(Browser b, String digits) {
        for (char digit : digits.toCharArray()) b.find("#keypad button[data-key='" + digit + "']").click();
    }

    static void waitForIdleScreen(Browser b, String words) {
        b.until(d -> d.findElement(By.id("idle")).isDisplayed() && words.equals(d.findElement(By.id("idle-state")).getText()) ? true : null);
    }

    @Test
    void aStudentLogsInOnTheKeypadRecordsAndStopsOnThe800By480Screen() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        int takesBefore = c.json(c.get("/api/takes")).size();
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base + "?kiosk&idle=600");
            tapKeypad(b, "9");
            b.find("#keypad button[data-key='back']").click();
            tapKeypad(b, PanelRig.PIN);
            assertEquals(PanelRig.PIN, b.find("#pin").getDomProperty("value"), "the keypad typed the PIN (and deleted the stray digit)");
            b.find("#login-button").click();
            b.until(d -> d.findElement(By.id("login")).isDisplayed() ? null : true);
            WebElement record = b.find("#record-button");
            record.click();
            rig.awaitState("recording", 5000);
            b.until(d -> "true".equals(d.findElement(By.id("record-button")).getDomAttribute("data-recording")) ? true : null);
            b.until(d -> "Recording".equals(b.js("return document.getElementById('state-pill').textContent")) ? true : null);
            Thread.sleep(1200);
            b.screenshot("kiosk-flow-recording");
            b.find("#record-button").click();
            rig.awaitState("idle", 10000);
            b.until(d -> "false".equals(d.findElement(By.id("record-button")).getDomAttribute("data-recording")) ? true : null);
        }
        assertEquals(takesBefore + 1, c.json(c.get("/api/takes")).size(), "the take is in the library");
    }

    @Test
    void leftAloneTheScreenShowsTheRoomsStateAndATouchWakesItWithoutPressingTheButtonBeneath() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base + "?kiosk&idle=2");
            // Before anyone logs in, the public state feeds it.
            waitForIdleScreen(b, "Free");
            b.screenshot("kiosk-idle-free");
            b.find("#idle").click();
            b.until(d -> d.findElement(By.id("idle")).isDisplayed() ? null : true);
            tapKeypad(b, PanelRig.PIN);
            b.find("#login-button").click();
            b.until(d -> d.findElement(By.id("login")).isDisplayed() ? null : true);
            WebElement record = b.find("#record-button");
            var where = record.getRect();
            assertEquals(202, c.change("POST", "/api/transport/record", null).statusCode());
            rig.awaitState("recording", 5000);
            waitForIdleScreen(b, "Recording");
            assertTrue(b.find("#idle-clock").getText().length() > 3, "the idle screen shows the time");
            b.screenshot("kiosk-idle-recording");
            // A tap right where the record (stop) button lies beneath the idle screen.
            new Actions(b.driver).moveToLocation(where.x + where.width / 2, where.y + where.height / 2).click().perform();
            b.until(d -> d.findElement(By.id("idle")).isDisplayed() ? null : true);
            Thread.sleep(800);
            assertEquals("recording", c.json(c.get("/api/state")).get("state").asText(), "waking the screen did not stop the take");
            assertEquals(202, c.change("POST", "/api/transport/stop", null).statusCode());
            rig.awaitState("idle", 10000);
        }
    }

    @Test
    void theIdleScreenSaysWhoseSessionItIsWhileAStudentIsLoggedInAndNobodysOnceTheyLogOut() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        var ada = org.taperoom.web.school.Classroom.addStudent(teacher, "Ada", "3b");
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base + "?kiosk&idle=2");
            waitForIdleScreen(b, "Free");
            assertTrue(b.driver.findElements(By.cssSelector("#idle-who")).stream().noneMatch(WebElement::isDisplayed),
                    "nobody's session: the screen says only that the room is free");
            b.find("#idle").click();
            b.until(d -> d.findElement(By.id("idle")).isDisplayed() ? null : true);
            b.find("#login-as-student").click();
            tapKeypad(b, ada.get("code").asText());
            b.find("#login-button").click();
            b.until(d -> d.findElement(By.id("login")).isDisplayed() ? null : true);
            waitForIdleScreen(b, "Free");
            assertEquals("Ada's session", b.find("#idle-who").getText());
            b.screenshot("kiosk-idle-session");
            assertEquals(202, teacher.change("POST", "/api/transport/record", null).statusCode());
            rig.awaitState("recording", 5000);
            waitForIdleScreen(b, "Recording");
            assertEquals("Ada's session", b.find("#idle-who").getText(), "recording in Ada's session");
            assertEquals(202, teacher.change("POST", "/api/transport/stop", null).statusCode());
            rig.awaitState("idle", 10000);
            b.find("#idle").click();
            b.until(d -> d.findElement(By.id("idle")).isDisplayed() ? null : true);
            b.find("#session-logout").click();
            b.until(d -> d.findElement(By.id("login")).isDisplayed() ? true : null);
            waitForIdleScreen(b, "Free");
            assertTrue(b.driver.findElements(By.cssSelector("#idle-who")).stream().noneMatch(WebElement::isDisplayed),
                    "after the logout the screen names nobody");
            assertEquals("", b.driver.findElement(By.id("idle-who")).getDomProperty("textContent"), "not even hidden");
        }
    }

    @Test
    void duringTheNightHoursTheIdleScreenIsBlackAndOutsideThemItIsNot() throws Exception {
        try (Browser b = new Browser(800, 480, true, "de-DE")) {
            b.open(rig.base.toString());
            int hour = ((Number) b.js("return new Date().getHours()")).intValue();
            b.open(rig.base + "?kiosk&idle=1&night=" + hour + "-" + (hour + 1) % 24);
            b.until(d -> "true".equals(d.findElement(By.id("idle")).getDomAttribute("data-night")) ? true : null);
            assertEquals("rgb(0, 0, 0)", b.js("return getComputedStyle(document.getElementById('idle')).backgroundColor"));
            assertEquals("hidden", b.js("return getComputedStyle(document.getElementById('idle-state')).visibility"), "nothing lit at night");
            b.screenshot("kiosk-idle-night");
            b.open(rig.base + "?kiosk&idle=1&night=" + (hour + 2) % 24 + "-" + (hour + 3) % 24);
            waitForIdleScreen(b, "Frei");
            assertEquals("false", b.find("#idle").getDomAttribute("data-night"));
            assertEquals(List.of(), Axe.seriousOrCritical(b, "de idle screen"), "the idle screen passes the audit");
        }
    }
}
