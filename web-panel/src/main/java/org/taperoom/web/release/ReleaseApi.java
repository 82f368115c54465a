package org.taperoom.web.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.taperoom.appliance.dsp.release.OutputPreset;
import org.taperoom.appliance.dsp.release.Release;
import org.taperoom.appliance.dsp.release.ReleaseBuilder;
import org.taperoom.appliance.dsp.release.ReleaseDocument;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.settings.Preset;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.JobsApi;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.api.RenderDocs;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Releases of one take from the panel: the output presets and loudness targets to choose from,
 * starting a release build (a job with progress, on the render thread, like an export), the
 * take's finished releases and each one's ZIP. The body is release.json's album keys plus the
 * track's own (title, artist, isrc); the DSP's strict parser checks it, so a 400 names the key.
 * Releases go to {@code <take>/releases/<yyyyMMdd-HHmmss>-<album>/}.
 */
public final class ReleaseApi {
    static final String RELEASES = "releases";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern RELEASE_NAME = Pattern.compile("[0-9]{8}-[0-9]{6}-[A-Za-z0-9_-]{1,60}");
    private static final Set<String> ALBUM_KEYS = Set.of("album", "album_artist", "year", "genre", "upc", "loudness", "outputs");
    private static final Set<String> TRACK_KEYS = Set.of("title", "artist", "isrc");

    private final TakeCatalog takes;
    private final Path library;
    private final RenderService renders;
    private final JobsApi jobs;

    public ReleaseApi(TakeCatalog takes, Path library, RenderService renders, JobsApi jobs) {
        this.takes = takes;
        this.library = library.toAbsolutePath().normalize();
        this.renders = renders;
        this.jobs = jobs;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/release-options", Access.SESSION, this::options,
                        "What a release may be made as: outputs [{name, format, rateHz, bits}], loudness presets [{name, targetLufs}] and modes (track, album).").teachers(),
                Route.get("/api/takes/{id}/releases", Access.SESSION, this::list, "The take's finished releases, newest first: name, zip, bytes, files [{path, bytes}].").teachers(),
                Route.post("/api/takes/{id}/releases", Access.CHANGE, this::start,
                        "Build a release of the take: {album, album_artist, year, genre, upc, loudness: {preset, target_lufs, mode}, outputs: [...], "
                                + "title, artist, isrc} (release.json's keys; 400 names a wrong one); answers {\"job\": …}.").teachers(),
                Route.get("/api/takes/{id}/releases/{release}/zip", Access.SESSION, this::zip, "Download a release's ZIP (HTTP Range supported).").teachers());
    }

    /** The take the path names, by the catalog's one lookup (404 for an unknown id). */
    private Path takeFolder(Context ctx) throws IOException {
        return takes.folder(PathIds.id(ctx, "id")).toAbsolutePath().normalize();
    }

    private void options(Context ctx) {
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (OutputPreset p : OutputPreset.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.jsonName);
            m.put("format", p.format.extension());
            m.put("rateHz", p.rateHz);
            m.put("bits", p.bits);
            outputs.add(m);
        }
        List<Map<String, Object>> presets = new ArrayList<>();
        for (Preset p : Preset.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.jsonName());
            m.put("targetLufs", p == Preset.CUSTOM ? null : p.targetLufs);
            presets.add(m);
        }
        ctx.json(Map.of("outputs", outputs, "presets", presets, "modes", List.of("track", "album")));
    }

    private void start(Context ctx) throws IOException {
        Path folder = takeFolder(ctx);
        Set<String> allowed = new java.util.HashSet<>(ALBUM_KEYS);
        allowed.addAll(TRACK_KEYS);
        Body b = Body.of(ctx, allowed);
        for (String key : b.fields()) {
            JsonNode v = b.node(key);
            if (v.isTextual() && v.textValue().chars().anyMatch(Character::isISOControl)) throw ApiError.badRequest(key, "must not contain control characters");
        }
        ObjectNode doc = Body.JSON.createObjectNode();
        ObjectNode track = Body.JSON.createObjectNode();
        for (String key : b.fields()) (ALBUM_KEYS.contains(key) ? doc : track).set(key, b.node(key));
        track.put("take", library.relativize(folder).toString());
        ArrayNode tracks = doc.putArray("tracks");
        tracks.add(track);
        Release release;
        try {
            release = ReleaseDocument.parse(doc, null, library);
        } catch (SettingsException e) {
            // The parser names the one track "tracks[0].title"; on this page it is the field "title".
            throw new ApiError(400, RenderDocs.withoutPaths(e.getMessage().replaceFirst("^tracks\\[0]\\.", "")));
        }
        String slug = TakeFolders.slug(release.album());
        Path out = folder.resolve(RELEASES).resolve(LocalDateTime.now().format(STAMP) + "-" + (slug.isEmpty() ? "release" : slug));
        Files.createDirectories(out.getParent());
        RenderJob job = renders.submitTask(folder, out,
                (renderer, progress, cancelled) -> new ReleaseBuilder(renderer).build(release, out, progress, cancelled));
        jobs.follow(job, PathIds.id(ctx, "id"), () -> {});
        ctx.status(202).json(Map.of("job", job.id(), "release", out.getFileName().toString()));
    }

    private void list(Context ctx) throws IOException {
        Path dir = takeFolder(ctx).resolve(RELEASES);
        List<Map<String, Object>> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path r : s.filter(p -> RELEASE_NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
                        .sorted(Comparator.comparing(Path::toString).reversed()).toList()) {
                    out.add(releaseDoc(PathIds.id(ctx, "id"), r));
                }
            }
        }
        ctx.json(out);
    }

    private static Map<String, Object> releaseDoc(String takeId, Path release) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        String name = release.getFileName().toString();
        m.put("name", name);
        List<Map<String, Object>> files = new ArrayList<>();
        Path zip = null;
        try (Stream<Path> walk = Files.walk(release)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = release.relativize(f);
                if (rel.getNameCount() == 1 && f.getFileName().toString().endsWith(".zip")) zip = f;
                files.add(Map.of("path", rel.toString().replace('\\', '/'), "bytes", Files.size(f)));
            }
        }
        m.put("zip", zip == null ? null : zip.getFileName().toString());
        m.put("bytes", zip == null ? 0 : Files.size(zip));
        m.put("url", zip == null ? null : "/api/takes/" + takeId + "/releases/" + name + "/zip");
        m.put("files", files);
        return m;
    }

    private void zip(Context ctx) throws IOException {
        String name = ctx.pathParam("release");
        if (!RELEASE_NAME.matcher(name).matches()) throw ApiError.notFound("no such release");
        Path release = takeFolder(ctx).resolve(RELEASES).resolve(name);
        if (!Files.isDirectory(release)) throw ApiError.notFound("no such release");
        try (Stream<Path> s = Files.list(release)) {
            Path zip = s.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst()
                    .orElseThrow(() -> ApiError.notFound("release " + name + " has no ZIP"));
            ctx.header("Content-Disposition", "attachment; filename=\"" + zip.getFileName().toString().replace("\"", "") + "\"");
            FileResponses.send(ctx, zip, "application/zip");
        }
    }
}
