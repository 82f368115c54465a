package org.taperoom.web.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.taperoom.web.live.LiveHub;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.SecurityHeaders;
import org.tinylog.Logger;

/**
 * The panel's HTTP server: Javalin configured in one lambda, the static front-end from the
 * classpath ({@code /panel}), every route of the {@link RouteTable} behind the {@link Guard}, the
 * WebSocket {@code /ws}, and errors as {@code {"error": "…"}} with a 4xx, never a stack trace.
 * Requests run on virtual threads.
 */
public final class PanelServer implements AutoCloseable {
    /** Largest request body accepted; settings and notes are far smaller. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private final Javalin app;

    public PanelServer(String host, int port, List<Route> routes, Guard guard, LiveHub hub) {
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/panel";
                files.location = Location.CLASSPATH;
                // The front-end itself is public (the login page is part of it); its data is not.
                files.roles = java.util.Set.of(Access.PUBLIC);
            });
            config.routes.before(SecurityHeaders::apply);
            config.routes.beforeMatched(guard::check);
            for (Route r : routes) config.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.access());
            config.routes.ws("/ws", hub::configure, Access.SESSION);
            config.routes.exception(ApiError.class, PanelServer::apiError);
            config.routes.exception(HttpResponseException.class, PanelServer::javalinError);
            config.routes.exception(Exception.class, PanelServer::unexpected);
            config.routes.error(404, PanelServer::notFound);
        });
    }

    public PanelServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * The URL a person types: the configured host, or, when it listens everywhere, this machine's
     * first LAN (IPv4, non-loopback) address, which a phone on the same network can reach.
     */
    public URI url(String host) {
        String shown = host;
        if (host.equals("0.0.0.0") || host.equals("::")) shown = lanAddress();
        if (shown.contains(":")) shown = "[" + shown + "]";
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    private static String lanAddress() {
        try {
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a.getHostAddress();
                }
            }
        } catch (java.io.IOException e) {
            // fall through to loopback
        }
        return "127.0.0.1";
    }

    /** The Javalin instance, for the route-enumerating test. */
    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void apiError(ApiError e, Context ctx) {
        ctx.status(e.status()).json(Map.of("error", e.getMessage()));
    }

    private static void javalinError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String message = status == 413 ? "body: larger than " + MAX_BODY_BYTES + " bytes" : e.getMessage();
        ctx.status(status).json(Map.of("error", message));
    }

    private static void unexpected(Exception e, Context ctx) {
        Logger.error(e, "panel: {} {} failed", ctx.method(), ctx.path());
        ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
    }

    private static void notFound(Context ctx) {
        if (ctx.path().startsWith("/api/") && (ctx.result() == null || ctx.result().isEmpty())) {
            ctx.json(Map.of("error", "no such resource: " + ctx.method() + " " + ctx.path()));
        }
    }
}
