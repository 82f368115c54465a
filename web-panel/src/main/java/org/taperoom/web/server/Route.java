package org.taperoom.web.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One row of the API: method, path (Javalin's {@code {param}} syntax), how the caller must be
 * logged in ({@link Access}), who may call it ({@link Who}: declared with {@link #teachers()} or
 * {@link #students()}; null until declared, which the guard treats as teachers only and the route
 * tests reject), the handler, and the sentence that documents it in API.md.
 */
public record Route(HandlerType method, String path, Access access, Handler handler, String summary, Who who) {
    public static Route get(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.GET, path, access, handler, summary, null);
    }

    public static Route post(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.POST, path, access, handler, summary, null);
    }

    public static Route put(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.PUT, path, access, handler, summary, null);
    }

    public static Route patch(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.PATCH, path, access, handler, summary, null);
    }

    public static Route delete(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.DELETE, path, access, handler, summary, null);
    }

    /** This route serves teachers only: a student gets 403. */
    public Route teachers() {
        return new Route(method, path, access, handler, summary, Who.TEACHERS);
    }

    /** This route serves students too, each with their own work only (ids through the owner check). */
    public Route students() {
        return new Route(method, path, access, handler, summary, Who.STUDENTS);
    }
}
