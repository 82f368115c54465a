package org.taperoom.web.server;

/**
 * A request the panel refuses, with the status and the one sentence the client gets as
 * {@code {"error": "..."}}. Thrown from handlers; mapped in {@link PanelServer}.
 */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 400 naming the field: {@code badRequest("gainDb", "expected a number from -60 to 24")}. */
    public static ApiError badRequest(String field, String problem) {
        return new ApiError(400, field + ": " + problem);
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, what);
    }

    public static ApiError conflict(String why) {
        return new ApiError(409, why);
    }

    public static ApiError notImplemented(String what) {
        return new ApiError(501, what);
    }
}
