package org.taperoom.web.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsConfig;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.taperoom.web.live.LiveHub;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.SecurityHeaders;

/**
 * The panel's HTTP server: Javalin configured in one lambda, the static front-end from the
 * classpath ({@code /panel}), every route of the {@link RouteTable} behind the {@link Guard}, the
 * WebSockets {@code /ws} and {@code /ws/stream} (the live mix), and errors as {@code {"error": "…"}} with a 4xx, never a stack trace.
 * Requests run on virtual threads.
 *
 * <p>Before any route: the security headers (Jetty's own error pages get them from
 * {@link ErrorPages}), the {@code Host} check, and the raw path's percent-encoding
 * ({@link PathCheck}), so no route parameter is ever decoded from something undecodable. A body the
 * client cut short or garbled is a quiet 400. Jetty keeps no HTTP session ({@link NoHttpSessions})
 * and a WebSocket upgrade is checked before it happens ({@link Guard#checkUpgrade}), so a
 * stranger's upgrade leaves nothing behind: the panel's own login is the only state a client can create.
 */
public final class PanelServer implements AutoCloseable {
    /** Largest request body accepted; settings and notes are far smaller. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private final Javalin app;
    /** Unexpected failures: logged with their stack trace, at most one a minute. */
    private final QuietLog failures = new QuietLog();

    /** The WebSocket of the browser stream: the playing mix as binary PCM messages. */
    public static final String STREAM_PATH = "/ws/stream";

    public PanelServer(String host, int port, List<Route> routes, Guard guard, LiveHub hub) {
        this(host, port, routes, guard, hub, null);
    }

    /** @param stream the handlers of {@link #STREAM_PATH}, or null for a server without the browser stream */
    public PanelServer(String host, int port, List<Route> routes, Guard guard, LiveHub hub, Consumer<WsConfig> stream) {
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
            config.jetty.modifyServer(server -> server.setErrorHandler(new ErrorPages()));
            config.jetty.modifyServletContextHandler(context ->
                    context.addFilter(new FilterHolder(new NoHttpSessions()), "/*", EnumSet.of(DispatcherType.REQUEST)));
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(guard::checkHost);
            config.routes.before(PanelServer::checkPath);
            config.routes.beforeMatched(guard::check);
            config.routes.after(guard::forget);
            for (Route r : routes) {
                if (r.who() == null) config.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.access());
                else config.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.access(), r.who());
            }
            config.routes.wsBeforeUpgrade("/ws", ctx -> {
                SecurityHeaders.apply(ctx);
                guard.checkUpgrade(ctx);
            });
            config.routes.ws("/ws", hub::configure, Access.SESSION);
            if (stream != null) {
                config.routes.wsBeforeUpgrade(STREAM_PATH, ctx -> {
                    SecurityHeaders.apply(ctx);
                    guard.checkUpgrade(ctx);
                });
                config.routes.ws(STREAM_PATH, stream, Access.SESSION);
            }
            config.routes.exception(ApiError.class, PanelServer::apiError);
            config.routes.exception(HttpResponseException.class, PanelServer::javalinError);
            config.routes.exception(Exception.class, this::unexpected);
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

    private static void checkPath(Context ctx) {
        String problem = PathCheck.problem(ctx.req().getRequestURI());
        if (problem != null) throw new ApiError(400, problem);
    }

    private void unexpected(Exception e, Context ctx) {
        if (cutShort(e)) {
            String why = ctx.header("Content-Length") != null ? "fewer bytes than its Content-Length" : "a chunk that is not well-formed";
            ctx.status(400).json(Map.of("error", "body: cut short or malformed (" + why + ")"));
            return;
        }
        failures.error(e, "panel: " + ctx.method() + " " + ctx.path() + " failed");
        ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
    }

    /**
     * Whether reading the request failed because of what the client sent (a chunk header that is
     * not hex, a connection closed before Content-Length bytes arrived): Jetty's parser reports
     * both as exceptions that implement its {@code HttpException} or extend {@code EofException}.
     */
    static boolean cutShort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException || t instanceof org.eclipse.jetty.io.EofException) return true;
        }
        return false;
    }

    private static void notFound(Context ctx) {
        if (ctx.path().startsWith("/api/") && (ctx.result() == null || ctx.result().isEmpty())) {
            ctx.json(Map.of("error", "no such resource: " + ctx.method() + " " + ctx.path()));
        }
    }
}
