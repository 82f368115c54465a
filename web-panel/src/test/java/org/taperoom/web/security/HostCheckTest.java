package org.taperoom.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.RawHttp;

/**
 * DNS rebinding: a page from another site whose name now points at the appliance sends the
 * browser's requests with that site's name in {@code Host}. Only the names the appliance answers
 * to are served; and an {@code Origin} must match in scheme as well as host and port.
 */
@ExtendWith(PanelRigExtension.class)
class HostCheckTest {
    static PanelRig rig;
    static PanelRig.Client user;

    @BeforeAll
    static void login() throws Exception {
        user = rig.loggedIn();
    }

    static RawHttp.Response get(String path, String host) throws Exception {
        return RawHttp.send(rig.panel.port(), "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + LiveSocket.cookieOf(user)
                + "\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedWhateverItsSession() throws Exception {
        int port = rig.panel.port();
        for (String path : java.util.List.of("/api/takes", "/api/state", "/", "/share/x")) {
            RawHttp.Response r = get(path, "rebind.attacker.example:" + port);
            assertEquals(421, r.status(), path + ": " + r.head());
            assertTrue(r.body().contains("rebind.attacker.example"), r.body());
        }
        assertEquals(421, get("/api/takes", "127.0.0.1.attacker.example").status());
        assertEquals(400, get("/api/takes", "").status(), "an empty Host");
    }

    @Test
    void theNamesTheApplianceAnswersToAreServed() throws Exception {
        int port = rig.panel.port();
        String hostname = java.net.InetAddress.getLocalHost().getHostName();
        for (String host : java.util.List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port,
                hostname + ":" + port, hostname + ".local:" + port)) {
            assertEquals(200, get("/api/takes", host).status(), host);
        }
    }

    @Test
    void anOriginWithTheRightHostButAnotherSchemeIsRefused() throws Exception {
        HttpResponse<String> https = user.send("PATCH", "/api/inputs/1", "{\"name\":\"Kick\"}",
                Map.of("X-CSRF-Token", user.csrf, "Origin", "https://" + rig.base.getAuthority()));
        assertEquals(403, https.statusCode(), https.body());
        HttpResponse<String> same = user.send("PATCH", "/api/inputs/1", "{\"name\":\"Kick\"}",
                Map.of("X-CSRF-Token", user.csrf, "Origin", "http://" + rig.base.getAuthority()));
        assertEquals(200, same.statusCode(), same.body());
    }

    @Test
    void aWebSocketFromAnotherSchemeOrHostIsRefused() throws Exception {
        assertEquals(403, LiveSocket.refusal(rig.base, LiveSocket.cookieOf(user), "https://" + rig.base.getAuthority()));
        assertEquals(101, LiveSocket.refusal(rig.base, LiveSocket.cookieOf(user), "http://" + rig.base.getAuthority()));
        RawHttp.Response r = RawHttp.send(rig.panel.port(), "GET /ws HTTP/1.1\r\nHost: rebind.attacker.example\r\nCookie: "
                + LiveSocket.cookieOf(user) + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        assertEquals(421, r.status(), r.head());
    }
}
