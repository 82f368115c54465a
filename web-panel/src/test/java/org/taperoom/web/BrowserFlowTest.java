package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a person does with the panel, in a real headless Chromium against the real server: log in,
 * record with the big button while the meters move, stop, find the take, play and seek it,
 * rename it, delete it and undo; then every page, and the same on a phone and on the 800×480
 * touch screen. Screenshots go to web-panel/target/screenshots.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(4)
class BrowserFlowTest {
    static PanelRig rig;

    static double meterHeight(Browser b, int input) {
        Object h = b.js("const f = document.querySelector('.meter[data-input=\"' + arguments[0] + '\"] .fill');"
                + "return f ? parseFloat(f.style.height || '0') : -1;", input);
        return ((Number) h).doubleValue();
    }

    @Test
    void aPersonRecordsFindsPlaysRenamesDeletesAndUndoes() throws Exception {
        try (Browser b = new Browser(1280, 900, false)) {
            b.open(rig.base.toString());
            assertTrue(b.find("#pin").isDisplayed(), "the login comes first");
            b.find("#pin").sendKeys("0000");
            b.find("#login-button").click();
            b.until(d -> d.findElement(By.id("login-error")).getText().contains("wrong PIN") ? true : null);
            b.find("#pin").clear();
            b.logIn(PanelRig.PIN);

            WebElement record = b.find("#record-button");
            assertEquals("4", String.valueOf(b.driver.findElements(By.cssSelector(".meter")).size()));
            b.until(d -> meterHeight(b, 1) > 0 ? true : null);
            double first = meterHeight(b, 1);
            // Turn input 1 down at the (simulated) interface: its meter must fall, the others stay.
            rig.sim.gains().setGainDb(0, -24);
            b.until(d -> meterHeight(b, 1) < first - 20 ? true : null);
            assertTrue(meterHeight(b, 2) > first - 5, "input 2 kept its level");
            rig.sim.gains().setGainDb(0, 0);
            b.until(d -> meterHeight(b, 1) > first - 5 ? true : null);

            record.click();
            b.until(d -> "true".equals(record.getAttribute("data-recording")) ? true : null);
            b.until(d -> "recording".equals(d.findElement(By.id("state-pill")).getText().toLowerCase()) ? true : null);
            b.until(d -> !"00:00".equals(d.findElement(By.id("elapsed")).getText()) ? true : null);
            b.screenshot("desktop-record");
            Thread.sleep(1200);
            record.click();
            b.until(d -> "false".equals(record.getAttribute("data-recording")) ? true : null);
            rig.awaitState("idle", 10000);

            b.page("takes");
            WebElement take = b.find("#take-list .take");
            String id = take.getAttribute("data-take");
            take.click();
            WebElement audio = b.find("#player");
            b.until(d -> ((Number) b.js("return arguments[0].readyState", audio)).intValue() >= 1 ? true : null);
            double duration = ((Number) b.js("return arguments[0].duration", audio)).doubleValue();
            assertTrue(duration > 1.0 && duration < 10, "audio duration " + duration);
            b.js("arguments[0].currentTime = arguments[1] / 2", audio, duration);
            b.until(d -> ((Number) b.js("return arguments[0].currentTime", audio)).doubleValue() >= duration / 2 - 0.1 ? true : null);
            b.js("arguments[0].play().catch(e => window.__playError = String(e))", audio);
            b.until(d -> ((Number) b.js("return arguments[0].currentTime", audio)).doubleValue() > duration / 2 + 0.2 ? true : null);
            b.until(d -> b.js("const c = document.getElementById('waveform'); return c.width > 0 ? true : null") );
            b.screenshot("desktop-takes");

            WebElement name = b.find("#take-name");
            name.clear();
            name.sendKeys("First riff");
            b.find("#save-take").click();
            b.until(d -> d.findElements(By.cssSelector("#take-list .take .name")).stream().anyMatch(e -> e.getText().equals("First riff")) ? true : null);
            String renamedId = b.find("#take-list .take[aria-current=true]").getAttribute("data-take");
            assertTrue(renamedId.endsWith("first-riff"), renamedId);
            assertFalse(renamedId.equals(id));

            b.find("#delete-take").click();
            b.until(d -> d.findElements(By.cssSelector("#take-list .take[data-take='" + renamedId + "']")).isEmpty() ? true : null);
            assertTrue(rig.engine.library().get(renamedId).isEmpty(), "the take left the library for the trash");
            WebElement undo = b.find("#toast-action");
            assertEquals("Undo", undo.getText());
            undo.click();
            b.until(d -> d.findElements(By.cssSelector("#take-list .take[data-take='" + renamedId + "']")).size() == 1 ? true : null);
            assertTrue(rig.engine.library().get(renamedId).isPresent(), "the take is back in the library");

            visitEveryPage(b, "desktop");
        }
    }

    /** Mix, Master, Export (with its QR code) and Settings on the current take, one screenshot each. */
    static void visitEveryPage(Browser b, String prefix) throws Exception {
        b.page("mix");
        b.find(".strip");
        if (prefix.equals("desktop")) {
            // The live mixer: Play, then a fader move is heard at once (the engine's strip meters show it) and saved.
            b.find("#mix-play").click();
            b.until(d -> b.js("const f = document.querySelectorAll('.strips [data-track] .strip-meter-fill');"
                    + "return f.length === 4 && parseFloat(f[1].dataset.db) > -30 ? true : null;"));
            b.js("const f = document.getElementById('fader-1'); f.value = '-12'; f.dispatchEvent(new Event('input'));");
            b.until(d -> b.js("const f = document.querySelectorAll('.strips [data-track] .strip-meter-fill');"
                    + "return parseFloat(f[0].dataset.db) < parseFloat(f[1].dataset.db) - 6 ? true : null;"));
            String take = (String) b.js("return sessionStorage.getItem('taperoom.take')");
            PanelRig.Client api = rig.loggedIn();
            var doc = api.json(api.get("/api/takes/" + take));
            String stem = doc.get("tracks").get(0).get("stem").asText();
            // Saved a moment after the last move.
            b.until(d -> {
                try {
                    return api.json(api.get("/api/takes/" + take + "/mix")).path("tracks").path(stem).path("fader_db").asDouble() == -12 ? true : null;
                } catch (Exception e) {
                    return null;
                }
            });
            b.find("#mix-stop").click();
        }
        b.screenshot(prefix + "-mix");
        b.page("master");
        b.find("[data-preset='streaming']");
        b.screenshot(prefix + "-master");
        b.page("export");
        b.find("#format");
        b.js("document.getElementById('format').value = 'mp3'");
        b.find("#export-button").click();
        WebElement qr = new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(90))
                .until(d -> d.findElements(By.id("qr")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        b.until(d -> ((Number) b.js("return arguments[0].naturalWidth", qr)).intValue() > 0 ? true : null);
        assertTrue(b.find("#share-link").getText().contains("/share/"));
        b.screenshot(prefix + "-export");
        b.page("settings");
        b.find("#preRollSeconds");
        b.screenshot(prefix + "-settings");
        b.page("takes");
        b.find("#take-list .take");
    }

    static void assertNoSidewaysScrolling(Browser b, String where) {
        long scroll = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
        long width = ((Number) b.js("return window.innerWidth")).longValue();
        assertTrue(scroll <= width + 1, where + ": the page scrolls sideways (" + scroll + " > " + width + ")");
    }

    static void assertTouchTargets(Browser b, String where) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) b.js("return [...document.querySelectorAll('#view button, #nav a, .bar button')]"
                + ".filter(e => e.offsetParent !== null).filter(e => { const r = e.getBoundingClientRect(); return r.height < 32 || r.width < 32; })"
                + ".map(e => (e.id || e.className || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height));");
        assertTrue(small.isEmpty(), where + ": touch targets smaller than 32 px: " + small);
    }

    @Test
    void onAPhoneInPortraitEveryPageFitsAndTheBigButtonRecords() throws Exception {
        try (Browser b = new Browser(390, 844, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            WebElement record = b.find("#record-button");
            assertTrue(record.getSize().getWidth() >= 96, "the record button is big on a phone: " + record.getSize());
            assertNoSidewaysScrolling(b, "phone record");
            assertTouchTargets(b, "phone record");
            record.click();
            b.until(d -> "true".equals(record.getAttribute("data-recording")) ? true : null);
            Thread.sleep(800);
            b.screenshot("phone-record");
            record.click();
            b.until(d -> "false".equals(record.getAttribute("data-recording")) ? true : null);
            rig.awaitState("idle", 10000);
            b.page("takes");
            b.find("#take-list .take").click();
            b.find("#player");
            assertNoSidewaysScrolling(b, "phone takes");
            b.screenshot("phone-takes");
            visitEveryPage(b, "phone");
            b.page("export");
            b.find("#export-button");
            b.find("#export-list .take").click();
            b.find("#qr");
            assertNoSidewaysScrolling(b, "phone export with its QR code");
            for (String page : List.of("mix", "master", "settings")) {
                b.page(page);
                b.find("#view section");
                if (!page.equals("mix")) assertNoSidewaysScrolling(b, "phone " + page);
            }
        }
    }

    @Test
    void onThe800By480TouchScreenTheRecordPageFitsWithoutScrolling() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.find("#record-button");
            b.find(".meter");
            assertNoSidewaysScrolling(b, "800x480 record");
            assertTouchTargets(b, "800x480 record");
            long bottom = ((Number) b.js("return Math.round(document.querySelector('.meter .arm').getBoundingClientRect().bottom)")).longValue();
            b.screenshot("kiosk-record");
            assertTrue(bottom <= 480, "the arm buttons are on screen without scrolling: bottom at " + bottom);
            b.page("takes");
            b.find("#take-list .take");
            b.screenshot("kiosk-takes");
        }
    }
}
