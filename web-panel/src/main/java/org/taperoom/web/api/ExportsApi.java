package org.taperoom.web.api;

import static org.taperoom.web.api.RenderDocs.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Exports: the formats the DSP writes ({@link OutputFormat}), a programme's finished exports
 * (listed from its renders folder by file name), starting one with tags, and downloading one; one
 * set of routes for takes, one for songs, over their {@link Programmes}. Every tag
 * is checked here, before a job starts: a control character in a tag is a 400 naming the tag.
 */
public final class ExportsApi {
    private static final Pattern EXPORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    /** The programmes exported through one set of routes: takes, or songs. */
    public interface Programmes {
        /** The folder whose renders are the programme's exports; 404 for an unknown id. */
        Path folder(String id) throws IOException;

        /** Starts an export of programme {@code id} as {@link RenderService#start} does; a bad document throws, no job starts. */
        RenderJob start(String id, String format, String renderJson) throws IOException, SettingsException;
    }

    private final String base;
    private final String kind;
    private final Programmes programmes;
    private final RenderService renders;
    private final JobsApi jobs;
    private final boolean takes;

    /** The takes' exports, and the formats every export is offered in. */
    public ExportsApi(TakeCatalog takes, RenderService renders, JobsApi jobs) {
        this("/api/takes", "take", new Programmes() {
            @Override
            public Path folder(String id) throws IOException {
                return takes.folder(id);
            }

            @Override
            public RenderJob start(String id, String format, String renderJson) throws IOException, SettingsException {
                Map<String, Object> take = takes.get(id);
                return renders.start(takes.folder(id), TakeFolders.slug(String.valueOf(take.get("name"))), format, renderJson);
            }
        }, renders, jobs, true);
    }

    /**
     * The exports of other programmes (songs), teachers only, under {@code base/{id}/exports}.
     *
     * @param kind what a programme is called in the summaries ("song")
     */
    public static ExportsApi of(String base, String kind, Programmes programmes, RenderService renders, JobsApi jobs) {
        return new ExportsApi(base, kind, programmes, renders, jobs, false);
    }

    private ExportsApi(String base, String kind, Programmes programmes, RenderService renders, JobsApi jobs, boolean takes) {
        this.base = base;
        this.kind = kind;
        this.programmes = programmes;
        this.renders = renders;
        this.jobs = jobs;
        this.takes = takes;
    }

    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        if (takes) out.add(Route.get("/api/export-formats", Access.SESSION, this::formats, "The export formats this build writes: [{name, label, mimeType}].").students());
        out.add(who(Route.get(base + "/{id}/exports", Access.SESSION, this::exports, "The " + kind + "'s finished exports, newest first.")));
        out.add(who(Route.post(base + "/{id}/exports", Access.CHANGE, this::export,
                "Start an export: {\"format\": " + String.join("|", formatNames()) + ", \"tags\": {title, artist, album, date, comment}} "
                        + "(tags are strings without control characters); answers {\"job\": …}.")));
        out.add(who(Route.get(base + "/{id}/exports/{export}/file", Access.SESSION, this::exportFile, "Download an export (HTTP Range supported).")));
        return List.copyOf(out);
    }

    private Route who(Route r) {
        return takes ? r.students() : r.teachers();
    }

    /** The routes' base ({@code /api/takes}): where the share link's route for these exports goes. */
    String base() {
        return base;
    }

    /** Whether these are the takes' exports (students may use them). */
    boolean forTakes() {
        return takes;
    }

    /** The export the path names ({@code {id}} and {@code {export}}), or 404. */
    Path find(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        String name = ctx.pathParam("export");
        if (!EXPORT_NAME.matcher(name).matches()) throw ApiError.notFound("no such export");
        for (RenderService.RenderInfo r : renders.renders(programmes.folder(id))) {
            if (r.file().getFileName().toString().equals(name)) return r.file();
        }
        throw ApiError.notFound(kind + " " + id + " has no export " + name);
    }

    private static List<String> formatNames() {
        List<String> names = new ArrayList<>();
        for (OutputFormat f : OutputFormat.values()) names.add(f.extension());
        return names;
    }

    private void formats(Context ctx) {
        List<Map<String, String>> out = new ArrayList<>();
        for (OutputFormat f : OutputFormat.values()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", f.extension());
            m.put("label", f.label);
            m.put("mimeType", f.mimeType);
            out.add(m);
        }
        ctx.json(out);
    }

    private void exports(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        List<Map<String, Object>> out = new ArrayList<>();
        for (RenderService.RenderInfo r : renders.renders(programmes.folder(id))) out.add(RenderDocs.exportDoc(base, id, r.file(), r.bytes()));
        ctx.json(out);
    }

    private void export(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Body b = Body.of(ctx, Set.of("format", "tags"));
        String format = b.text("format", 10);
        if (!formatNames().contains(format)) {
            throw ApiError.badRequest("format", "expected one of " + String.join(", ", formatNames()) + ", got \"" + format + "\"");
        }
        ObjectNode doc = Body.JSON.createObjectNode();
        if (b.has("tags")) doc.set("tags", checkedTags(b.node("tags")));
        RenderJob job = settings(() -> programmes.start(id, format, doc.toString()));
        jobs.follow(job, takes ? id : null, () -> {});
        ctx.status(202).json(Map.of("job", job.id()));
    }

    /** Tags as strings without control characters (a file's tag is no place for NUL or ESC); which tags exist is the DSP's to say. */
    private static JsonNode checkedTags(JsonNode tags) {
        if (!tags.isObject()) throw ApiError.badRequest("tags", "expected an object of title, artist, album, date, comment");
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (hasControl(e.getKey())) throw ApiError.badRequest("tags", "tag names must not contain control characters");
            String field = "tags." + e.getKey();
            if (!e.getValue().isTextual()) throw ApiError.badRequest(field, "expected a string, got " + Body.kind(e.getValue()));
            if (hasControl(e.getValue().textValue())) throw ApiError.badRequest(field, "must not contain control characters");
        }
        return tags;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return true;
        }
        return false;
    }

    private void exportFile(Context ctx) throws IOException {
        Path file = find(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        FileResponses.send(ctx, file, OutputFormat.forPath(file).mimeType);
    }
}
