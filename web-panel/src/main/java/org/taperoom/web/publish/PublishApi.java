package org.taperoom.web.publish;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.publish.PublishJob;
import org.taperoom.appliance.publish.UploadService;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The service's upload queue on the panel: the figures and every queued job, a retry that makes
 * a job due now, and a cancel that takes it out of the queue (never deleting the local file).
 * Without a publisher (no {@code publishTo}) the page is told so, and the actions are 409.
 */
public final class PublishApi {
    private static final String JOB_ID = "[0-9a-f]{24}";
    /** null when the service publishes nothing. */
    private final UploadService uploads;
    private final Path library;
    private final Runnable changed;

    /** @param changed called after a retry or cancel (pushes the new figures to the browsers) */
    public PublishApi(UploadService uploads, Path library, Runnable changed) {
        this.uploads = uploads;
        this.library = library.toAbsolutePath();
        this.changed = changed;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/publish", Access.SESSION, this::get,
                        "The publisher: {\"enabled\", \"uploads\": figures as in /api/state, \"jobs\": [{id, take, file, remotePath, bytes, attempts, "
                                + "state (waiting, uploading, failing), lastError, nextAttemptSeconds}]}; enabled false when publishTo is empty.").teachers(),
                Route.post("/api/publish/jobs/{job}/retry", Access.CHANGE, this::retry, "Try a queued upload again now (its backoff is skipped); 404 for no such job.").teachers(),
                Route.delete("/api/publish/jobs/{job}", Access.CHANGE, this::cancel,
                        "Take an upload out of the queue (stopping it if it runs); the local file stays, and the file is not queued again until it changes.").teachers());
    }

    private void get(Context ctx) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", uploads != null);
        if (uploads == null) {
            m.put("uploads", null);
            m.put("jobs", List.of());
            ctx.json(m);
            return;
        }
        m.put("uploads", UploadDocs.figures(uploads.figures()));
        UploadService.Jobs jobs = uploads.jobs();
        List<Map<String, Object>> docs = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (PublishJob j : jobs.jobs()) docs.add(UploadDocs.job(j, jobs.inFlightId(), library, now));
        m.put("jobs", docs);
        ctx.json(m);
    }

    private void retry(Context ctx) throws IOException {
        String id = jobId(ctx);
        if (!publisher().retry(id)) throw ApiError.notFound("no queued upload " + id);
        changed.run();
        ctx.status(202).json(Map.of("job", id, "retrying", true));
    }

    private void cancel(Context ctx) throws IOException {
        String id = jobId(ctx);
        if (!publisher().cancel(id)) throw ApiError.notFound("no queued upload " + id);
        changed.run();
        ctx.status(202).json(Map.of("job", id, "cancelled", true));
    }

    private UploadService publisher() {
        if (uploads == null) throw new ApiError(409, "publishing is off: set publishTo (an rclone REMOTE:path) in the configuration");
        return uploads;
    }

    private static String jobId(Context ctx) {
        String id = ctx.pathParam("job");
        if (!id.matches(JOB_ID)) throw ApiError.notFound("no such upload: job ids are 24 hex digits");
        return id;
    }
}
