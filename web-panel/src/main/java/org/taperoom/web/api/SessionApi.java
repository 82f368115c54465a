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

/** Logging in and out with the panel PIN (checked, and limited, by {@link PinLock}). */
public final class SessionApi {
    private final Sessions sessions;
    private final PinLock pin;

    public SessionApi(Sessions sessions, PinLock pin) {
        this.sessions = sessions;
        this.pin = pin;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/session", Access.PUBLIC, this::login,
                        "Log in: {\"pin\": \"…\"} → session cookie (HttpOnly, SameSite=Strict) and {\"csrf\": \"…\"}; "
                                + LoginThrottle.MAX_FAILURES + " wrong PINs a minute per client, " + LoginThrottle.GLOBAL_BURST
                                + " at once and one every " + LoginThrottle.GLOBAL_REFILL_MILLIS / 1000 + " s from all clients together, then 429."),
                Route.get("/api/session", Access.SESSION, this::current, "The session's CSRF token again (after a page reload)."),
                Route.delete("/api/session", Access.CHANGE, this::logout, "Log out."));
    }

    private void login(Context ctx) {
        Body b = Body.of(ctx, Set.of("pin"));
        String given = b.text("pin", 64);
        if (!pin.opens(ctx, given)) throw new ApiError(401, "wrong PIN");
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
