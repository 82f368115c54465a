package org.taperoom.web.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.taperoom.web.security.SecurityHeaders;

/**
 * The answers Jetty writes itself, before any route or Javalin handler runs: a request line,
 * URI or header it cannot parse (400), a URI or headers too long (414, 431). They are
 * {@code {"error": "…"}} like every other error of the panel, and carry the same security headers.
 */
final class ErrorPages extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.apply(response.getHeaders());
        return super.handle(request, response, callback);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        byte[] json = ("{\"error\":\"request: " + sentence(code) + "\"}").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    private static String sentence(int code) {
        return switch (code) {
            case 400 -> "malformed request line, header or URI";
            case 414 -> "the URI is too long";
            case 431 -> "the headers are too large";
            default -> HttpStatus.getMessage(code).toLowerCase(java.util.Locale.ROOT);
        };
    }
}
