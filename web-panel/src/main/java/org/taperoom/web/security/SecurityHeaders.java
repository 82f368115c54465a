package org.taperoom.web.security;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers on every response: static files, API answers, and the error pages Jetty writes itself
 * for requests it cannot parse (400, 414, 431; see {@link org.taperoom.web.server.ErrorPages}).
 * The front-end has no inline script or style and loads nothing from elsewhere, so the policy can
 * be strict: only this origin, no framing.
 */
public final class SecurityHeaders {
    public static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Name and value of every header every response carries. */
    public static final Map<String, String> ALWAYS = always();

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        ALWAYS.forEach(ctx::header);
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
    }

    /** For responses Jetty makes without Javalin (its error pages). */
    public static void apply(HttpFields.Mutable headers) {
        ALWAYS.forEach(headers::put);
        headers.put("Cache-Control", "no-store");
    }

    private static Map<String, String> always() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Content-Security-Policy", CSP);
        m.put("X-Content-Type-Options", "nosniff");
        m.put("X-Frame-Options", "DENY");
        m.put("Referrer-Policy", "no-referrer");
        m.put("Cross-Origin-Opener-Policy", "same-origin");
        m.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        return Map.copyOf(m);
    }
}
