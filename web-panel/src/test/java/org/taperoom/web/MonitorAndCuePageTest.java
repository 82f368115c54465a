package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorRouting;

/**
 * In Debian's headless Chromium on the 800×480 touch screen: the monitor mix is set on the
 * Settings page and the next pass reads it; on the Song page the click and a count-in go with the
 * pass, which then starts on the song's first frame, the bar line after the count-in.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(value = 2, device = "sim:loopback=0")
class MonitorAndCuePageTest {
    static PanelRig rig;

    @Test
    void theMonitorMixSetOnTheSettingsPageIsWhatTheNextPassReads() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("settings");
            b.until(d -> d.findElements(By.id("monitor-on")).isEmpty() ? null : true);
            SongPageFlowTest.tap(b, "#monitor-on");
            new Select(b.find("#monitor-outputs")).selectByValue("3-4");
            WebElement level = b.find("#monitor-level-2");
            level.clear();
            level.sendKeys("-6");
            SongPageFlowTest.tap(b, "#monitor-mute-2");
            b.screenshot("kiosk-settings-monitor");
            SongPageFlowTest.tap(b, "#save-monitor");
            b.until(d -> d.findElement(By.id("monitor-result")).getText().isEmpty() ? null : true);
        }
        MonitorRouting r = rig.monitor.get();
        assertTrue(r.on(), "on");
        assertEquals("3-4", r.outputs().toString());
        assertEquals(new MonitorMix.Input(2, -6, 0, false), r.mix().inputs().get(1), "input 2 heard at -6 dB");
        assertTrue(r.mix().inputs().get(0).muted(), "input 1, never unmuted, stays muted");
    }

    @Test
    void aPassWithTheClickAndACountInFromTheSongPageStartsOnTheSongsFirstFrame() throws Exception {
        PanelRig.Client api = rig.loggedIn();
        String takeId = rig.recordTake(api, 800);
        String songId;
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("takes");
            SongPageFlowTest.tap(b, "#take-list .take[data-take='" + takeId + "']");
            SongPageFlowTest.tap(b, "#make-song-from-take");
            b.until(d -> "song".equals(d.findElement(By.id("view")).getAttribute("data-page")) ? true : null);
            SongPageFlowTest.tap(b, "#make-song");
            b.until(d -> d.findElements(By.cssSelector("#song-detail .song-lane")).size() == 2 ? true : null);
            songId = api.json(api.get("/api/songs")).get(0).get("id").asText();
            for (WebElement arm : b.driver.findElements(By.cssSelector("[data-arm]"))) {
                boolean want = arm.getAttribute("data-arm").equals("1");
                if (Boolean.parseBoolean(arm.getAttribute("aria-pressed")) != want) arm.click();
            }
            SongPageFlowTest.tap(b, "#pass-click");
            assertEquals("true", b.find("#pass-click").getDomAttribute("aria-pressed"), "the click's state is said, not only shown");
            new Select(b.find("#count-in")).selectByValue("1");
            new Select(b.find("#pass-click-sound")).selectByValue("stick");
            new Select(b.find("#pass-click-level")).selectByValue("-6");
            b.js("window.__passBodies = []; const send = window.fetch; window.fetch = (url, init) => {"
                    + " if (String(url).endsWith('/passes') && init && init.body) window.__passBodies.push(JSON.parse(init.body));"
                    + " return send(url, init); };");
            WebElement lane = b.find("#pass-lane");
            lane.clear();
            lane.sendKeys("Counted");
            SongPageFlowTest.tap(b, "#record-pass");
            b.until(d -> "true".equals(d.findElement(By.id("record-pass")).getAttribute("data-overdubbing")) ? true : null);
            assertEquals("stick -6", b.js("const p = window.__passBodies[0]; return p.clickSound + ' ' + p.clickLevelDb;"),
                    "the pass asks for the click's chosen sound and level");
            // A bar of 4/4 at the song's 120 BPM is 2 s; then a second of the pass.
            Thread.sleep(3200);
            SongPageFlowTest.tap(b, "#record-pass");
            b.until(d -> d.findElements(By.cssSelector(".song-lane[data-lane-name='Counted'] .pass-block")).size() == 1 ? true : null);
        }
        JsonNode lanes = api.json(api.get("/api/songs/" + songId)).get("lanes");
        JsonNode counted = null;
        for (JsonNode l : lanes) if (l.get("name").asText().equals("Counted")) counted = l;
        assertTrue(counted != null, "the pass's lane: " + lanes);
        JsonNode pass = counted.get("passes").get(0);
        assertEquals(0, pass.get("offsetFrames").asLong(), "the pass starts on song frame 0, the bar line the count-in ends on: " + pass);
        assertTrue(pass.get("lengthFrames").asLong() > 24_000, "it holds what was played after the count-in: " + pass);
    }
}
