package org.taperoom.web.security;

/**
 * The {@link Person} the request on this thread is for, so that the one owner check (in the take
 * catalog's lookup by id and its listings) needs no parameter threaded through every route.
 *
 * <p>Contract: the {@link Guard} sets {@link Person#NOBODY} before every request (so a request
 * thread never inherits anyone), the session's person once the route's access is checked, and
 * clears it after the request. A thread that never served a request (render jobs, the service's
 * own threads) has none and sees everything: those act for the appliance, not for a person.
 * Requests run synchronously on one thread each; a handler that hands work to another thread must
 * look things up before it does.
 */
public final class Viewer {
    private static final ThreadLocal<Person> CURRENT = new ThreadLocal<>();

    private Viewer() {}

    static void set(Person p) {
        CURRENT.set(p);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** Whether the caller on this thread may see work owned by {@code owner} (null: the teachers'). */
    public static boolean maySee(String owner) {
        Person p = CURRENT.get();
        return p == null || p.maySee(owner);
    }

    /** Runs {@code body} as {@code p} on this thread; null acts for the appliance (sees everything: finding a take's owner). */
    public static <T, E extends Exception> T as(Person p, Body<T, E> body) throws E {
        Person before = CURRENT.get();
        CURRENT.set(p);
        try {
            return body.run();
        } finally {
            if (before == null) CURRENT.remove();
            else CURRENT.set(before);
        }
    }

    /** What {@link #as} runs. */
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }
}
