package org.taperoom.web.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One row of the API: method, path (Javalin's {@code {param}} syntax), who may call it, the
 * handler, and the sentence that documents it in API.md.
 */
public record Route(HandlerType method, String path, Access access, Handler handler, String summary) {
    public static Route get(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.GET, path, access, handler, summary);
    }

    public static Route post(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.POST, path, access, handler, summary);
    }

    public static Route put(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.PUT, path, access, handler, summary);
    }

    public static Route patch(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.PATCH, path, access, handler, summary);
    }

    public static Route delete(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.DELETE, path, access, handler, summary);
    }
}
