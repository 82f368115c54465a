package org.taperoom.web.security;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Who;

/**
 * Enforces who may call what. {@link #checkHost} runs before every request, static files and the
 * WebSocket upgrade included: a {@code Host} the appliance does not answer to is refused (421), so
 * a page whose own name was pointed at the appliance (DNS rebinding) cannot read or drive it.
 * {@link #check} runs before every matched route and enforces its {@link Access}: 401 without a
 * live session, 403 for a state-changing request without the session's CSRF token or from another
 * origin, 403 for a student on a route that serves teachers only ({@link Who}). A route without an
 * {@link Access} or {@link Who} role gets the strictest check, so forgetting one cannot open a hole.
 * It also tells the {@link Viewer} whom the request is for, which the owner check reads. {@link #checkUpgrade} does the same for {@code /ws} before anything is upgraded.
 */
public final class Guard {
    /** The {@link Sessions.Session} of the request, set here for the handlers (on public routes only when logged in). */
    public static final String SESSION_ATTRIBUTE = "taperoom.session";

    private final Sessions sessions;
    private final HostNames hosts;

    public Guard(Sessions sessions, HostNames hosts) {
        this.sessions = sessions;
        this.hosts = hosts;
    }

    public void checkHost(Context ctx) {
        // Every request starts as nobody: a request thread never inherits a person.
        Viewer.set(Person.NOBODY);
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) throw new ApiError(400, "Host: missing; send the address you typed");
        if (!hosts.answersTo(host)) {
            String shown = host.length() > 80 ? host.substring(0, 80) + "…" : host;
            throw new ApiError(421, "Host: this appliance does not answer to '" + shown.replaceAll("[^\\x20-\\x7e]", "?")
                    + "'; use its address, its name or its .local name");
        }
    }

    public void check(Context ctx) {
        Access access = Access.CHANGE;
        Who who = Who.TEACHERS;
        for (RouteRole r : ctx.routeRoles()) {
            if (r instanceof Access a) access = a;
            if (r instanceof Who w) who = w;
        }
        if (access == Access.PUBLIC || access == Access.LINK) {
            Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE));
            if (s != null) {
                ctx.attribute(SESSION_ATTRIBUTE, s);
                Viewer.set(s.person());
            }
            return;
        }
        Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s == null) throw new ApiError(401, "log in first: POST /api/session with the panel PIN");
        ctx.attribute(SESSION_ATTRIBUTE, s);
        Viewer.set(s.person());
        if (access == Access.CHANGE) {
            if (!s.csrfMatches(ctx.header(Sessions.CSRF_HEADER))) {
                throw new ApiError(403, "missing or wrong " + Sessions.CSRF_HEADER + " header: send the token POST /api/session returned");
            }
            if (!sameOrigin(ctx)) throw new ApiError(403, "cross-origin request refused");
        }
        if (who == Who.TEACHERS && !s.person().isTeacher()) throw new ApiError(403, "teachers only: log in with a teacher's PIN");
    }

    /** After every request: the thread forgets whom it served. */
    public void forget(Context ctx) {
        Viewer.clear();
    }

    /** The person of a request that passed {@link #check} (nobody on a public route without a session). */
    public static Person person(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION_ATTRIBUTE);
        return s == null ? Person.NOBODY : s.person();
    }

    /**
     * Before {@code /ws} is upgraded: a live session and, when the browser names one, this origin.
     * Refusing here (not after the upgrade) leaves a stranger nothing on the server: no socket, no
     * session, no cookie.
     */
    public void checkUpgrade(Context ctx) {
        checkHost(ctx);
        Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s == null) throw new ApiError(401, "log in first: POST /api/session with the panel PIN");
        if (!sameOrigin(ctx)) throw new ApiError(403, "cross-origin connection refused");
    }

    /**
     * An {@code Origin} header, when the browser sends one, must be exactly this server: scheme,
     * host and port ({@code http://panel.local:8080}), so neither another site nor the same name
     * over another scheme passes.
     */
    static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isEmpty()) return true;
        String host = ctx.header("Host");
        return host != null && origin.equalsIgnoreCase(ctx.scheme() + "://" + host.strip());
    }
}
