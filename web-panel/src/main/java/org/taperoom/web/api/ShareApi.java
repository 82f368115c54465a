package org.taperoom.web.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.web.security.HostNames;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;
import org.taperoom.web.share.ShareLinks;

/**
 * Share links: an export (a take's or a song's, one instance per {@link ExportsApi}) a phone can
 * download without the PIN, from a QR code; the takes' instance also serves the downloads. The link names the
 * host the browser used (already checked against the names the appliance answers to), unless that
 * was loopback, which a phone cannot reach: then the panel's own LAN address.
 */
public final class ShareApi {
    private final ExportsApi exports;
    private final ShareLinks links;
    /** The panel's own address, known once the server listens. */
    private final Supplier<URI> panelUrl;

    public ShareApi(ExportsApi exports, ShareLinks links, Supplier<URI> panelUrl) {
        this.exports = exports;
        this.links = links;
        this.panelUrl = panelUrl;
    }

    public List<Route> routes() {
        Route link = Route.post(exports.base() + "/{id}/exports/{export}/link", Access.CHANGE, this::link,
                "A share link for phones (no PIN, expires in an hour) and its QR code: {\"url\", \"qr\", \"expiresInSeconds\"}.");
        if (!exports.forTakes()) return List.of(link.teachers());
        // One download route serves every link, whatever it points to.
        return List.of(link.students(),
                Route.get("/share/{token}", Access.LINK, this::share, "The export a share link points to (no session; the token expires).").students());
    }

    private void link(Context ctx) {
        Path file;
        try {
            file = exports.find(ctx);
        } catch (IOException e) {
            throw ApiError.notFound("no such export");
        }
        String token = links.create(file);
        URI url = addressFor(ctx.header("Host"), panelUrl).resolve("/share/" + token);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url.toString());
        m.put("qr", ShareLinks.qrDataUrl(url.toString()));
        m.put("expiresInSeconds", ShareLinks.LIFETIME_MILLIS / 1000);
        ctx.json(m);
    }

    private void share(Context ctx) throws IOException {
        String token = ctx.pathParam("token");
        Path file = token.matches("[A-Za-z0-9_-]{43}") ? links.file(token) : null;
        if (file == null || !Files.isRegularFile(file)) throw ApiError.notFound("this download link is unknown or has expired; make a new one on the Export page");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        FileResponses.send(ctx, file, OutputFormat.forPath(file).mimeType);
    }

    /** Where a phone should go: the {@code Host} the browser used, unless it is loopback (then the panel's LAN address). */
    public static URI addressFor(String host, Supplier<URI> panelUrl) {
        if (host != null && !HostNames.isLoopback(host)) return URI.create("http://" + host.strip() + "/");
        return panelUrl.get();
    }
}
