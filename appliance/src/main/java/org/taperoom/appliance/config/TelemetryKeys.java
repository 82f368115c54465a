package org.taperoom.appliance.config;

import java.util.List;

/** Keys of the fleet metrics ({@code GET /metrics} on the panel's port). */
public final class TelemetryKeys {
    private TelemetryKeys() {}

    public static final ConfigKey<String> TOKEN_SHA256 = ConfigKey.matching("metricsTokenSha256", "", "[0-9a-f]{64}|",
            "empty or 64 lower-case hex digits",
            "SHA-256 of the bearer token Prometheus must send for /metrics (printf %s TOKEN | sha256sum);"
                    + " the token itself is never stored. Empty: /metrics is open to the network, like most exporters on a LAN.");

    public static final List<ConfigKey<?>> ALL = List.of(TOKEN_SHA256);
}
