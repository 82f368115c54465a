package org.taperoom.web.share;

import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Download links a phone can open without the PIN: an unguessable token (256 bits) that names
 * one exported file and expires after {@link #LIFETIME_MILLIS}. The QR code that carries the link
 * is drawn here as SVG with Nayuki's QR Code generator, so the page needs no script library.
 * Thread-safe.
 */
public final class ShareLinks {
    public static final long LIFETIME_MILLIS = 60 * 60 * 1000;
    private static final int MAX_LINKS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Link(Path file, long expiresAtMillis) {}

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final Clock clock;

    public ShareLinks(Clock clock) {
        this.clock = clock;
    }

    /** A new token for {@code file}. */
    public String create(Path file) {
        long now = clock.millis();
        links.values().removeIf(l -> l.expiresAtMillis < now);
        if (links.size() >= MAX_LINKS) links.clear();
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        links.put(token, new Link(file, now + LIFETIME_MILLIS));
        return token;
    }

    /**
     * Points the links to files under {@code from} at the same files under {@code to}: a take
     * renamed after its export was shared moves its folder, and a link given out must keep working.
     */
    public void moved(Path from, Path to) {
        links.replaceAll((token, l) -> l.file.startsWith(from) ? new Link(to.resolve(from.relativize(l.file)), l.expiresAtMillis) : l);
    }

    /** The file of a live token, or null when the token is unknown or expired. */
    public Path file(String token) {
        Link l = links.get(token);
        if (l == null) return null;
        if (l.expiresAtMillis < clock.millis()) {
            links.remove(token);
            return null;
        }
        return l.file;
    }

    /** {@code text} as a QR code (error correction M) in an SVG {@code data:} URL, black on white with a quiet zone. */
    public static String qrDataUrl(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
