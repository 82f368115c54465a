package org.taperoom.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte for byte on a socket, for what Java's HTTP client would correct or refuse
 * to send: undecodable paths, broken chunked bodies, bodies shorter than their Content-Length,
 * a half-closed connection, odd Host headers.
 */
public final class RawHttp {
    /** The status line, the headers (names lower-cased) and the body as text. */
    public record Response(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {}

    /** Sends {@code request} as is and reads the answer until the server closes or 5 s pass. */
    public static Response send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), false, 5000);
    }

    /** As {@link #send(int, String)}, reading for at most {@code readMillis} (for answers that keep the connection). */
    public static Response send(int port, String request, int readMillis) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), false, readMillis);
    }

    public static Response send(int port, byte[] request, boolean halfClose) throws IOException {
        return send(port, request, halfClose, 5000);
    }

    /**
     * Sends the bytes; with {@code halfClose} the client then shuts its output, as a client that
     * gives up mid-body does. The request should say {@code Connection: close}.
     */
    public static Response send(int port, byte[] request, boolean halfClose, int readMillis) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(readMillis);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            if (halfClose) s.shutdownOutput();
            return parse(readAll(s.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; !complete(out.toByteArray()) && (n = in.read(buf)) >= 0; ) out.write(buf, 0, n);
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer; a server keeping the connection open is not an error here
        }
        return out.toByteArray();
    }

    /** A whole answer: a 101's head, or a head and as many body bytes as its Content-Length says. */
    private static boolean complete(byte[] sofar) {
        Response r = parse(sofar);
        int headEnd = new String(sofar, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        if (headEnd < 0) return false;
        if (r.status() == 101) return true;
        String length = r.header("Content-Length");
        return length != null && length.matches("\\d+") && sofar.length - headEnd - 4 >= Long.parseLong(length);
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) return new Response(0, "", "");
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] status = head.split(" ", 3);
        int code = status.length > 1 && status[1].matches("\\d{3}") ? Integer.parseInt(status[1]) : 0;
        return new Response(code, head, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
