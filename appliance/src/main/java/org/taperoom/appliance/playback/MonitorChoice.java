package org.taperoom.appliance.playback;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The monitor routing the panel last chose, read when a pass starts (a change applies at the
 * next pass, without a restart) and followed by the live monitor (told of each change). Any thread.
 */
public final class MonitorChoice {
    private volatile MonitorRouting routing;
    private final List<Consumer<MonitorRouting>> followers = new CopyOnWriteArrayList<>();

    public MonitorChoice(MonitorRouting routing) {
        this.routing = Objects.requireNonNull(routing);
    }

    public MonitorRouting get() {
        return routing;
    }

    /** Sets the routing and tells each follower, on this thread. */
    public void set(MonitorRouting r) {
        routing = Objects.requireNonNull(r);
        for (Consumer<MonitorRouting> f : followers) f.accept(r);
    }

    /** Tells {@code follower} of every {@link #set} from now on. */
    public void follow(Consumer<MonitorRouting> follower) {
        followers.add(follower);
    }
}
