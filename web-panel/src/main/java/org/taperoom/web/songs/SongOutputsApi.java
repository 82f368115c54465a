package org.taperoom.web.songs;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.render.QuickMix;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.JobsApi;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.playback.PlaybackApi;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;

/**
 * What a song sounds like, out of the appliance: played through the playback engine (its active
 * passes, mix and master) and rendered as a job whose progress the browsers are sent; the renders
 * listed and downloaded.
 */
final class SongOutputsApi {
    private static final double MAX_SECONDS = 86_400;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Songs songs;
    private final SongRequests req;
    private final PlaybackApi playback;
    private final RenderService renders;
    private final JobsApi jobs;

    SongOutputsApi(SongRequests req, PlaybackApi playback, RenderService renders, JobsApi jobs) {
        this.songs = req.songs;
        this.req = req;
        this.playback = playback;
        this.renders = renders;
        this.jobs = jobs;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/songs/{id}/play", Access.CHANGE, this::play,
                        "Play the song (its active passes, mix and master) on the output: {\"fromSeconds\": 0} (optional); answers the playback state, then as /api/playback.").teachers(),
                Route.put("/api/songs/{id}/mix/live", Access.CHANGE, this::liveMix,
                        "Hear a mix document (as PUT /api/songs/{id}/mix takes it) on the song playing from the next block, without saving it; 409 when that song is not playing.").teachers(),
                Route.post("/api/songs/{id}/render", Access.CHANGE, this::render,
                        "Render the song with its mix and master: {\"format\": \"wav|flac|mp3|opus\"} (optional, wav); 202 with the job (progress as for /api/jobs).").teachers(),
                Route.post("/api/songs/{id}/quick-mix", Access.CHANGE, this::quickMix,
                        "Make the song's quick mix as a take gets one (each lane brought to a common loudness, a high-pass on all but low parts, the rehearsal master; the song's own mix is left as it is), listed with its renders as <stamp>-quick-mix.mp3; 202 with the job (progress as for /api/jobs).").teachers(),
                Route.get("/api/songs/{id}/renders", Access.SESSION, this::renders, "The song's finished renders, newest first: [{file, bytes, url}].").teachers(),
                Route.get("/api/songs/{id}/renders/{file}", Access.SESSION, this::download, "Download one of the song's renders.").teachers());
    }

    private void play(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        double from = 0;
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("fromSeconds"));
            if (b.has("fromSeconds")) from = b.number("fromSeconds", 0, MAX_SECONDS);
        }
        req.refuseWhileOverdubbing("the song plays as the pass's monitor");
        SongArrangement a = songs.arrangement(song);
        req.use(id);
        ctx.json(playback.playSong(id, a.tracks(), a.settings(RenderSettings.DEFAULT), from));
    }

    private void liveMix(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        try {
            MixSettings mix = SongMixMaster.parseMix(song, ctx.body());
            if (!playback.liveSongMix(id, mix)) throw ApiError.conflict("song " + id + " is not playing: play it first");
        } catch (SettingsException e) {
            throw new ApiError(400, e.getMessage());
        }
        ctx.status(204);
    }

    private void render(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        String format = "wav";
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("format"));
            if (b.has("format")) format = b.text("format", 8);
        }
        if (!List.of("wav", "flac", "mp3", "opus").contains(format)) {
            throw ApiError.badRequest("format", "\"" + format + "\" is not one of wav, flac, mp3, opus");
        }
        SongArrangement a = songs.arrangement(song);
        RenderSettings settings = a.settings(RenderSettings.DEFAULT);
        Path file = songs.folder(id).resolve(RenderService.RENDERS_DIR).resolve(LocalDateTime.now().format(STAMP) + "-mix." + format);
        RenderJob job = renders.submit(a.tracks(), () -> settings, file);
        jobs.follow(job, null, () -> req.changed(id));
        ctx.status(202).json(Map.of("job", job.id(), "song", id, "file", file.getFileName().toString()));
    }

    private void quickMix(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        RenderJob job = startQuickMix(id);
        ctx.status(202).json(Map.of("job", job.id(), "song", id, "file", job.file().getFileName().toString()));
    }

    /**
     * After each pass recorded over a song: its quick mix, as a take gets one when it stops, so the
     * band can listen on their phones at once. The transport calls it on the pass's thread; the
     * arrangement is read on a virtual thread and rendered on the render service's. A failure is
     * logged; the song is untouched.
     */
    void quickMixAfterPass(String id) {
        Thread.ofVirtual().name("quick-mix-song-" + id).start(() -> {
            try {
                RenderJob job = startQuickMix(id);
                org.tinylog.Logger.info("quick mix of song {} after its pass queued as render job {}", id, job.id());
            } catch (IOException | RuntimeException e) {
                org.tinylog.Logger.warn("no quick mix of song {} after its pass: {}", id, e.getMessage());
            }
        });
    }

    private RenderJob startQuickMix(String id) throws IOException {
        SongArrangement a = songs.arrangement(songs.find(id));
        Path file = songs.folder(id).resolve(RenderService.RENDERS_DIR).resolve(LocalDateTime.now().format(STAMP) + "-" + QuickMix.FILE_NAME);
        RenderJob job = new QuickMix(renders).start(a.tracks(), file);
        jobs.follow(job, null, () -> req.changed(id));
        return job;
    }

    private void renders(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : renderFiles(songs.folder(id))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.getFileName().toString());
            m.put("bytes", Files.size(f));
            m.put("url", "/api/songs/" + id + "/renders/" + f.getFileName());
            out.add(m);
        }
        ctx.json(out);
    }

    private void download(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        String name = ctx.pathParam("file");
        for (Path f : renderFiles(songs.folder(id))) {
            if (f.getFileName().toString().equals(name)) {
                ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-" + name + "\"");
                FileResponses.send(ctx, f, OutputFormat.forPath(f).mimeType);
                return;
            }
        }
        throw ApiError.notFound("no render " + (name.matches("[A-Za-z0-9._-]{1,80}") ? name : "with that name") + " of song " + id);
    }

    /** The finished renders (no part files), newest first; the lookup only ever matches names listed here. */
    private static List<Path> renderFiles(Path songFolder) throws IOException {
        Path dir = songFolder.resolve(RenderService.RENDERS_DIR);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && n.matches("[0-9]{8}-[0-9]{6}-[A-Za-z0-9_-]+\\.(wav|flac|mp3|opus)")) out.add(p);
            }
        }
        out.sort((x, y) -> y.getFileName().toString().compareTo(x.getFileName().toString()));
        return out;
    }
}
