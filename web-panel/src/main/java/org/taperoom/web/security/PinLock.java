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
        String client = ctx.ip();
        long wait = throttle.waitSeconds(client);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiError(429, "too many wrong PINs; try again in " + wait + " s");
        }
        String h = hash.get();
        if (h.isEmpty() || PinHash.matches(pin, h)) {
            throttle.succeeded(client);
            return true;
        }
        throttle.failed(client);
        return false;
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
