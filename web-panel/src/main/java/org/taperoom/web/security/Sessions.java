package org.taperoom.web.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Logged-in browsers: an unguessable session id (the cookie) mapped to its CSRF token and its
 * expiry, which every use pushes forward. In memory: a restart logs everyone out, which is fine for
 * an appliance. Whoever holds something per session (the live sockets) hears of every session that
 * ends, by logout, expiry or a PIN change ({@link #onEnd}). Thread-safe (request threads read and
 * write it).
 */
public final class Sessions {
    public static final String COOKIE = "taperoom_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** One login. {@code expiresAtMillis} is written by whichever request thread uses it last. */
    public static final class Session {
        final String id;
        final String csrf;
        final Person person;
        /** How long it lives without use: a student's is short (the kiosk's next student must not inherit it). */
        final long idleMillis;
        volatile long expiresAtMillis;

        Session(String id, String csrf, Person person, long idleMillis, long expiresAtMillis) {
            this.id = id;
            this.csrf = csrf;
            this.person = person;
            this.idleMillis = idleMillis;
            this.expiresAtMillis = expiresAtMillis;
        }

        public Person person() {
            return person;
        }

        public long idleMillis() {
            return idleMillis;
        }

        public String id() {
            return id;
        }

        public String csrf() {
            return csrf;
        }

        /** Constant-time comparison with the header's value (null or absent never matches). */
        public boolean csrfMatches(String header) {
            return header != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final long idleMillis;
    private final Clock clock;
    /** Told the id of every session that ends; set once while the panel is wired, called on request threads. */
    private volatile Consumer<String> ended = id -> {};

    public Sessions(long idleMillis, Clock clock) {
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    public long idleMillis() {
        return idleMillis;
    }

    /** {@code listener} is told each ended session's id, on the thread that ended it; it must not block. */
    public void onEnd(Consumer<String> listener) {
        this.ended = listener;
    }

    /** A teacher's session with the administrator PIN, living {@link #idleMillis()} without use. */
    public Session open() {
        return open(Person.ADMIN, idleMillis);
    }

    /** A session for {@code person} that ends after {@code personIdleMillis} without use. */
    public Session open(Person person, long personIdleMillis) {
        long now = clock.millis();
        for (Session old : byId.values()) {
            if (old.expiresAtMillis < now) end(old.id);
        }
        Session s = new Session(token(), token(), person, personIdleMillis, now + personIdleMillis);
        byId.put(s.id, s);
        return s;
    }

    /** The person of the live session with this cookie value, without renewing it; null when unknown or expired. */
    public Person personOf(String cookie) {
        if (cookie == null) return null;
        Session s = byId.get(cookie);
        return s == null || s.expiresAtMillis < clock.millis() ? null : s.person;
    }

    /** The live session with this cookie value, its expiry renewed; null when unknown or expired. */
    public Session find(String cookie) {
        if (cookie == null) return null;
        Session s = byId.get(cookie);
        if (s == null) return null;
        long now = clock.millis();
        if (s.expiresAtMillis < now) {
            end(cookie);
            return null;
        }
        s.expiresAtMillis = now + s.idleMillis;
        return s;
    }

    public void close(String cookie) {
        if (cookie != null) end(cookie);
    }

    /** Logs out every session of a person {@code which} picks (a deleted student, a renewed code). */
    public void closeWhere(java.util.function.Predicate<Person> which) {
        for (Session s : byId.values()) {
            if (which.test(s.person)) end(s.id);
        }
    }

    /** Logs every other session out (after a PIN change). */
    public void closeAllExcept(String keep) {
        for (String id : byId.keySet()) {
            if (!id.equals(keep)) end(id);
        }
    }

    private void end(String id) {
        if (byId.remove(id) != null) ended.accept(id);
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
