package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The school in Debian's Chromium: the teacher's printed QR code, read back by ZXing from the
 * screen, opens the panel logged in as its student; a student left idle is logged out and the
 * next student at the same screen sees none of their work. Student sessions here end after
 * 0.05 minutes (3 s) without use.
 */
class SchoolBrowserTest {
    static final double IDLE_SECONDS = 3;
    PanelRig rig;
    PanelRig.Client teacher;

    @BeforeEach
    void rigWithShortStudentSessions() throws Exception {
        rig = new PanelRig(2, false, Map.of("studentIdleMinutes", Double.toString(IDLE_SECONDS / 60)));
        teacher = rig.loggedIn();
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    JsonNode addStudent(String name, String className) throws Exception {
        HttpResponse<String> r = teacher.change("POST", "/api/students", "{\"name\":\"" + name + "\",\"class\":\"" + className + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return teacher.json(r);
    }

    PanelRig.Client student(JsonNode added) throws Exception {
        PanelRig.Client c = rig.client();
        HttpResponse<String> r = c.send("POST", "/api/session", "{\"code\":\"" + added.get("code").asText() + "\"}", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        c.csrf = c.json(r).get("csrf").asText();
        return c;
    }

    static String decode(WebElement qr) throws Exception {
        byte[] png = qr.getScreenshotAs(OutputType.BYTES);
        java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
        java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("school-qr-code.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    }

    @Test
    void aQrCodeFromThePrintedSheetOpensThePanelLoggedInAsItsStudentUntilANewSheetIsMade() throws Exception {
        JsonNode ada = addStudent("Ada", "3b");
        addStudent("Ben", "3b");
        String url;
        try (Browser b = new Browser(1280, 900, false)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("students");
            b.find("#make-sheet").click();
            WebElement card = b.find(".qr-card[data-student='" + ada.get("id").asText() + "']");
            b.js("arguments[0].scrollIntoView()", card);
            b.until(d -> Boolean.TRUE.equals(b.js("return [...document.querySelectorAll('img.qr')].every(i => i.complete && i.naturalWidth > 0)")) ? true : null);
            assertEquals(2, b.driver.findElements(By.cssSelector(".qr-card img.qr")).size());
            assertTrue(card.getText().contains("Ada") && card.getText().contains(ada.get("code").asText()), card.getText());
            b.screenshot("school-qr-sheet");
            url = decode(card.findElement(By.cssSelector("img.qr")));
        }
        URI qr = URI.create(url);
        assertEquals(rig.panel.url().getHost(), qr.getHost(), url);
        assertEquals(rig.panel.port(), qr.getPort(), url);
        assertTrue(qr.getRawFragment().matches("qr=[A-Za-z0-9_-]{43}"), "the key rides in the fragment, which no request carries: " + url);
        assertTrue(qr.getRawQuery() == null && qr.getRawPath().equals("/"), url);

        try (Browser phone = new Browser(800, 480, true)) {
            phone.open(rig.base.resolve("/#" + qr.getRawFragment()).toString());
            phone.until(d -> "Ada".equals(d.findElement(By.id("session-name")).getText()) ? true : null);
            assertEquals("#record", phone.js("return location.hash"), "the key is out of the address bar");
            assertEquals("student", phone.js("return document.body.dataset.role"));
            assertFalse(phone.driver.findElement(By.cssSelector("#nav a[data-page=settings]")).isDisplayed(), "a student's nav has no Settings");
        }

        // A new sheet: the old code no longer opens anything.
        assertEquals(200, teacher.change("POST", "/api/students/sheet", "{}").statusCode());
        try (Browser late = new Browser(800, 480, true)) {
            late.open(rig.base.resolve("/#" + qr.getRawFragment()).toString());
            late.until(d -> d.findElement(By.id("login")).isDisplayed() ? true : null);
            String error = late.until(d -> {
                Object text = late.js("return document.getElementById('login-error').textContent");
                return text == null || text.toString().isEmpty() ? null : text.toString();
            });
            assertTrue(error.contains("QR"), error);
        }
    }

    @Test
    void aStudentLeftIdleIsLoggedOutAndTheNextStudentAtTheScreenSeesNoneOfTheirWork() throws Exception {
        JsonNode ada = addStudent("Ada", "4a");
        JsonNode ben = addStudent("Ben", "4a");
        PanelRig.Client adaApi = student(ada);
        String adasTake = rig.recordTake(adaApi, 300);
        assertEquals(200, adaApi.change("PATCH", "/api/takes/" + adasTake, "{\"name\":\"Ada's secret riff\"}").statusCode());

        try (Browser kiosk = new Browser(800, 480, false)) {
            kiosk.open(rig.base.toString());
            kiosk.find("#login-as-student").click();
            kiosk.logIn(ada.get("code").asText());
            kiosk.page("takes");
            kiosk.until(d -> d.findElement(By.id("view")).getText().contains("Ada's secret riff") ? true : null);
            long idleFrom = System.currentTimeMillis();
            kiosk.until(d -> d.findElement(By.id("login")).isDisplayed() ? true : null);
            long idleMillis = System.currentTimeMillis() - idleFrom;
            assertTrue(idleMillis >= IDLE_SECONDS * 1000 - 1000, "logged out after the idle time, not before: " + idleMillis + " ms");
            assertEquals("", kiosk.driver.findElement(By.id("view")).getText(), "the last student's page is gone, not just covered");
            kiosk.screenshot("school-idle-logout");

            kiosk.find("#login-as-student").click();
            kiosk.logIn(ben.get("code").asText());
            kiosk.page("takes");
            kiosk.until(d -> "Ben".equals(d.findElement(By.id("session-name")).getText()) ? true : null);
            Thread.sleep(500);
            assertFalse(kiosk.driver.getPageSource().contains("secret riff"), "Ben's screen holds nothing of Ada's");
        }
        assertEquals(401, adaApi.get("/api/takes").statusCode(), "Ada's session ended on the server too");
    }
}
