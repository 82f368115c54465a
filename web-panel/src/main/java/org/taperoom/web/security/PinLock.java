package org.taperoom.web.security;

import java.util.concurrent.atomic.AtomicReference;
import org.taperoom.appliance.panel.PinHash;

/**
 * The PIN the panel checks logins against, as its stored hash; empty means no PIN (allowed only on
 * loopback, checked at start). Changed from the Settings page; read by login requests.
 */
public final class PinLock {
    private final AtomicReference<String> hash;

    public PinLock(String hash) {
        this.hash = new AtomicReference<>(hash == null ? "" : hash);
    }

    public boolean required() {
        return !hash.get().isEmpty();
    }

    /** Constant time in the PIN's value (see {@link PinHash#matches}). */
    public boolean opens(String pin) {
        String h = hash.get();
        if (h.isEmpty()) return true;
        return PinHash.matches(pin, h);
    }

    public String hash() {
        return hash.get();
    }

    public void set(String newHash) {
        hash.set(newHash);
    }
}
