package org.taperoom.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.RawHttp;

/** A stranger can make the panel keep nothing: no server-side session, no cookie, before a login. */
@ExtendWith(PanelRigExtension.class)
class UnauthenticatedUpgradeTest {
    static final int UPGRADES = 3000;
    static PanelRig rig;

    /** Counts every HTTP session Jetty creates from now on, in each servlet context of the panel. */
    static AtomicInteger countJettySessions() {
        AtomicInteger created = new AtomicInteger();
        for (ServletContextHandler sch : rig.panel.server().javalin().jettyServer().server().getDescendants(ServletContextHandler.class)) {
            if (sch.getSessionHandler() == null) continue;
            sch.getSessionHandler().addEventListener(new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent e) {
                    created.incrementAndGet();
                }
            });
        }
        return created;
    }

    static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void threeThousandWebSocketUpgradesWithoutALoginLeaveNoSessionAndNoCookie() throws Exception {
        int port = rig.panel.port();
        AtomicInteger sessionsCreated = countJettySessions();
        long heapBefore = usedHeapAfterGc();
        AtomicInteger cookies = new AtomicInteger();
        AtomicInteger upgraded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < UPGRADES / 8; i++) {
                    RawHttp.Response r = RawHttp.send(port, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", 1000);
                    if (r.head().toLowerCase(java.util.Locale.ROOT).contains("set-cookie")) cookies.incrementAndGet();
                    if (r.status() == 101) upgraded.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long heapAfter = usedHeapAfterGc();
        long sessions = sessionsCreated.get();
        System.out.printf("%d unauthenticated upgrades in %d ms: %d upgraded, %d cookies, %d Jetty sessions created, heap after GC %+d KiB%n",
                UPGRADES, millis, upgraded.get(), cookies.get(), sessions, (heapAfter - heapBefore) / 1024);
        assertEquals(0, cookies.get(), "responses that set a cookie");
        assertEquals(0, upgraded.get(), "upgrades accepted without a session");
        assertEquals(0, sessions, "HTTP sessions Jetty created");
        assertEquals(0, rig.panel.hub().clientCount());
    }

    @Test
    void aLoggedInWebSocketWorksAndStillLeavesNoHttpSession() throws Exception {
        AtomicInteger sessionsCreated = countJettySessions();
        PanelRig.Client user = rig.loggedIn();
        try (LiveSocket live = new LiveSocket(rig.base, LiveSocket.cookieOf(user))) {
            assertTrue(live.next("meters", 3000) != null, "meters arrive");
        }
        assertEquals(0, sessionsCreated.get(), "HTTP sessions Jetty created");
        assertTrue(user.cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals("JSESSIONID")));
    }
}
