package org.taperoom.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/**
 * Enumerates every HTTP endpoint the running server has (from Javalin's router, not from our own
 * table, so a route added any other way is caught too) and checks that each one that is not
 * explicitly public needs a session, and each state-changing one also the CSRF token.
 */
@ExtendWith(PanelRigExtension.class)
class RouteProtectionTest {
    /** The only routes anyone may call without logging in. A new one must be added here on purpose. */
    static final Set<String> PUBLIC = Set.of("POST /api/session", "GET /api/state", "GET /share/{token}",
            // open like any exporter on a LAN; a bearer token (metricsTokenSha256) when configured
            "GET /metrics");

    static PanelRig rig;

    static List<ParsedEndpoint> endpoints() {
        return rig.panel.server().javalin().unsafe.internalRouter.allHttpHandlers();
    }

    static String concrete(String path) {
        return path.replace("{id}", "2026-01-01_000000-x").replace("{n}", "1").replace("{trashId}", "x")
                .replace("{export}", "x").replace("{job}", "x").replace("{token}", "x").replace("{release}", "x")
                .replace("{lane}", "1").replace("{pass}", "1").replace("{entry}", "1").replace("{file}", "x.wav")
                .replace("{student}", "s0000000000").replace("{teacher}", "t0000000000").replace("{class}", "x")
                .replace("{material}", "m0000000000").replace("{practice}", "x");
    }

    static boolean changesState(HandlerType m) {
        return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    }

    @Test
    void everyRouteButThePublicOnesRefusesARequestWithoutASession() throws Exception {
        PanelRig.Client anonymous = rig.client();
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (ParsedEndpoint e : endpoints()) {
            String key = e.endpoint.method + " " + e.endpoint.path;
            if (PUBLIC.contains(key)) continue;
            HttpResponse<String> r = anonymous.send(e.endpoint.method.name(), concrete(e.endpoint.path), "{}", Map.of());
            if (r.statusCode() != 401) open.add(key + " answered " + r.statusCode());
            checked++;
        }
        assertTrue(open.isEmpty(), "routes that answer without a session: " + open);
        assertTrue(checked >= 30, "expected the whole API to be enumerated, checked only " + checked);
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutTheCsrfToken() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (ParsedEndpoint e : endpoints()) {
            String key = e.endpoint.method + " " + e.endpoint.path;
            if (!changesState(e.endpoint.method) || PUBLIC.contains(key)) continue;
            String path = concrete(e.endpoint.path);
            HttpResponse<String> none = user.send(e.endpoint.method.name(), path, "{}", Map.of());
            HttpResponse<String> wrong = user.send(e.endpoint.method.name(), path, "{}", Map.of("X-CSRF-Token", user.csrf + "x"));
            if (none.statusCode() != 403) open.add(key + " without token answered " + none.statusCode());
            if (wrong.statusCode() != 403) open.add(key + " with a wrong token answered " + wrong.statusCode());
            checked++;
        }
        assertTrue(open.isEmpty(), "state-changing routes without CSRF protection: " + open);
        assertTrue(checked >= 15, "expected every state-changing route, checked only " + checked);
    }

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        HttpResponse<String> r = user.send("PATCH", "/api/inputs/1", "{\"name\":\"Kick\"}",
                Map.of("X-CSRF-Token", user.csrf, "Origin", "http://evil.example"));
        assertEquals(403, r.statusCode(), r.body());
        HttpResponse<String> same = user.send("PATCH", "/api/inputs/1", "{\"name\":\"Kick\"}",
                Map.of("X-CSRF-Token", user.csrf, "Origin", rig.base.toString()));
        assertEquals(200, same.statusCode(), same.body());
    }

    @Test
    void thePublicRoutesAreExactlyTheKioskStatusTheLoginShareLinksAndTheMetrics() {
        Set<String> declaredPublic = new TreeSet<>();
        for (var r : rig.panel.routes()) {
            if (r.access() == org.taperoom.web.server.Access.PUBLIC || r.access() == org.taperoom.web.server.Access.LINK) {
                declaredPublic.add(r.method() + " " + r.path());
            }
        }
        assertEquals(new TreeSet<>(PUBLIC), declaredPublic);
    }
}
