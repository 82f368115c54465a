package org.taperoom.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelLog;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.RawHttp;
import org.taperoom.web.security.SecurityHeaders;

/**
 * Requests no browser sends, written byte for byte: undecodable path parameters, broken bodies,
 * and the ones Jetty itself refuses before any route runs. Each gets a 4xx with the security
 * headers, and the log stays quiet (no stack trace anyone could repeat to flood the journal).
 */
@ExtendWith(PanelRigExtension.class)
class MalformedRequestTest {
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;

    @BeforeAll
    static void recordOne() throws Exception {
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 800);
    }

    static int port() {
        return rig.panel.port();
    }

    static String sessionHeaders() {
        return "Cookie: " + LiveSocket.cookieOf(user) + "\r\nX-CSRF-Token: " + user.csrf + "\r\n";
    }

    static String host() {
        return "Host: 127.0.0.1:" + port() + "\r\n";
    }

    @Test
    void aPercentUPathParameterGets400Or404AndAtMostOneLogLineWhateverTheRoute() throws Exception {
        PanelLog log = PanelLog.mark();
        List<String> requests = List.of("GET /api/takes/%u0041", "GET /share/%u0041", "GET /api/jobs/%u0031", "PATCH /api/inputs/%u0031",
                "GET /api/takes/%u0041/exports/%u0042/file", "DELETE /api/takes/%zz");
        for (int round = 0; round < 5; round++) {
            for (String line : requests) {
                RawHttp.Response r = RawHttp.send(port(), line + " HTTP/1.1\r\n" + host() + sessionHeaders()
                        + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
                assertTrue(r.status() == 400 || r.status() == 404, line + " answered " + r.head() + "\n" + r.body());
                assertTrue(r.body().contains("\"error\""), r.body());
                assertEquals(SecurityHeaders.CSP, r.header("Content-Security-Policy"), line);
            }
        }
        String logged = log.since();
        assertFalse(PanelLog.hasStackTrace(logged), logged);
        assertTrue(logged.lines().count() <= 1, "30 bad paths logged:\n" + logged);
    }

    @Test
    void aLoginWithABadChunkHeaderGets400Quietly() throws Exception {
        PanelLog log = PanelLog.mark();
        RawHttp.Response r = RawHttp.send(port(), "POST /api/session HTTP/1.1\r\n" + host()
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{\"pin\":\"1\"}\r\n0\r\n\r\n");
        assertEquals(400, r.status(), r.head() + "\n" + r.body());
        assertEquals(SecurityHeaders.CSP, r.header("Content-Security-Policy"));
        assertFalse(PanelLog.hasStackTrace(log.since()), log.since());
    }

    @Test
    void aBodyShorterThanItsContentLengthThenAHalfCloseGets400Quietly() throws Exception {
        for (String line : List.of("POST /api/session", "PUT /api/takes/" + takeId + "/mix", "PATCH /api/inputs/1")) {
            PanelLog log = PanelLog.mark();
            String request = line + " HTTP/1.1\r\n" + host() + sessionHeaders()
                    + "Content-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"pin\":\"1\"";
            RawHttp.Response r = RawHttp.send(port(), request.getBytes(StandardCharsets.ISO_8859_1), true);
            assertEquals(400, r.status(), line + ": " + r.head() + "\n" + r.body());
            assertFalse(PanelLog.hasStackTrace(log.since()), line + ":\n" + log.since());
        }
    }

    @Test
    void garbledChunkedBodiesOnTheMixAndTheInputsGet400Quietly() throws Exception {
        for (String line : List.of("PUT /api/takes/" + takeId + "/mix", "PATCH /api/inputs/1")) {
            PanelLog log = PanelLog.mark();
            String request = line + " HTTP/1.1\r\n" + host() + sessionHeaders()
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"name\r\nzz\r\n";
            RawHttp.Response r = RawHttp.send(port(), request.getBytes(StandardCharsets.ISO_8859_1), true);
            assertEquals(400, r.status(), line + ": " + r.head() + "\n" + r.body());
            assertFalse(PanelLog.hasStackTrace(log.since()), line + ":\n" + log.since());
        }
    }

    @Test
    void jettysOwn400414And431PagesCarryTheSecurityHeaders() throws Exception {
        RawHttp.Response badHeader = RawHttp.send(port(), "GET /api/state HTTP/1.1\r\n" + host() + "Bad Header\r\nConnection: close\r\n\r\n");
        RawHttp.Response longUri = RawHttp.send(port(), "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        RawHttp.Response bigHeaders = RawHttp.send(port(), "GET /api/state HTTP/1.1\r\n" + host() + "X-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(400, badHeader.status(), badHeader.head());
        assertEquals(414, longUri.status(), longUri.head());
        assertEquals(431, bigHeaders.status(), bigHeaders.head());
        for (RawHttp.Response r : List.of(badHeader, longUri, bigHeaders)) {
            assertEquals(SecurityHeaders.CSP, r.header("Content-Security-Policy"), r.head());
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.head());
            assertEquals("DENY", r.header("X-Frame-Options"), r.head());
            assertEquals("no-referrer", r.header("Referrer-Policy"), r.head());
        }
    }
}
