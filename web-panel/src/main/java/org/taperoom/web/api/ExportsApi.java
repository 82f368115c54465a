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
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Exports: the formats the DSP writes ({@link OutputFormat}), a take's finished exports (listed
 * from its renders folder by file name), starting one with tags, and downloading one. Every tag
 * is checked here, before a job starts: a control character in a tag is a 400 naming the tag.
 */
public final class ExportsApi {
    private static final Pattern EXPORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private final TakeCatalog takes;
    private final RenderService renders;
    private final JobsApi jobs;

    public ExportsApi(TakeCatalog takes, RenderService renders, JobsApi jobs) {
        this.takes = takes;
        this.renders = renders;
        this.jobs = jobs;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/export-formats", Access.SESSION, this::formats, "The export formats this build writes: [{name, label, mimeType}].").students(),
                Route.get("/api/takes/{id}/exports", Access.SESSION, this::exports, "The take's finished exports, newest first.").students(),
                Route.post("/api/takes/{id}/exports", Access.CHANGE, this::export,
                        "Start an export: {\"format\": " + String.join("|", formatNames()) + ", \"tags\": {title, artist, album, date, comment}} "
                                + "(tags are strings without control characters); answers {\"job\": …}.").students(),
                Route.get("/api/takes/{id}/exports/{export}/file", Access.SESSION, this::exportFile, "Download an export (HTTP Range supported).").students());
    }

    /** The export the path names ({@code {id}} and {@code {export}}), or 404. */
    Path find(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        String name = ctx.pathParam("export");
        if (!EXPORT_NAME.matcher(name).matches()) throw ApiError.notFound("no such export");
        for (RenderService.RenderInfo r : renders.renders(takes.folder(id))) {
            if (r.file().getFileName().toString().equals(name)) return r.file();
        }
        throw ApiError.notFound("take " + id + " has no export " + name);
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
        for (RenderService.RenderInfo r : renders.renders(takes.folder(id))) out.add(RenderDocs.exportDoc(id, r.file(), r.bytes()));
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
        Map<String, Object> take = takes.get(id);
        Path folder = takes.folder(id);
        String name = TakeFolders.slug(String.valueOf(take.get("name")));
        RenderJob job = settings(() -> renders.start(folder, name, format, doc.toString()));
        jobs.follow(job, id, () -> {});
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
