package org.taperoom.web.security;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicReference;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.web.server.ApiError;

/**
 * The PIN the panel checks against, as its stored hash; empty means no PIN (allowed only on
 * loopback, checked at start). Every check of a typed PIN, at the login or on the Settings page,
 * goes through {@link #opens(Context, String)} and so through the one {@link LoginThrottle}: no
 * route is a PIN oracle the limiter does not see. Changed from the Settings page (request
 * threads); {@link #onChange} hears of it.
 */
public final class PinLock {
    private final AtomicReference<String> hash;
    private final LoginThrottle throttle;
    /** Set once while the panel is wired; called on the request thread that changed the PIN. */
    private volatile Runnable changed = () -> {};

    public PinLock(String hash, LoginThrottle throttle) {
        this.hash = new AtomicReference<>(hash == null ? "" : hash);
        this.throttle = throttle;
    }

    public boolean required() {
        return !hash.get().isEmpty();
    }

    /**
     * Whether {@code pin}, typed by the client of {@code ctx}, is the PIN (constant time in its
     * value, see {@link PinHash#matches}). A wrong one counts against that client and against the
     * global budget; while either is spent the answer is 429 with {@code Retry-After}, and the PIN
     * is not even checked.
     */
    public boolean opens(Context ctx, String pin) {
        String h = hash.get();
        return check(ctx, () -> h.isEmpty() || PinHash.matches(pin, h) ? java.util.Optional.of(Boolean.TRUE) : java.util.Optional.empty())
                .isPresent();
    }

    /**
     * Who the typed PIN opens the panel for: the administrator (this lock's PIN), else the teacher
     * {@code teachers} finds for it, else nobody (a wrong PIN, counted). Throttled as {@link #opens}.
     */
    public java.util.Optional<Person> whoOpens(Context ctx, String pin, java.util.function.Function<String, java.util.Optional<Person>> teachers) {
        String h = hash.get();
        return check(ctx, () -> h.isEmpty() || PinHash.matches(pin, h) ? java.util.Optional.of(Person.ADMIN) : teachers.apply(pin));
    }

    /**
     * Checks a typed secret (a PIN, a student's code or QR key) through the one throttle:
     * {@code matcher} says what it opens, or empty for nothing, which counts as a wrong guess. While
     * the client's or the global budget is spent the answer is 429 and {@code matcher} never runs.
     */
    public <T> java.util.Optional<T> check(Context ctx, java.util.function.Supplier<java.util.Optional<T>> matcher) {
        String client = ctx.ip();
        long wait = throttle.waitSeconds(client);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiError(429, "too many wrong PINs or codes; try again in " + wait + " s");
        }
        java.util.Optional<T> opened = matcher.get();
        if (opened.isPresent()) throttle.succeeded(client);
        else throttle.failed(client);
        return opened;
    }

    public String hash() {
        return hash.get();
    }

    public void set(String newHash) {
        hash.set(newHash);
        changed.run();
    }

    /** {@code listener} runs after every PIN change; it must not block. */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }
}
