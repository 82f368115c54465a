package org.taperoom.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** A real Prometheus (Debian's) on loopback scrapes the panel's /metrics; its query API returns the series. */
@ExtendWith(PanelRigExtension.class)
class PrometheusScrapeTest {
    static PanelRig rig;

    @Test
    void prometheusScrapesTheApplianceAndItsQueryApiReturnsTheTransportState() throws Exception {
        HttpResponse<String> direct = rig.client().get("/metrics");
        assertEquals(200, direct.statusCode());
        assertTrue(direct.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"), direct.headers().toString());

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = rig.dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: taperoom
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rig.base.getPort()));
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + rig.dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(rig.dir.resolve("prometheus.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String query = "taperoom_transport_state{job=\"taperoom\",state=\"idle\"}";
            JsonNode result = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                    JsonNode n = PanelRig.JSON.readTree(r.body());
                    if (n.path("data").path("result").size() > 0) {
                        result = n.path("data").path("result").get(0);
                        break;
                    }
                } catch (java.io.IOException e) {
                    // Prometheus still starting
                }
                Thread.sleep(250);
            }
            assertTrue(result != null, "no series after 30 s; prometheus.log:\n" + Files.readString(rig.dir.resolve("prometheus.log")));
            assertEquals("1", result.path("value").get(1).asText(), result.toString());
            assertEquals("127.0.0.1:" + rig.base.getPort(), result.path("metric").path("instance").asText());
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }
}
