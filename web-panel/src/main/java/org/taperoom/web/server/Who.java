package org.taperoom.web.server;

import io.javalin.security.RouteRole;

/**
 * Which logged-in people a route serves, beside its {@link Access}. Every route in the
 * {@link RouteTable} declares one ({@link Route#teachers()} or {@link Route#students()}); the
 * {@link org.taperoom.web.security.Guard} refuses a student on a {@link #TEACHERS} route (403), and
 * treats a route that declares none as {@link #TEACHERS}, so forgetting cannot open it to students.
 */
public enum Who implements RouteRole {
    /** Teachers only: settings, the device, inputs, students, everyone's work. */
    TEACHERS,
    /**
     * Teachers and students. A student reaches only their own takes, songs and exports: every
     * lookup by id goes through the owner check, and another student's id is 404 like an id that
     * does not exist.
     */
    STUDENTS
}
