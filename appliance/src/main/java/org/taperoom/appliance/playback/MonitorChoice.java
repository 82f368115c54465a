package org.taperoom.appliance.playback;

import java.util.Objects;

/**
 * The monitor routing the panel last chose, read when a pass starts: a change applies at the
 * next pass, without a restart. Any thread.
 */
public final class MonitorChoice {
    private volatile MonitorRouting routing;

    public MonitorChoice(MonitorRouting routing) {
        this.routing = Objects.requireNonNull(routing);
    }

    public MonitorRouting get() {
        return routing;
    }

    public void set(MonitorRouting r) {
        routing = Objects.requireNonNull(r);
    }
}
