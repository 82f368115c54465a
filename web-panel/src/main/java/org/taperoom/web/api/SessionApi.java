package org.taperoom.web.api;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.LoginThrottle;
import org.taperoom.web.security.PinLock;
import org.taperoom.web.security.Sessions;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/** Logging in and out with the panel PIN. */
public final class SessionApi {
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final PinLock pin;

    public SessionApi(Sessions sessions, LoginThrottle throttle, PinLock pin) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.pin = pin;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/session", Access.PUBLIC, this::login,
                        "Log in: {\"pin\": \"…\"} → session cookie (HttpOnly, SameSite=Strict) and {\"csrf\": \"…\"}; 5 wrong PINs a minute per client, then 429."),
                Route.get("/api/session", Access.SESSION, this::current, "The session's CSRF token again (after a page reload)."),
                Route.delete("/api/session", Access.CHANGE, this::logout, "Log out."));
    }

    private void login(Context ctx) {
        String client = ctx.ip();
        long wait = throttle.waitSeconds(client);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiError(429, "too many wrong PINs from this device; try again in " + wait + " s");
        }
        Body b = Body.of(ctx, Set.of("pin"));
        String given = b.text("pin", 64);
        if (!pin.opens(given)) {
            throttle.failed(client);
            throw new ApiError(401, "wrong PIN");
        }
        throttle.succeeded(client);
        sessions.close(ctx.cookie(Sessions.COOKIE));
        Sessions.Session s = sessions.open();
        Cookie cookie = new Cookie(Sessions.COOKIE, s.id(), "/", (int) (sessions.idleMillis() / 1000), false, true, null, SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.json(Map.of("csrf", s.csrf()));
    }

    private void current(Context ctx) {
        Sessions.Session s = ctx.attribute(Guard.SESSION_ATTRIBUTE);
        ctx.json(Map.of("csrf", s.csrf(), "pinRequired", pin.required()));
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(Sessions.COOKIE));
        ctx.cookie(new Cookie(Sessions.COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
        ctx.status(204);
    }
}
