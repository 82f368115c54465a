package org.taperoom.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.control.TransportView;
import org.taperoom.appliance.panel.PanelMetrics;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.telemetry.BoardHealth;
import org.taperoom.appliance.telemetry.FleetMetrics;
import org.taperoom.appliance.telemetry.TakeTally;
import org.taperoom.web.api.MetricsApi;
import org.taperoom.web.live.LiveHub;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.HostNames;
import org.taperoom.web.security.Sessions;
import org.taperoom.web.server.PanelServer;

/** /metrics behind a bearer token, on the real server and its guard: the right token in, anything else a 401. */
class MetricsAccessTest {
    private static final String TOKEN = "fleet-7d9c2a51e0b44f3";
    @TempDir
    Path dir;
    private PanelServer server;

    @BeforeEach
    void start() throws Exception {
        RecorderStatus status = new RecorderStatus(true, true, "sim", 2, 48000, "24", null, 0, 0, 3600, "");
        FleetMetrics metrics = new FleetMetrics(new FleetMetrics.Sources(() -> new TransportView(TransportState.IDLE, "", null, 0),
                () -> status, new TakeTally(), dir, () -> null, new BoardHealth(dir, null)));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        Sessions sessions = new Sessions(60_000, Clock.systemUTC());
        server = new PanelServer("127.0.0.1", 0, new MetricsApi(PanelMetrics.of(metrics), hash).routes(), new Guard(sessions, new HostNames("127.0.0.1", "")),
                new LiveHub(sessions, p -> "{}")).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"));
        if (authorization != null) r.header("Authorization", authorization);
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRightBearerTokenGetsTheMetrics() throws Exception {
        HttpResponse<String> r = get("Bearer " + TOKEN);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("taperoom_transport_state{state=\"idle\"} 1"), r.body());
    }

    @Test
    void noTokenOrAWrongOneIsA401ThatSaysWhatToSendAndShowsNothing() throws Exception {
        for (String auth : List.of("", "Bearer wrong", "Basic " + TOKEN, "Bearer " + TOKEN + "x")) {
            HttpResponse<String> r = get(auth.isEmpty() ? null : auth);
            assertEquals(401, r.statusCode(), auth);
            assertEquals("Bearer realm=\"taperoom metrics\"", r.headers().firstValue("WWW-Authenticate").orElse(""), auth);
            assertTrue(r.body().contains("send 'Bearer <token>'"), r.body());
            assertFalse(r.body().contains("taperoom_"), "no metrics without the token");
        }
    }
}
