package org.taperoom.web.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.taperoom.appliance.panel.PanelMetrics;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * {@code GET /metrics}: the fleet metrics for Prometheus. Open like any exporter on a LAN, or,
 * when a token hash is configured, only with {@code Authorization: Bearer <token>} (compared by
 * its SHA-256 in constant time; the token itself is never stored).
 */
public final class MetricsApi {
    private final PanelMetrics metrics;
    /** SHA-256 of the bearer token, or empty for open access. */
    private final byte[] tokenSha256;

    public MetricsApi(PanelMetrics metrics, String tokenSha256Hex) {
        this.metrics = metrics;
        this.tokenSha256 = tokenSha256Hex.isEmpty() ? new byte[0] : HexFormat.of().parseHex(tokenSha256Hex);
    }

    public List<Route> routes() {
        return List.of(Route.get("/metrics", Access.PUBLIC, this::get,
                "Fleet metrics in Prometheus' text format (transport, takes, overruns, disk, upload queue, temperature, JVM); a bearer token when metricsTokenSha256 is set.").students());
    }

    private void get(Context ctx) {
        if (tokenSha256.length > 0 && !authorised(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"taperoom metrics\"");
            throw new ApiError(401, "Authorization: send 'Bearer <token>' (the token whose SHA-256 is metricsTokenSha256)");
        }
        ctx.contentType(metrics.contentType()).result(metrics.scrape());
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) return false;
        try {
            byte[] given = MessageDigest.getInstance("SHA-256").digest(header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(given, tokenSha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
