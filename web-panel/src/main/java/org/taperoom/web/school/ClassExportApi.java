package org.taperoom.web.school;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;

/** A teacher takes a class's work away: start the ZIP, follow its progress, download it. */
public final class ClassExportApi {
    private final ClassExports exports;

    public ClassExportApi(ClassExports exports) {
        this.exports = exports;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/school/classes/{class}/export", Access.CHANGE, this::start,
                        "Export a class's work as one ZIP (every track of every take of its students, <student>/<take>/<track>.wav);"
                                + " answers {\"job\": …}; 404 for a class no student is in.").teachers(),
                Route.get("/api/school/exports/{job}", Access.SESSION, this::job,
                        "A class export: state (running, done, failed), progress 0..1, class, takes, error, url once done.").teachers(),
                Route.get("/api/school/exports/{job}/file", Access.SESSION, this::file, "Download a finished class export (HTTP Range supported).")
                        .teachers());
    }

    private void start(Context ctx) throws IOException {
        String className = ctx.pathParam("class");
        ClassExports.Job job = exports.start(className).orElseThrow(() -> ApiError.notFound("no student is in class '" + shown(className) + "'"));
        ctx.status(202).json(Map.of("job", job.id()));
    }

    private void job(Context ctx) {
        ClassExports.Job job = find(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job.id());
        m.put("state", job.state().name().toLowerCase(Locale.ROOT));
        m.put("progress", job.fraction());
        m.put("class", job.className());
        m.put("takes", job.takes());
        m.put("error", job.error());
        m.put("url", job.state() == ClassExports.State.DONE ? "/api/school/exports/" + job.id() + "/file" : null);
        ctx.json(m);
    }

    private void file(Context ctx) throws IOException {
        ClassExports.Job job = find(ctx);
        if (job.state() != ClassExports.State.DONE) throw ApiError.conflict("the export of class '" + shown(job.className()) + "' is not finished");
        ctx.header("Content-Disposition", "attachment; filename=\"" + job.file().getFileName().toString().replace("\"", "") + "\"");
        FileResponses.send(ctx, job.file(), "application/zip");
    }

    private ClassExports.Job find(Context ctx) {
        String id = ctx.pathParam("job");
        return exports.job(id).orElseThrow(() -> ApiError.notFound("no class export " + (id.matches("[0-9]{1,9}") ? id : "with that id")));
    }

    private static String shown(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
