package org.taperoom.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.Owners;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Render jobs as the browsers see them: asked for ({@code GET /api/jobs/{job}}), cancelled, and
 * pushed as {@code progress} messages while they run. The job reports its own progress
 * ({@link RenderJob#watch}, on the render thread); this sends a message when the state changes or
 * the fraction moves by a percent, so nothing polls. Errors reach the browser without host paths.
 */
public final class JobsApi {
    private final TakeCatalog takes;
    private final RenderService renders;
    /**
     * Pushes a {@code progress} message (the JSON, and the owner of the job's take) to the browsers
     * that may see that take; must not block (it runs on the render thread).
     */
    private final BiConsumer<String, String> progress;

    public JobsApi(TakeCatalog takes, RenderService renders, BiConsumer<String, String> progress) {
        this.takes = takes;
        this.renders = renders;
        this.progress = progress;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/jobs/{job}", Access.SESSION, this::job, "A render job: state (queued, running, done, failed, cancelled), stage, progress 0..1, result or error.").students(),
                Route.delete("/api/jobs/{job}", Access.CHANGE, this::cancel, "Cancel a render job.").students());
    }

    private void job(Context ctx) {
        ctx.json(doc(findJob(ctx).snapshot(), null));
    }

    private void cancel(Context ctx) {
        RenderJob job = findJob(ctx);
        job.cancel();
        ctx.status(202).json(doc(job.snapshot(), null));
    }

    private RenderJob findJob(Context ctx) {
        String id = ctx.pathParam("job");
        // A job is its take's: one the caller may not see is not found, like one that never was.
        return renders.job(id).filter(j -> takes.visible(j.snapshot().take()))
                .orElseThrow(() -> ApiError.notFound("no render job " + (id.matches("[0-9]{1,12}") ? id : "with that id")));
    }

    /**
     * Pushes the job's progress to the browsers until it ends, then runs {@code ended} (once).
     * {@code takeId} null: found from the job's take folder when it is done.
     */
    public void follow(RenderJob job, String takeId, Runnable ended) {
        job.watch(new Follower(takeId, ended));
    }

    /** One job's messages. Called on the render thread, or once on the caller's for a job already over. */
    private final class Follower implements Consumer<RenderJob.Snapshot> {
        private final String takeId;
        private final Runnable ended;
        /** Guarded by this. */
        private RenderJob.State lastState;
        private double lastFraction = -1;
        private boolean over;
        /** The owner of the job's take, read at its first message. */
        private String owner;
        private boolean ownerKnown;

        Follower(String takeId, Runnable ended) {
            this.takeId = takeId;
            this.ended = ended;
        }

        @Override
        public synchronized void accept(RenderJob.Snapshot s) {
            if (over) return;
            boolean end = s.state() == RenderJob.State.DONE || s.state() == RenderJob.State.FAILED || s.state() == RenderJob.State.CANCELLED;
            if (!end && s.state() == lastState && Math.abs(s.fraction() - lastFraction) < 0.01) return;
            lastState = s.state();
            lastFraction = s.fraction();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "progress");
            m.putAll(doc(s, takeId));
            if (!ownerKnown) {
                owner = Owners.ofFolder(s.take());
                ownerKnown = true;
            }
            try {
                progress.accept(Body.JSON.writeValueAsString(m), owner);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (end) {
                over = true;
                ended.run();
            }
        }
    }

    private Map<String, Object> doc(RenderJob.Snapshot s, String takeId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", s.id());
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("stage", s.stage());
        m.put("progress", s.fraction());
        m.put("error", RenderDocs.withoutPaths(s.error()));
        String id = takeId != null ? takeId : takeIdOf(s.take());
        RenderResult r = s.result();
        if (r != null && id != null) {
            Map<String, Object> result = RenderDocs.exportDoc(id, s.file(), RenderDocs.fileSize(s.file()));
            result.put("before", RenderDocs.figures(r.before()));
            result.put("after", RenderDocs.figures(r.after()));
            result.put("targetLufs", r.targetLufs());
            result.put("note", r.note());
            m.put("result", result);
            m.put("url", result.get("url"));
        }
        return m;
    }

    private String takeIdOf(Path folder) {
        try {
            for (Map<String, Object> t : takes.list()) if (takes.folder(String.valueOf(t.get("id"))).equals(folder)) return String.valueOf(t.get("id"));
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
