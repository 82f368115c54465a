package org.taperoom.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** A session that ends takes its live connections with it; a PIN change ends them all. */
@ExtendWith(PanelRigExtension.class)
class SessionEndTest {
    PanelRig rig;

    @Test
    void loggingOutClosesThatSessionsWebSocketsAndNoOtherOnes() throws Exception {
        PanelRig.Client leaving = rig.loggedIn();
        PanelRig.Client staying = rig.loggedIn();
        try (LiveSocket gone = new LiveSocket(rig.base, LiveSocket.cookieOf(leaving));
             LiveSocket kept = new LiveSocket(rig.base, LiveSocket.cookieOf(staying))) {
            assertNotNull(gone.next("meters", 3000));
            assertEquals(204, leaving.change("DELETE", "/api/session", null).statusCode());
            assertEquals(1008, gone.closedWith.get(3, TimeUnit.SECONDS));
            gone.messages.clear();
            Thread.sleep(300);
            assertEquals(null, gone.next("meters", 300), "no meters after logout");
            assertTrue(!kept.closedWith.isDone(), "the other session's socket stays open");
            assertNotNull(kept.next("meters", 2000));
        }
    }

    @Test
    void aPinChangeClosesTheWebSocketsOfEverySession() throws Exception {
        PanelRig.Client changer = rig.loggedIn();
        PanelRig.Client other = rig.loggedIn();
        try (LiveSocket own = new LiveSocket(rig.base, LiveSocket.cookieOf(changer));
             LiveSocket others = new LiveSocket(rig.base, LiveSocket.cookieOf(other))) {
            assertNotNull(own.next("meters", 3000));
            assertNotNull(others.next("meters", 3000));
            HttpResponse<String> r = changer.change("PATCH", "/api/settings", "{\"pin\":\"13579\",\"currentPin\":\"" + PanelRig.PIN + "\"}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1008, others.closedWith.get(3, TimeUnit.SECONDS));
            assertEquals(1008, own.closedWith.get(3, TimeUnit.SECONDS));
            assertEquals(401, other.get("/api/takes").statusCode());
            assertEquals(200, changer.get("/api/takes").statusCode(), "the changer stays logged in and reconnects");
        }
    }

    @Test
    void wrongCurrentPinsOnTheSettingsPageCountWithTheLoginLimiter() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = user.change("PATCH", "/api/settings", "{\"pin\":\"99999\",\"currentPin\":\"" + (1000 + i) + "\"}");
            if (r.statusCode() == 429) {
                refused++;
                assertTrue(r.headers().firstValue("Retry-After").isPresent());
            } else {
                assertEquals(400, r.statusCode(), r.body());
            }
        }
        assertEquals(30 - LoginThrottle.MAX_FAILURES, refused, "only " + LoginThrottle.MAX_FAILURES + " guesses a minute");
        assertEquals(429, rig.client().login(PanelRig.PIN).statusCode(), "and the login from the same client waits too");
    }
}
