package org.taperoom.web.server;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route in {@link RouteTable} names one; the {@link org.taperoom.web.security.Guard}
 * enforces it before the handler runs, and a route registered without one is treated as {@link #CHANGE}.
 */
public enum Access implements RouteRole {
    /** Anyone: the kiosk status ({@code GET /api/state}), the login itself. */
    PUBLIC,
    /** A logged-in session (the session cookie). */
    SESSION,
    /** A logged-in session and its CSRF token in {@code X-CSRF-Token}: every state-changing request. */
    CHANGE,
    /** Anyone holding an unguessable, expiring link (the export download a phone opens from the QR code). */
    LINK
}
