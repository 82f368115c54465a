package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The calibration in Debian's headless Chromium on the 800×480 touch screen, against the real
 * server on the simulated interface whose outputs come back 37 frames later: Settings and the Song
 * page say the interface is uncalibrated, the Settings button measures 37 frames, and then both
 * say it is calibrated.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(value = 2, device = "sim:loopback=37")
class CalibrationPageTest {
    static PanelRig rig;

    @Test
    void aTeacherCalibratesFromSettingsAndTheSongPageStopsSayingUncalibrated() throws Exception {
        PanelRig.Client api = rig.loggedIn();
        String take = rig.recordTake(api, 400);
        String song = api.json(api.change("POST", "/api/songs", "{\"title\":\"Calibrated\",\"fromTake\":\"" + take + "\"}")).get("id").asText();
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("song");
            SongPageFlowTest.tap(b, "#song-select");
            b.js("const s = document.getElementById('song-select'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", song);
            b.until(d -> d.findElement(By.id("song-calibration")).getText().startsWith("Uncalibrated: using the delays ALSA reports") ? true : null);

            b.page("settings");
            b.until(d -> d.findElement(By.id("calibration-status")).getText().equals("Uncalibrated: using the delays ALSA reports") ? true : null);
            assertTrue(b.find("#calibration-settings").getText().contains("sim:loopback=37"), b.find("#calibration-settings").getText());
            SongPageFlowTest.tap(b, "#calibrate");
            // Five bursts of a test signal, each with half a second to come back, then the search: seconds.
            long end = System.currentTimeMillis() + 60_000;
            while (!b.find("#calibration-status").getText().startsWith("Calibrated:") && System.currentTimeMillis() < end) Thread.sleep(200);
            assertEquals("Calibrated: round trip 37 frames (0.771 ms), spread 0 frames", b.find("#calibration-status").getText());
            assertEquals("", b.js("return document.getElementById('calibration-error').textContent"), "no problem is shown");
            b.screenshot("kiosk-settings-calibrated");

            b.page("song");
            b.until(d -> d.findElements(By.cssSelector("#song-detail .song-lane")).size() == 2 ? true : null);
            b.until(d -> "".equals(b.js("const n = document.getElementById('song-calibration'); return n ? n.textContent : null")) ? true : null);
        }
    }
}
