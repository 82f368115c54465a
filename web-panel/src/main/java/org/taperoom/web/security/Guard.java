package org.taperoom.web.security;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.net.URI;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;

/**
 * Runs before every matched route and enforces its {@link Access}: 401 without a live session,
 * 403 for a state-changing request without the session's CSRF token or from another origin. A
 * route without an {@link Access} role gets the strictest check, so forgetting one cannot open a hole.
 */
public final class Guard {
    /** The {@link Sessions.Session} of the request, set here for the handlers. */
    public static final String SESSION_ATTRIBUTE = "taperoom.session";

    private final Sessions sessions;

    public Guard(Sessions sessions) {
        this.sessions = sessions;
    }

    public void check(Context ctx) {
        Access access = Access.CHANGE;
        for (RouteRole r : ctx.routeRoles()) {
            if (r instanceof Access a) access = a;
        }
        if (access == Access.PUBLIC || access == Access.LINK) return;
        Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s == null) throw new ApiError(401, "log in first: POST /api/session with the panel PIN");
        ctx.attribute(SESSION_ATTRIBUTE, s);
        if (access == Access.CHANGE) {
            if (!s.csrfMatches(ctx.header(Sessions.CSRF_HEADER))) {
                throw new ApiError(403, "missing or wrong " + Sessions.CSRF_HEADER + " header: send the token POST /api/session returned");
            }
            if (!sameOrigin(ctx)) throw new ApiError(403, "cross-origin request refused");
        }
    }

    /** An {@code Origin} header, when the browser sends one, must name this server. */
    static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isEmpty()) return true;
        String host = ctx.header("Host");
        try {
            URI u = URI.create(origin);
            String authority = u.getAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
