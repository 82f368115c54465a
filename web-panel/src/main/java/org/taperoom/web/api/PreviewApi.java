package org.taperoom.web.api;

import static org.taperoom.web.api.RenderDocs.settings;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.render.TakeSettings;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Listening before exporting: a preview render of the current mix and master (MP3, played with
 * HTTP Range), and the loudness analysis before and after mastering. Both are background jobs
 * rendering to hidden files of the take's renders folder, followed by {@link JobsApi}.
 */
public final class PreviewApi {
    private final TakeCatalog takes;
    private final RenderService renders;
    private final JobsApi jobs;

    public PreviewApi(TakeCatalog takes, RenderService renders, JobsApi jobs) {
        this.takes = takes;
        this.renders = renders;
        this.jobs = jobs;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/takes/{id}/preview", Access.CHANGE, this::preview, "Start a preview render (MP3) of the current mix and master; answers {\"job\": …}.").students(),
                Route.get("/api/takes/{id}/preview/audio", Access.SESSION, this::previewAudio, "The latest preview render, with HTTP Range.").students(),
                Route.post("/api/takes/{id}/master/analysis", Access.CHANGE, this::analysis,
                        "Measure loudness and true peak before and after mastering (a full render); answers {\"job\": …}.").students());
    }

    private void preview(Context ctx) throws IOException {
        startHidden(ctx, PathIds.id(ctx, "id"), RenderDocs.PREVIEW_FILE);
    }

    private void analysis(Context ctx) throws IOException {
        startHidden(ctx, PathIds.id(ctx, "id"), RenderDocs.ANALYSIS_FILE);
    }

    /** A render to a hidden file of the take's renders folder (not listed as an export). */
    private void startHidden(Context ctx, String id, String fileName) throws IOException {
        Path take = takes.folder(id);
        TakeTracks tracks = TakeTracks.find(take);
        settings(() -> TakeSettings.render(take));
        RenderJob job = renders.submit(tracks, () -> TakeSettings.render(take), take.resolve(RenderService.RENDERS_DIR).resolve(fileName));
        jobs.follow(job, id, () -> {});
        ctx.status(202).json(Map.of("job", job.id()));
    }

    private void previewAudio(Context ctx) throws IOException {
        Path file = takes.folder(PathIds.id(ctx, "id")).resolve(RenderService.RENDERS_DIR).resolve(RenderDocs.PREVIEW_FILE);
        if (!Files.isRegularFile(file)) throw ApiError.notFound("no preview yet: POST /api/takes/{id}/preview renders one");
        FileResponses.send(ctx, file, OutputFormat.MP3.mimeType);
    }
}
