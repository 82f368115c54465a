package org.taperoom.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.WebPanel;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.web.security.SecurityHeaders;
import org.taperoom.web.server.PanelServer;

/** Logging in, the session cookie, the login rate limit, headers, bodies and the start-up PIN check. */
@ExtendWith(PanelRigExtension.class)
class SessionSecurityTest {
    static PanelRig rig;

    @Test
    void theRightPinGivesAnHttpOnlySameSiteStrictCookieAndACsrfToken() throws Exception {
        PanelRig.Client c = rig.client();
        HttpResponse<String> r = c.login(PanelRig.PIN);
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("taperoom_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(c.csrf.length() >= 40, "csrf token: " + c.csrf);
        assertEquals(200, c.get("/api/takes").statusCode());
        assertEquals(c.csrf, c.json(c.get("/api/session")).get("csrf").asText());
    }

    @Test
    void theKioskStateIsReadableWithoutLoginButTheTakesAreNot() throws Exception {
        PanelRig.Client anonymous = rig.client();
        HttpResponse<String> state = anonymous.get("/api/state");
        assertEquals(200, state.statusCode());
        assertEquals("idle", anonymous.json(state).get("state").asText());
        assertEquals(401, anonymous.get("/api/takes").statusCode());
    }

    @Test
    void afterFiveWrongPinsAMinuteEvenTheRightPinIsRefusedWith429() throws Exception {
        try (PanelRig own = new PanelRig()) {
            PanelRig.Client c = own.client();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = c.login("0000");
                assertEquals(401, r.statusCode(), r.body());
                assertEquals("wrong PIN", c.json(r).get("error").asText());
            }
            HttpResponse<String> blocked = c.login(PanelRig.PIN);
            assertEquals(429, blocked.statusCode(), blocked.body());
            assertTrue(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow()) > 0);
            assertTrue(c.json(blocked).get("error").asText().contains("try again"));
        }
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        assertEquals(204, c.change("DELETE", "/api/session", null).statusCode());
        assertEquals(401, c.get("/api/takes").statusCode());
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersStaticFilesIncluded() throws Exception {
        PanelRig.Client c = rig.client();
        for (String path : List.of("/", "/js/main.js", "/css/app.css", "/api/state", "/api/takes", "/api/nothing-here")) {
            HttpResponse<String> r = c.get(path);
            assertEquals(SecurityHeaders.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
            assertTrue(SecurityHeaders.CSP.contains("frame-ancestors 'none'"));
            assertFalse(SecurityHeaders.CSP.contains("unsafe-inline"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void theFrontEndHasNoInlineScriptOrStyleAndLoadsNothingFromElsewhere() throws Exception {
        String html = rig.client().get("/").body();
        assertTrue(html.contains("<script type=\"module\" src=\"/js/main.js\">"), html);
        assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "inline script in index.html");
        assertFalse(html.contains("<style"), "inline style element");
        assertFalse(html.contains("style=\""), "inline style attribute");
        assertFalse(html.contains("http://") || html.contains("https://"), "a reference to another host");
    }

    @Test
    void badBodiesGet400NamingTheProblemAndOversizedOnes413NeverA500() throws Exception {
        PanelRig.Client c = rig.loggedIn();
        HttpResponse<String> invalid = c.change("PATCH", "/api/inputs/1", "{\"name\": ");
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(c.json(invalid).get("error").asText().startsWith("body: not valid JSON"), invalid.body());
        HttpResponse<String> array = c.change("PATCH", "/api/inputs/1", "[1,2]");
        assertEquals(400, array.statusCode());
        assertEquals("body: expected a JSON object", c.json(array).get("error").asText());
        String huge = "{\"name\":\"" + "x".repeat((int) PanelServer.MAX_BODY_BYTES + 10) + "\"}";
        HttpResponse<String> big = c.change("PATCH", "/api/inputs/1", huge);
        assertEquals(413, big.statusCode(), big.body().substring(0, Math.min(200, big.body().length())));
        HttpResponse<String> login = c.send("POST", "/api/session", "{\"pin\": 1234}", Map.of());
        assertEquals(400, login.statusCode());
        assertEquals("pin: expected a string, got a number", c.json(login).get("error").asText());
    }

    @Test
    void thePanelRefusesToListenBeyondLoopbackWithoutAPinInOneLine() {
        Config open = rig.config.with(PanelKeys.ADDRESS, "0.0.0.0").with(PanelKeys.PIN_HASH, "");
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                WebPanel.start(new PanelContext(open, rig.engine, rig.engine.library(), rig.control.transport(), null, rig.control.arming(), InputGain.NONE)));
        assertTrue(e.getMessage().startsWith("the panel would listen on 0.0.0.0 without a PIN"), e.getMessage());
        assertTrue(e.getMessage().contains("taperoom serve --set-pin"), "a screenless appliance's way to a PIN: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void onLoopbackWithoutAPinTheLoginNeedsNoPinButSessionsAndCsrfStillApply() throws Exception {
        Config loopback = rig.config.with(PanelKeys.PIN_HASH, "").with(PanelKeys.PORT, 0);
        try (WebPanel p = WebPanel.start(new PanelContext(loopback, rig.engine, rig.engine.library(), rig.control.transport()))) {
            var http = java.net.http.HttpClient.newHttpClient();
            var base = java.net.URI.create("http://127.0.0.1:" + p.port());
            var takes = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/takes")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, takes.statusCode());
            var login = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/session"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"pin\":\"\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
        }
    }
}
