package org.taperoom.web.api;

import io.javalin.http.Context;
import java.util.List;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * Mix, master, preview, analysis and export: the routes the Mix, Master and Export pages use.
 * They answer 501 with a sentence until the DSP engine (mix/master settings, render jobs) is part
 * of the build; they never pretend to have rendered anything.
 */
public final class RenderApi {
    static final String MISSING = "mixing, mastering and export are not in this build yet: the DSP engine has not landed";

    public List<Route> routes() {
        return List.of(
                Route.get("/api/takes/{id}/mix", Access.SESSION, this::missing, "The take's mix settings (per track fader, pan, mute/solo, EQ, compressor, sends; reverb and delay buses)."),
                Route.put("/api/takes/{id}/mix", Access.CHANGE, this::missing, "Replace the take's mix settings; 400 names the first wrong key."),
                Route.get("/api/takes/{id}/master", Access.SESSION, this::missing, "The take's master settings (preset/target, ceiling, normalise, EQ, glue, limiter)."),
                Route.put("/api/takes/{id}/master", Access.CHANGE, this::missing, "Replace the take's master settings; 400 names the first wrong key."),
                Route.post("/api/takes/{id}/preview", Access.CHANGE, this::missing, "Start a preview render of the current mix and master; answers {\"job\": …}."),
                Route.post("/api/takes/{id}/master/analysis", Access.CHANGE, this::missing, "Measure loudness and true peak before and after mastering; answers {\"job\": …}."),
                Route.get("/api/export-formats", Access.SESSION, this::missing, "The export formats this build writes."),
                Route.get("/api/takes/{id}/exports", Access.SESSION, this::missing, "The take's finished exports."),
                Route.post("/api/takes/{id}/exports", Access.CHANGE, this::missing, "Start an export: {\"format\": …, \"tags\": {…}}; answers {\"job\": …}."),
                Route.get("/api/takes/{id}/exports/{export}/file", Access.SESSION, this::missing, "Download an export."),
                Route.post("/api/takes/{id}/exports/{export}/link", Access.CHANGE, this::missing,
                        "A share link for phones (no PIN, expires) and its QR code: {\"url\", \"qr\", \"expiresInSeconds\"}."),
                Route.get("/api/jobs/{job}", Access.SESSION, this::missing, "A render job: state (running, done, failed, cancelled), progress 0..1, result or error."),
                Route.delete("/api/jobs/{job}", Access.CHANGE, this::missing, "Cancel a render job."),
                Route.get("/share/{token}", Access.LINK, this::missing, "The export a share link points to (no session; the token expires)."));
    }

    private void missing(Context ctx) {
        throw ApiError.notImplemented(MISSING);
    }
}
