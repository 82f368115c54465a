package org.taperoom.web.server;

import java.util.ArrayList;
import java.util.List;

/** Every route of the panel in the order API.md documents them. */
public final class RouteTable {
    private final List<Route> routes = new ArrayList<>();

    public RouteTable add(List<Route> group) {
        routes.addAll(group);
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
