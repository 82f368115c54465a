package org.taperoom.web.api;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taperoom.web.school.Roster;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.LoginThrottle;
import org.taperoom.web.security.Person;
import org.taperoom.web.security.PinLock;
import org.taperoom.web.security.Sessions;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * Logging in and out: a teacher with the administrator PIN or their own, a student with their
 * login code or the key of their printed QR code. Every one of these is checked, and limited, by
 * the one {@link PinLock} throttle. A student's session ends after {@code studentIdleMillis}
 * without use, a teacher's after the panel's session time.
 */
public final class SessionApi {
    private final Sessions sessions;
    private final PinLock pin;
    private final Roster roster;
    private final long studentIdleMillis;

    public SessionApi(Sessions sessions, PinLock pin, Roster roster, long studentIdleMillis) {
        this.sessions = sessions;
        this.pin = pin;
        this.roster = roster;
        this.studentIdleMillis = studentIdleMillis;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/session", Access.PUBLIC, this::login,
                        "Log in: {\"pin\": \"…\"} (a teacher), {\"code\": \"…\"} (a student's login code) or {\"qr\": \"…\"} (the key of a"
                                + " student's printed QR code) → session cookie (HttpOnly, SameSite=Strict) and {\"csrf\", \"role\", \"id\", \"name\", \"class\", \"idleSeconds\"}; "
                                + LoginThrottle.MAX_FAILURES + " wrong PINs or codes a minute per client, " + LoginThrottle.GLOBAL_BURST
                                + " at once and one every " + LoginThrottle.GLOBAL_REFILL_MILLIS / 1000 + " s from all clients together, then 429.")
                        .students(),
                Route.get("/api/session", Access.SESSION, this::current,
                        "The session's CSRF token again (after a page reload), with who is logged in: role (teacher, student), id, name, class.")
                        .students(),
                Route.delete("/api/session", Access.CHANGE, this::logout, "Log out.").students());
    }

    private void login(Context ctx) {
        Body b = Body.of(ctx, Set.of("pin", "code", "qr"));
        Person who;
        if (b.has("code")) {
            String code = b.text("code", 16).strip();
            who = pin.check(ctx, () -> roster.byCode(code).map(SessionApi::student)).orElseThrow(() -> new ApiError(401, "wrong code"));
        } else if (b.has("qr")) {
            String key = b.text("qr", 64).strip();
            who = pin.check(ctx, () -> roster.byQrKey(key).map(SessionApi::student))
                    .orElseThrow(() -> new ApiError(401, "this QR code is no longer valid; ask a teacher for a new sheet"));
        } else {
            String given = b.text("pin", 64);
            who = pin.whoOpens(ctx, given, p -> roster.teacherByPin(p).map(t -> new Person(Person.Role.TEACHER, t.id(), t.name(), "")))
                    .orElseThrow(() -> new ApiError(401, "wrong PIN"));
        }
        sessions.close(ctx.cookie(Sessions.COOKIE));
        Sessions.Session s = who.isStudent() ? sessions.open(who, studentIdleMillis) : sessions.open(who, sessions.idleMillis());
        Cookie cookie = new Cookie(Sessions.COOKIE, s.id(), "/", (int) (s.idleMillis() / 1000), false, true, null, SameSite.STRICT);
        ctx.cookie(cookie);
        Map<String, Object> m = whoDoc(s.person());
        m.put("csrf", s.csrf());
        m.put("idleSeconds", s.idleMillis() / 1000);
        ctx.json(m);
    }

    private void current(Context ctx) {
        Sessions.Session s = ctx.attribute(Guard.SESSION_ATTRIBUTE);
        Map<String, Object> m = whoDoc(s.person());
        m.put("csrf", s.csrf());
        m.put("pinRequired", pin.required());
        m.put("idleSeconds", s.idleMillis() / 1000);
        ctx.json(m);
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(Sessions.COOKIE));
        ctx.cookie(new Cookie(Sessions.COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
        ctx.status(204);
    }

    private static Person student(Roster.Student s) {
        return Person.student(s.id(), s.name(), s.className());
    }

    private static Map<String, Object> whoDoc(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", p.isStudent() ? "student" : "teacher");
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("class", p.className());
        return m;
    }
}
