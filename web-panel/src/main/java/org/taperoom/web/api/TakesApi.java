package org.taperoom.web.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;
import org.taperoom.web.share.ShareLinks;
import org.taperoom.web.takes.TakeCatalog;
import org.taperoom.web.takes.Waveforms;

/**
 * The take library: list, one take, rename and notes, delete to the trash and undo, a track's
 * audio (with HTTP Range, so browsers can seek) and the waveform overview. Every id goes through
 * {@link PathIds} and then the library's own lookup; no path is ever built from a request.
 */
public final class TakesApi {
    private static final int MAX_NAME_CHARS = 80;
    private static final int MAX_NOTES_CHARS = 4000;

    private final TakeCatalog takes;
    private final Waveforms waveforms;
    private final Transport transport;
    /** Told after a change to the library (the hub pushes a {@code takes} message). */
    private final Consumer<String> changed;
    /** The share links, which follow a take's folder when a rename moves it. */
    private final ShareLinks links;

    public TakesApi(TakeCatalog takes, Waveforms waveforms, Transport transport, ShareLinks links, Consumer<String> changed) {
        this.takes = takes;
        this.links = links;
        this.waveforms = waveforms;
        this.transport = transport;
        this.changed = changed;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/takes", Access.SESSION, this::list, "Every take, newest first (the page groups them by day).").students(),
                Route.get("/api/takes/{id}", Access.SESSION, this::get, "One take: name, day, start, duration, rate, bits, tracks, notes, markers.").students(),
                Route.patch("/api/takes/{id}", Access.CHANGE, this::change,
                        "Rename and/or set notes: {\"name\": 1–80 characters, \"notes\": up to 4000}; answers the take (its id may change with the name).").students(),
                Route.delete("/api/takes/{id}", Access.CHANGE, this::delete, "Move the take to the trash; answers {\"trashId\": …} for undo.").students(),
                Route.post("/api/trash/{trashId}/restore", Access.CHANGE, this::restore, "Undo a delete: bring the take back from the trash.").students(),
                Route.get("/api/takes/{id}/tracks/{n}/audio", Access.SESSION, this::audio,
                        "Track n (from 1) as WAV, with HTTP Range for seeking; ?download=1 makes it an attachment.").students(),
                Route.get("/api/takes/{id}/waveform", Access.SESSION, this::waveform,
                        "Peaks for drawing: {\"buckets\": 800, \"tracks\": [{\"min\": […], \"max\": […]}]}, computed once and cached beside the take.").students());
    }

    private void list(Context ctx) throws IOException {
        ctx.json(takes.list());
    }

    private void get(Context ctx) throws IOException {
        ctx.json(takes.get(PathIds.id(ctx, "id")));
    }

    private void change(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Body b = Body.of(ctx, Set.of("name", "notes"));
        if (!b.has("name") && !b.has("notes")) throw ApiError.badRequest("body", "expected name and/or notes");
        String name = b.has("name") ? b.text("name", MAX_NAME_CHARS).strip() : null;
        if (name != null && name.isEmpty()) throw ApiError.badRequest("name", "must not be empty");
        if (name != null && name.contains("\n")) throw ApiError.badRequest("name", "must be one line");
        String notes = b.has("notes") ? b.text("notes", MAX_NOTES_CHARS) : null;
        refuseWhileRecording(id);
        takes.get(id);
        Map<String, Object> doc = null;
        if (notes != null) doc = takes.notes(id, notes);
        if (name != null) {
            Path before = takes.folder(id);
            doc = takes.rename(id, name);
            links.moved(before, takes.folder(String.valueOf(doc.get("id"))));
        }
        changed.accept(id);
        ctx.json(doc);
    }

    private void delete(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        refuseWhileRecording(id);
        String trashId = takes.delete(id);
        changed.accept(id);
        ctx.json(Map.of("trashId", trashId));
    }

    private void restore(Context ctx) throws IOException {
        Map<String, Object> doc = takes.restore(PathIds.trashId(ctx, "trashId"));
        changed.accept(String.valueOf(doc.get("id")));
        ctx.json(doc);
    }

    private void audio(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Map<String, Object> take = takes.get(id);
        int count = ((List<?>) take.get("tracks")).size();
        int n = PathIds.number(ctx, "n", count);
        Path file = takes.track(id, n);
        if ("1".equals(ctx.queryParam("download"))) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName().toString().replace("\"", "") + "\"");
        }
        FileResponses.send(ctx, file, "audio/wav");
    }

    private void waveform(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        refuseWhileRecording(id);
        Map<String, Object> take = takes.get(id);
        int count = ((List<?>) take.get("tracks")).size();
        List<Path> files = new ArrayList<>();
        for (int n = 1; n <= count; n++) files.add(takes.track(id, n));
        byte[] json = waveforms.overview(takes.folder(id), files);
        ctx.contentType("application/json").result(json);
    }

    private void refuseWhileRecording(String id) {
        TakeRef recording = transport.view().take();
        if (recording != null && recording.id().equals(id)) {
            throw ApiError.conflict("take " + id + " is being recorded; stop it first");
        }
    }
}
