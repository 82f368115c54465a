package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.taperoom.appliance.publish.PublishPlan;
import org.taperoom.appliance.publish.PublishScope;
import org.taperoom.appliance.publish.Remotes;
import org.taperoom.appliance.publish.TimeWindow;
import org.taperoom.appliance.publish.UploadService;

/**
 * The Release and Publish pages in Chromium against the real server, its publisher and a real
 * rclone: a person makes a release of a take; the publisher queues its ZIP for a WebDAV remote
 * that is not up yet, so the upload fails and the header's badge and the Publish page say so;
 * a second export is cancelled; once the remote is up, Retry publishes the ZIP, verified.
 */
class ReleaseAndPublishFlowTest {
    static PanelRig rig;
    static Path remoteDir;
    static int davPort;
    static Process dav;

    @BeforeAll
    static void start() throws Exception {
        remoteDir = Files.createTempDirectory("taperoom-remote-");
        davPort = Remotes.freePort();
        Path config = Files.writeString(remoteDir.resolve("rclone.conf"),
                "[room-nas]\ntype = webdav\nurl = http://127.0.0.1:" + davPort + "\nvendor = rclone\n");
        // A 60 s backoff: only the page's Retry can make the failed upload run again within the test.
        rig = new PanelRig(2, false, library -> new UploadService.Settings(new PublishPlan("room-nas:band", "room-7", PublishScope.EXPORTS),
                config, null, TimeWindow.ALWAYS, 0, 300, 60_000, 300_000, 10_000));
    }

    @AfterAll
    static void stop() throws Exception {
        if (dav != null) dav.destroy();
        if (rig != null) rig.close();
    }

    @Test
    void aPersonMakesAReleaseSeesItsUploadFailRetriesItAndItArrives() throws Exception {
        PanelRig.Client api = rig.loggedIn();
        String takeId = rig.recordTake(api, 1500);
        Path takeFolder = rig.engine.library().list().get(0).ref().folder();
        try (Browser b = new Browser(1280, 900, false)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.js("sessionStorage.setItem('taperoom.take', arguments[0])", takeId);

            b.page("release");
            WebElement album = b.find("#release-album");
            album.clear();
            album.sendKeys("Blue Room");
            b.find("#release-album_artist").sendKeys("The Taperoom Band");
            b.find("button.output[data-output='distributor-wav']").click();
            WebElement mp3 = b.find("button.output[data-output='mp3']");
            mp3.click();
            assertEquals("true", mp3.getAttribute("aria-pressed"));
            assertEquals("MP3 320 kbit/s", mp3.getText());
            b.find("#release-button").click();
            b.until(d -> d.findElement(By.id("release-stage")).getText().equals("Release ready.") ? true : null);
            WebElement download = b.find("#release-list .release a.button");
            assertTrue(download.getText().startsWith("Download Blue Room.zip"), download.getText());
            assertTouchTargets(b, "#view button, #view select, #view input, #view a.button");
            b.screenshot("desktop-release");

            Path zip;
            try (Stream<Path> s = Files.walk(takeFolder.resolve("releases"))) {
                zip = s.filter(p -> p.getFileName().toString().equals("Blue Room.zip")).findFirst().orElseThrow();
            }
            // A second export for the publisher: this one the person cancels.
            Path extra = Files.write(Files.createDirectories(takeFolder.resolve("renders")).resolve("20261201-200000-rough.flac"), new byte[] {1, 2, 3});

            // The remote is not up: both uploads fail; the badge says so in words.
            WebElement badge = b.find("#upload-badge");
            b.until(d -> badge.getText().equals("2 to upload, 2 failed") ? true : null);
            assertEquals("true", badge.getAttribute("data-failing"));
            JsonNode state = api.json(api.get("/api/state")).get("uploads");
            assertEquals(2, state.get("queued").asInt());
            assertTrue(state.get("lastError").asText().contains("rclone copyto failed"), state.toString());
            assertFalse(state.get("lastError").asText().contains(rig.dir.toString()), "no host paths: " + state);

            badge.click();
            b.until(d -> "publish".equals(d.findElement(By.id("view")).getAttribute("data-page")) ? true : null);
            WebElement roughJob = b.find(".upload-job[data-state='failing'] .cancel[aria-label*='rough.flac']");
            assertTrue(b.find(".upload-job .job-state").getText().startsWith("Failed attempts: 1;"), b.find(".upload-job .job-state").getText());
            assertTouchTargets(b, "#view button, #upload-badge");
            b.screenshot("desktop-publish-failing");
            roughJob.click();
            b.until(d -> d.findElements(By.cssSelector(".upload-job")).size() == 1 ? true : null);

            dav = Remotes.serveWebdav(Files.createDirectories(remoteDir.resolve("store")), davPort, false);
            Remotes.waitForPort(davPort);
            b.find(".upload-job .retry").click();
            b.until(d -> d.findElements(By.id("publish-empty")).isEmpty() ? null : true);
            b.until(d -> badge.getText().equals("All uploaded") ? true : null);
            assertEquals("false", badge.getAttribute("data-failing"));
            b.screenshot("desktop-publish-done");

            String day = takeFolder.getParent().getFileName().toString();
            Path object = remoteDir.resolve("store/band/room-7").resolve(day).resolve(takeFolder.getFileName())
                    .resolve(takeFolder.relativize(zip));
            assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(object), "the ZIP on the remote is the release's");
            assertFalse(Files.exists(object.getParent().getParent().getParent().resolve("renders/20261201-200000-rough.flac")),
                    "the cancelled export was not uploaded");
            assertTrue(Files.exists(extra), "cancelling never deletes the local file");
            JsonNode after = api.json(api.get("/api/state")).get("uploads");
            assertEquals(0, after.get("queued").asInt());
            assertEquals(1, after.get("done").asInt());
            Thread.sleep(700);
            assertEquals(0, api.json(api.get("/api/publish")).get("jobs").size(), "the cancelled file is not queued again");
        }
        // The same pages on a phone, in German: they fit the width, and every word is the German file's.
        try (Browser phone = new Browser(390, 844, true)) {
            phone.open(rig.base.toString());
            phone.js("localStorage.setItem('taperoom.lang', 'de'); sessionStorage.setItem('taperoom.take', arguments[0])", takeId);
            phone.open(rig.base.toString());
            phone.logIn(PanelRig.PIN);
            phone.page("release");
            assertTrue(phone.find("#view h2").getText().startsWith("Veröffentlichung · "), phone.find("#view h2").getText());
            assertEquals("Veröffentlichung erstellen", phone.find("#release-button").getText());
            BrowserFlowTest.assertNoSidewaysScrolling(phone, "phone release");
            // Eight pages in the nav: on a phone it scrolls sideways; no link is squeezed so that its word spills over the next.
            Object squeezed = phone.js("return [...document.querySelectorAll('#nav a')].filter(a => a.scrollWidth > a.clientWidth + 1).map(a => a.textContent);");
            assertEquals(List.of(), squeezed, "nav links narrower than their words on a phone");
            assertTouchTargets(phone, "#view button, #view select, #view input, #view a.button");
            phone.screenshot("phone-release-de");
            phone.page("publish");
            phone.find("#publish-empty");
            assertEquals("Alles hochgeladen", phone.find("#upload-badge").getText());
            BrowserFlowTest.assertNoSidewaysScrolling(phone, "phone publish");
            phone.screenshot("phone-publish-de");
        }
    }

    /** Every visible control matched by {@code css} is at least 48 CSS pixels tall and wide. */
    private static void assertTouchTargets(Browser b, String css) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) b.js("return [...document.querySelectorAll(arguments[0])]"
                + ".filter(e => e.offsetParent !== null).map(e => [e, e.getBoundingClientRect()])"
                + ".filter(([e, r]) => r.height < 47.5 || r.width < 47.5).map(([e, r]) => (e.id || e.className || e.tagName) + ' ' + r.width + 'x' + r.height)", css);
        assertEquals(List.of(), small, "controls smaller than 48 px");
    }
}
