package org.taperoom.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelRigExtension;

/** The WebSocket {@code /ws}: who may connect, what it pushes, and that a bad client hurts nobody. */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(4)
class LiveUpdatesTest {
    static PanelRig rig;
    static PanelRig.Client user;

    @BeforeAll
    static void start() throws Exception {
        user = rig.loggedIn();
    }

    @Test
    void aConnectionWithoutASessionOrFromAnotherSiteIsRefusedBeforeTheUpgrade() throws Exception {
        assertEquals(401, LiveSocket.refusal(rig.base, null, null));
        assertEquals(401, LiveSocket.refusal(rig.base, "taperoom_session=forged", null));
        assertEquals(403, LiveSocket.refusal(rig.base, LiveSocket.cookieOf(user), "http://evil.example"));
        try (LiveSocket sameSite = new LiveSocket(rig.base, LiveSocket.cookieOf(user), "http://" + rig.base.getAuthority())) {
            assertNotNull(sameSite.next("meters", 3000), "a same-origin connection gets meters");
        }
    }

    @Test
    void aClientGetsTheStateFirstThenMetersForEveryInputAboutThirtyTimesASecond() throws Exception {
        try (LiveSocket live = new LiveSocket(rig.base, LiveSocket.cookieOf(user))) {
            LiveSocket.Message first = live.messages.poll(5, TimeUnit.SECONDS);
            assertNotNull(first);
            assertEquals("state", first.json().get("type").asText());
            assertEquals("idle", first.json().get("state").asText());
            LiveSocket.Message m = live.next("meters", 2000);
            assertNotNull(m);
            assertEquals(4, m.json().get("peakDbfs").size());
            assertEquals(4, m.json().get("rmsDbfs").size());
            assertEquals(4, m.json().get("clipped").size());
            assertTrue(m.json().get("peakDbfs").get(0).asDouble() > -120, "the simulated input is not silent: " + m.json());
            int count = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < end) if (live.next("meters", 100) != null) count++;
            double perSecond = count / 2.0;
            System.out.printf("meter messages: %.1f per second (target about 30)%n", perSecond);
            assertTrue(perSecond >= 10 && perSecond <= 40, "meter rate " + perSecond + " per second");
        }
    }

    @Test
    void recordingPushesAStateMessageAndATakesMessageWhenItEnds() throws Exception {
        try (LiveSocket live = new LiveSocket(rig.base, LiveSocket.cookieOf(user))) {
            assertNotNull(live.next("state", 5000));
            user.change("POST", "/api/transport/record", null);
            LiveSocket.Message recording = null;
            for (int i = 0; i < 10 && recording == null; i++) {
                LiveSocket.Message s = live.next("state", 2000);
                if (s != null && s.json().get("state").asText().equals("recording")) recording = s;
            }
            assertNotNull(recording, "no state message saying recording");
            Thread.sleep(300);
            user.change("POST", "/api/transport/stop", null);
            assertNotNull(live.next("takes", 10000), "no takes message after the take ended");
        }
        rig.awaitState("idle", 10000);
    }

    @Test
    void aClientThatNeverReadsSlowsNeitherTheMeterThreadNorTheOtherClients() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (LiveSocket healthy = new LiveSocket(rig.base, LiveSocket.cookieOf(user))) {
            for (int i = 0; i < 3; i++) stalled.add(stalledClient(LiveSocket.cookieOf(rig.loggedIn())));
            // Fill the stalled clients' socket buffers so the server's sends to them cannot finish.
            // How much that takes depends on the kernel's TCP buffer autotuning (several MiB on
            // loopback), so keep sending until all three are stuck rather than a fixed amount — but
            // stay below the hub's own limits (LiveClient.MAX_QUEUED messages, the 10 s dead-peer drop).
            String big = "{\"type\":\"takes\",\"padding\":\"" + "x".repeat(512 * 1024) + "\"}";
            long stuckUntil = System.currentTimeMillis() + 8000;
            for (int sent = 0; rig.panel.hub().clientsSendingLongerThan(TimeUnit.MILLISECONDS.toNanos(200)) < 3
                    && System.currentTimeMillis() < stuckUntil; sent++) {
                if (sent < 64) rig.panel.hub().event(big);
                Thread.sleep(50);
            }
            assertEquals(3, rig.panel.hub().clientsSendingLongerThan(TimeUnit.MILLISECONDS.toNanos(200)),
                    "the three stalled clients have a send that cannot finish");
            long ticksBefore = rig.panel.meters().ticks();
            long overrunsBefore = rig.engine.status().overruns();
            healthy.messages.clear();
            int count = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) if (healthy.next("meters", 100) != null) count++;
            long ticks = rig.panel.meters().ticks() - ticksBefore;
            System.out.printf("with 3 stalled clients: healthy client %.1f meters/s, meter thread %.1f ticks/s%n", count / 3.0, ticks / 3.0);
            assertTrue(count / 3.0 >= 10, "the healthy client got only " + count + " meter messages in 3 s");
            assertTrue(ticks / 3.0 >= 15, "the meter thread ticked only " + ticks + " times in 3 s");
            assertEquals(overrunsBefore, rig.engine.status().overruns(), "the engine overran while clients stalled");
        } finally {
            for (Socket s : stalled) s.close();
        }
    }

    /** A WebSocket upgrade by hand on a socket with a tiny receive buffer that is then never read. */
    static Socket stalledClient(String cookie) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(1024);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", rig.panel.port()), 5000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + rig.panel.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nCookie: " + cookie + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }
}
