package org.taperoom.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.render.TakeSettings;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;
import org.taperoom.web.share.ShareLinks;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Mix, master, preview, loudness analysis and export, over the DSP's {@link RenderService}: the
 * settings documents are the DSP's own JSON (its validation names the key path in the 400), every
 * render is a background job whose progress goes to the browsers as {@code progress} messages.
 * Exports are listed from the take's {@code renders/} folder by file name; share links give a
 * phone a download without the PIN.
 */
public final class RenderApi {
    private static final String PREVIEW_FILE = ".preview.mp3";
    private static final String ANALYSIS_FILE = ".analysis.wav";
    private static final java.util.regex.Pattern EXPORT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final List<Map<String, String>> FORMATS = List.of(
            Map.of("name", "wav", "label", "WAV (24-bit, lossless)"),
            Map.of("name", "flac", "label", "FLAC (lossless, smaller)"),
            Map.of("name", "mp3", "label", "MP3 (for phones and messengers)"),
            Map.of("name", "opus", "label", "Opus (smallest)"));

    private final TakeCatalog takes;
    private final RenderService renders;
    private final ShareLinks links;
    /** Pushes a {@code progress} message to every browser. */
    private final Consumer<String> progress;
    /** The panel's own address, for share links when the browser reached it through loopback. */
    private final Supplier<URI> panelUrl;

    public RenderApi(TakeCatalog takes, RenderService renders, ShareLinks links, Consumer<String> progress, Supplier<URI> panelUrl) {
        this.takes = takes;
        this.renders = renders;
        this.links = links;
        this.progress = progress;
        this.panelUrl = panelUrl;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/takes/{id}/mix", Access.SESSION, this::getMix, "The take's mix settings (per track fader, pan, mute/solo, EQ, compressor, sends; reverb and delay buses)."),
                Route.put("/api/takes/{id}/mix", Access.CHANGE, this::putMix, "Replace the take's mix settings; 400 names the first wrong key."),
                Route.get("/api/takes/{id}/master", Access.SESSION, this::getMaster, "The take's master settings (preset/target, ceiling, normalise, EQ, glue, limiter)."),
                Route.put("/api/takes/{id}/master", Access.CHANGE, this::putMaster, "Replace the take's master settings; 400 names the first wrong key."),
                Route.post("/api/takes/{id}/preview", Access.CHANGE, this::preview, "Start a preview render (MP3) of the current mix and master; answers {\"job\": …}."),
                Route.get("/api/takes/{id}/preview/audio", Access.SESSION, this::previewAudio, "The latest preview render, with HTTP Range."),
                Route.post("/api/takes/{id}/master/analysis", Access.CHANGE, this::analysis,
                        "Measure loudness and true peak before and after mastering (a full render); answers {\"job\": …}."),
                Route.get("/api/export-formats", Access.SESSION, this::formats, "The export formats this build writes."),
                Route.get("/api/takes/{id}/exports", Access.SESSION, this::exports, "The take's finished exports, newest first."),
                Route.post("/api/takes/{id}/exports", Access.CHANGE, this::export,
                        "Start an export: {\"format\": wav|flac|mp3|opus, \"tags\": {title, artist, album, date, comment}}; answers {\"job\": …}."),
                Route.get("/api/takes/{id}/exports/{export}/file", Access.SESSION, this::exportFile, "Download an export (HTTP Range supported)."),
                Route.post("/api/takes/{id}/exports/{export}/link", Access.CHANGE, this::link,
                        "A share link for phones (no PIN, expires in an hour) and its QR code: {\"url\", \"qr\", \"expiresInSeconds\"}."),
                Route.get("/api/jobs/{job}", Access.SESSION, this::job, "A render job: state (queued, running, done, failed, cancelled), stage, progress 0..1, result or error."),
                Route.delete("/api/jobs/{job}", Access.CHANGE, this::cancel, "Cancel a render job."),
                Route.get("/share/{token}", Access.LINK, this::share, "The export a share link points to (no session; the token expires)."));
    }

    private void getMix(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        ctx.contentType("application/json").result(RenderSettings.mixJson(settings(() -> renders.mixSettings(take))));
    }

    private void putMix(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        String json = ctx.body();
        TakeTracks tracks = TakeTracks.find(take);
        var mix = settings(() -> RenderSettings.parseMix(json));
        settings(() -> {
            tracks.check(mix);
            return null;
        });
        ctx.contentType("application/json").result(RenderSettings.mixJson(settings(() -> renders.putMixSettings(take, json))));
    }

    private void getMaster(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        ctx.contentType("application/json").result(RenderSettings.masterJson(settings(() -> renders.masterSettings(take))));
    }

    private void putMaster(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        String json = ctx.body();
        ctx.contentType("application/json").result(RenderSettings.masterJson(settings(() -> renders.putMasterSettings(take, json))));
    }

    private void preview(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        startHidden(ctx, id, PREVIEW_FILE);
    }

    private void analysis(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        startHidden(ctx, id, ANALYSIS_FILE);
    }

    /** A render to a hidden file of the take's renders folder (not listed as an export). */
    private void startHidden(Context ctx, String id, String fileName) throws IOException {
        Path take = takes.folder(id);
        TakeTracks tracks = TakeTracks.find(take);
        settings(() -> TakeSettings.render(take));
        RenderJob job = renders.submit(tracks, () -> TakeSettings.render(take), take.resolve(RenderService.RENDERS_DIR).resolve(fileName));
        follow(job, id, () -> {});
        ctx.status(202).json(Map.of("job", job.id()));
    }

    private void previewAudio(Context ctx) throws IOException {
        Path file = takes.folder(PathIds.id(ctx, "id")).resolve(RenderService.RENDERS_DIR).resolve(PREVIEW_FILE);
        if (!Files.isRegularFile(file)) throw ApiError.notFound("no preview yet: POST /api/takes/{id}/preview renders one");
        FileResponses.send(ctx, file, "audio/mpeg");
    }

    private void formats(Context ctx) {
        ctx.json(FORMATS);
    }

    private void exports(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        List<Map<String, Object>> out = new ArrayList<>();
        for (RenderService.RenderInfo r : renders.renders(takes.folder(id))) out.add(exportDoc(id, r.file(), r.bytes()));
        ctx.json(out);
    }

    private void export(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Body b = Body.of(ctx, Set.of("format", "tags"));
        String format = b.text("format", 10);
        if (FORMATS.stream().noneMatch(f -> f.get("name").equals(format))) {
            throw ApiError.badRequest("format", "expected one of wav, flac, mp3, opus, got \"" + format + "\"");
        }
        ObjectNode doc = Body.JSON.createObjectNode();
        if (b.has("tags")) {
            JsonNode tags = b.node("tags");
            if (!tags.isObject()) throw ApiError.badRequest("tags", "expected an object of title, artist, album, date, comment");
            doc.set("tags", tags);
        }
        Map<String, Object> take = takes.get(id);
        Path folder = takes.folder(id);
        String name = TakeFolders.slug(String.valueOf(take.get("name")));
        RenderJob job = settings(() -> renders.start(folder, name, format, doc.toString()));
        follow(job, id, () -> {});
        ctx.status(202).json(Map.of("job", job.id()));
    }

    private void exportFile(Context ctx) throws IOException {
        Path file = exportPath(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        FileResponses.send(ctx, file, mime(file));
    }

    private void link(Context ctx) {
        Path file;
        try {
            file = exportPath(ctx);
        } catch (IOException e) {
            throw ApiError.notFound("no such export");
        }
        String token = links.create(file);
        URI url = shareBase(ctx).resolve("/share/" + token);
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
        FileResponses.send(ctx, file, mime(file));
    }

    private void job(Context ctx) {
        ctx.json(jobDoc(findJob(ctx).snapshot(), null));
    }

    private void cancel(Context ctx) {
        RenderJob job = findJob(ctx);
        job.cancel();
        ctx.status(202).json(jobDoc(job.snapshot(), null));
    }

    private RenderJob findJob(Context ctx) {
        String id = ctx.pathParam("job");
        return renders.job(id).orElseThrow(() -> ApiError.notFound("no render job " + (id.matches("[0-9]{1,12}") ? id : "with that id")));
    }

    private Path exportPath(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        String name = ctx.pathParam("export");
        if (!EXPORT_NAME.matcher(name).matches()) throw ApiError.notFound("no such export");
        for (RenderService.RenderInfo r : renders.renders(takes.folder(id))) {
            if (r.file().getFileName().toString().equals(name)) return r.file();
        }
        throw ApiError.notFound("take " + id + " has no export " + name);
    }

    /**
     * Pushes the job's progress to the browsers until it ends (on a virtual thread; polling is
     * cheap), then runs {@code ended}. {@code takeId} null: found from the job's take folder.
     */
    public void follow(RenderJob job, String takeId, Runnable ended) {
        Thread.ofVirtual().name("panel-job-" + job.id()).start(() -> {
            try {
                RenderJob.State last = null;
                double lastFraction = -1;
                while (true) {
                    RenderJob.Snapshot s = job.snapshot();
                    if (s.state() != last || Math.abs(s.fraction() - lastFraction) >= 0.01) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("type", "progress");
                        m.putAll(jobDoc(s, takeId));
                        progress.accept(Body.JSON.writeValueAsString(m));
                        last = s.state();
                        lastFraction = s.fraction();
                    }
                    if (s.state() == RenderJob.State.DONE || s.state() == RenderJob.State.FAILED || s.state() == RenderJob.State.CANCELLED) {
                        ended.run();
                        return;
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // the panel is stopping
            }
        });
    }

    private Map<String, Object> jobDoc(RenderJob.Snapshot s, String takeId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", s.id());
        m.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("stage", s.stage());
        m.put("progress", s.fraction());
        m.put("error", s.error());
        String id = takeId != null ? takeId : takeIdOf(s.take());
        RenderResult r = s.result();
        if (r != null && id != null) {
            Map<String, Object> result = exportDoc(id, s.file(), fileSize(s.file()));
            result.put("before", figures(r.before()));
            result.put("after", figures(r.after()));
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

    private static Map<String, Object> figures(LoudnessFigures f) {
        Map<String, Object> raw = f.toJsonMap();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("integratedLufs", raw.get("integrated_lufs"));
        m.put("truePeakDbtp", raw.get("true_peak_dbtp"));
        m.put("samplePeakDbfs", raw.get("sample_peak_dbfs"));
        m.put("lraLu", raw.get("loudness_range_lu"));
        return m;
    }

    private static Map<String, Object> exportDoc(String takeId, Path file, long bytes) {
        String name = file.getFileName().toString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", name);
        m.put("file", name);
        m.put("bytes", bytes);
        m.put("url", name.equals(PREVIEW_FILE) ? "/api/takes/" + takeId + "/preview/audio"
                : name.startsWith(".") ? null : "/api/takes/" + takeId + "/exports/" + name + "/file");
        return m;
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private URI shareBase(Context ctx) {
        String host = ctx.header("Host");
        if (host != null) {
            String h = host.replaceFirst(":[0-9]+$", "").replace("[", "").replace("]", "");
            try {
                if (!InetAddress.getByName(h).isLoopbackAddress()) return URI.create("http://" + host + "/");
            } catch (IOException | IllegalArgumentException e) {
                // fall back to the panel's own address
            }
        }
        return panelUrl.get();
    }

    private static String mime(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".mp3")) return "audio/mpeg";
        if (n.endsWith(".flac")) return "audio/flac";
        if (n.endsWith(".opus") || n.endsWith(".ogg")) return "audio/ogg";
        return "audio/wav";
    }

    private interface Work<T> {
        T run() throws IOException, SettingsException;
    }

    /** Runs DSP work; its settings errors become 400 with the DSP's own message (it names the key path). */
    private static <T> T settings(Work<T> work) throws IOException {
        try {
            return work.run();
        } catch (SettingsException e) {
            throw new ApiError(400, e.getMessage());
        }
    }
}
