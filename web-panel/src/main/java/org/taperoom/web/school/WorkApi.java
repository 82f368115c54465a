package org.taperoom.web.school;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * The teacher's view of the students' work: every take with its student and class, newest first
 * within each class; a feedback note the student reads with the take; keeping a take past the
 * expiry. The takes are looked up through the {@link TakeCatalog} like every other route's, so
 * the owner check applies here too (teachers see all).
 */
public final class WorkApi {
    private static final int MAX_FEEDBACK_CHARS = 4000;

    private final TakeCatalog takes;
    private final Roster roster;

    public WorkApi(TakeCatalog takes, Roster roster) {
        this.takes = takes;
        this.roster = roster;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/school/work", Access.SESSION, this::work,
                        "Every student's takes, by class, then newest first: the take's document plus student (name) and class"
                                + " (a removed student's takes show their id).").teachers(),
                Route.put("/api/takes/{id}/feedback", Access.CHANGE, this::feedback,
                        "A teacher's feedback note on a take, which the student sees with it: {\"feedback\": up to 4000 characters}.").teachers(),
                Route.put("/api/takes/{id}/keep", Access.CHANGE, this::keep,
                        "Keep a student's take past the expiry (studentExpiryDays), or let it expire again: {\"keep\": true|false}.").teachers());
    }

    private void work(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> t : takes.list()) {
            Object owner = t.get("owner");
            if (owner == null) continue;
            Optional<Roster.Student> s = roster.student(owner.toString());
            Map<String, Object> m = new LinkedHashMap<>(t);
            m.put("student", s.map(Roster.Student::name).orElse(owner.toString()));
            m.put("class", s.map(Roster.Student::className).orElse(""));
            out.add(m);
        }
        // takes.list() is newest first; a stable sort by class keeps that order within each class.
        out.sort(Comparator.comparing(m -> String.valueOf(m.get("class"))));
        ctx.json(out);
    }

    private void feedback(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        String text = Body.of(ctx, Set.of("feedback")).text("feedback", MAX_FEEDBACK_CHARS);
        Path folder = takes.folder(id);
        TakeMarks.read(folder).withFeedback(text).write(folder);
        ctx.json(takes.get(id));
    }

    private void keep(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        boolean keep = Body.of(ctx, Set.of("keep")).bool("keep");
        Path folder = takes.folder(id);
        TakeMarks.read(folder).withKeep(keep).write(folder);
        ctx.json(takes.get(id));
    }
}
