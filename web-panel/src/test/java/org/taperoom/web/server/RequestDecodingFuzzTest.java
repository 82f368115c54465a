package org.taperoom.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelLog;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.RawHttp;

/**
 * Generated requests against every route with a path parameter and every route with a body, on
 * loopback: ids made of stray and {@code %u} escapes, overlong UTF-8, NUL and 64 KB runs; bodies
 * chunked with garbled or missing sizes, or shorter or longer than their Content-Length. None may
 * answer 5xx or leave a stack trace in the log. Seeded, bounded in count and in time.
 */
@ExtendWith(PanelRigExtension.class)
class RequestDecodingFuzzTest {
    static final long SEED = 0x7a9e700dL;
    static final int PATH_CASES = 400;
    static final int BODY_CASES = 200;
    static final long BUDGET_MILLIS = 40_000;
    static final String[] PIECES = {"%", "%u", "%u0", "%u0041", "%uD800", "%C0%AF", "%E0%80%AF", "%F0%80%80%AF", "%C0%80", "%00", "%zz",
            "%2F", "%2e%2e", "..", "%5C", "a", "Z9", "-", "_", "~1", "%41", "%FF", "%80", "%E2%82", "%F4%90%80%80", "%%", "%20", ";x", "%3B"};

    static PanelRig rig;
    static PanelRig.Client user;
    /** Answers of the running test by status, printed with its figures. */
    static final Map<Integer, Integer> statuses = new TreeMap<>();

    @BeforeAll
    static void login() throws Exception {
        user = rig.loggedIn();
    }

    static String generatedId(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) return "a".repeat(64 * 1024);
        if (kind == 1) return "%u0041".repeat(64 * 1024 / 6);
        if (kind == 2) return "%00".repeat(1 + random.nextInt(40));
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) b.append(PIECES[random.nextInt(PIECES.length)]);
        return b.toString();
    }

    static String session(Random random) {
        return random.nextBoolean() ? "Cookie: " + LiveSocket.cookieOf(user) + "\r\nX-CSRF-Token: " + user.csrf + "\r\n" : "";
    }

    static void record(RawHttp.Response r, String what) {
        statuses.merge(r.status(), 1, Integer::sum);
        assertFalse(r.status() >= 500, what + " answered " + r.head() + "\n" + r.body());
    }

    @Test
    void generatedPathIdsNeverGetA5xxOrAStackTrace() throws Exception {
        statuses.clear();
        List<Route> withParams = rig.panel.routes().stream().filter(r -> r.path().contains("{")).toList();
        Random random = new Random(SEED);
        PanelLog log = PanelLog.mark();
        long end = System.currentTimeMillis() + BUDGET_MILLIS;
        int sent = 0;
        for (; sent < PATH_CASES && System.currentTimeMillis() < end; sent++) {
            Route route = withParams.get(random.nextInt(withParams.size()));
            String path = route.path().replaceAll("\\{[^}]+}", "\0");
            StringBuilder p = new StringBuilder();
            for (char c : path.toCharArray()) p.append(c == '\0' ? generatedId(random) : String.valueOf(c));
            String request = route.method().name() + " " + p + " HTTP/1.1\r\nHost: 127.0.0.1:" + rig.panel.port() + "\r\n" + session(random)
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
            record(RawHttp.send(rig.panel.port(), request), route.method() + " " + shorten(p.toString()));
        }
        String logged = log.since();
        System.out.println(sent + " generated paths, statuses " + statuses + ", log lines " + logged.lines().count());
        assertTrue(sent >= PATH_CASES / 4, "only " + sent + " requests in " + BUDGET_MILLIS + " ms");
        assertFalse(PanelLog.hasStackTrace(logged), logged);
        assertTrue(logged.lines().count() <= 5, "bad paths logged:\n" + logged);
        assertEquals(200, user.get("/api/state").statusCode(), "the server still answers");
    }

    @Test
    void truncatedAndGarbledBodiesNeverGetA5xxOrAStackTrace() throws Exception {
        statuses.clear();
        List<Route> withBodies = rig.panel.routes().stream().filter(r -> !r.method().name().equals("GET") && !r.path().contains("{id}")).toList();
        Random random = new Random(SEED + 1);
        PanelLog log = PanelLog.mark();
        long end = System.currentTimeMillis() + BUDGET_MILLIS;
        int sent = 0;
        for (; sent < BODY_CASES && System.currentTimeMillis() < end; sent++) {
            Route route = withBodies.get(random.nextInt(withBodies.size()));
            String path = route.path().replace("{n}", "1").replaceAll("\\{[^}]+}", "x");
            String head = route.method().name() + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + rig.panel.port() + "\r\n" + session(random)
                    + "Content-Type: application/json\r\nConnection: close\r\n";
            byte[] json = ("{\"name\":\"" + "é".repeat(random.nextInt(20)) + "\",\"pin\":\"1\"}").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean halfClose = true;
            switch (random.nextInt(9)) {
                case 0 -> body.writeBytes(("Transfer-Encoding: chunked\r\n\r\nzz\r\n" + new String(json, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                case 1 -> body.writeBytes(("Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(json.length + 50) + "\r\n"
                        + new String(json, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
                case 2 -> body.writeBytes(("Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nabc\r\n").getBytes(StandardCharsets.ISO_8859_1));
                case 3 -> body.writeBytes(("Transfer-Encoding: chunked\r\n\r\n5;" + "x".repeat(random.nextInt(9000)) + "\r\nabcde\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                case 4 -> {
                    body.writeBytes(("Content-Length: " + (json.length + 1 + random.nextInt(100)) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    body.write(json, 0, random.nextInt(json.length));
                }
                case 5 -> body.writeBytes(("Content-Length: -" + random.nextInt(10) + "\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
                case 6 -> body.writeBytes(("Content-Length: 12abc\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
                case 7 -> {
                    byte[] junk = new byte[64 * 1024];
                    random.nextBytes(junk);
                    body.writeBytes(("Content-Length: " + junk.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    body.writeBytes(junk);
                    halfClose = random.nextBoolean();
                }
                default -> {
                    byte[] overlong = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xE0, (byte) 0x80, (byte) 0xAF, 0, '"', '}'};
                    body.writeBytes(("Content-Length: " + overlong.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    body.writeBytes(overlong);
                }
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(body.toByteArray());
            record(RawHttp.send(rig.panel.port(), request.toByteArray(), halfClose), route.method() + " " + path);
        }
        String logged = log.since();
        System.out.println(sent + " broken bodies, statuses " + statuses + ", log lines " + logged.lines().count());
        assertTrue(sent >= BODY_CASES / 4, "only " + sent + " requests in " + BUDGET_MILLIS + " ms");
        assertFalse(PanelLog.hasStackTrace(logged), logged);
        assertEquals(200, user.get("/api/state").statusCode(), "the server still answers");
    }

    static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "… (" + s.length() + " chars)" : s;
    }
}
