package org.taperoom.appliance.panel;

import org.taperoom.appliance.telemetry.FleetMetrics;
import org.taperoom.appliance.telemetry.TakeTally;

/**
 * The fleet metrics the panel serves at {@code /metrics}, in Prometheus' text format. The
 * collection lives in the appliance ({@link FleetMetrics}); the panel only hands the text out.
 * Thread-safe.
 */
public interface PanelMetrics {
    String scrape();

    /** The HTTP Content-Type of {@link #scrape()}'s text. */
    String contentType();

    /** The service's metrics from what the panel is given; counts takes from now on. */
    static PanelMetrics of(PanelContext context) {
        TakeTally tally = new TakeTally();
        context.recorder().addListener(tally);
        return of(FleetMetrics.of(context.config(), context.recorder(), context.transport(), tally));
    }

    static PanelMetrics of(FleetMetrics metrics) {
        return new PanelMetrics() {
            @Override
            public String scrape() {
                return metrics.scrape();
            }

            @Override
            public String contentType() {
                return FleetMetrics.contentType();
            }
        };
    }
}
