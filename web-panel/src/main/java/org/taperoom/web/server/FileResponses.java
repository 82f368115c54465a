package org.taperoom.web.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file with single-range HTTP Range support (RFC 9110 §14): what an {@code <audio>}
 * element needs to seek. A range that cannot be satisfied gets 416 with the size; a multi-range
 * request gets the whole file (allowed by the RFC, and no browser asks for one for media).
 */
public final class FileResponses {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private FileResponses() {}

    public static void send(Context ctx, Path file, String contentType) throws IOException {
        long size = Files.size(file);
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType(contentType);
        long from = 0;
        long to = size - 1;
        String range = ctx.header("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            try {
                if (m.group(1).isEmpty()) {
                    from = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    from = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) to = Math.min(size - 1, Long.parseLong(m.group(2)));
                }
            } catch (NumberFormatException e) {
                from = size;
            }
            if (from >= size || from > to) {
                ctx.header("Content-Range", "bytes */" + size);
                throw new ApiError(416, "range " + range + " is outside the file's " + size + " bytes");
            }
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        long length = to - from + 1;
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(from);
        ctx.header("Content-Length", Long.toString(length));
        ctx.result(new BoundedInputStream(in, length));
    }

    /** Reads at most {@code remaining} bytes of {@code in}, then reports the end; closes {@code in}. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = in.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
