package org.taperoom.web.school;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.ShareApi;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.Person;
import org.taperoom.web.security.Sessions;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;
import org.taperoom.web.share.ShareLinks;

/**
 * The school's people: teachers create, list and remove students and other teachers, renew a
 * student's login code and print a sheet of QR codes; everyone asks who they are and, for a
 * student, how much of their quota is used.
 */
public final class StudentsApi {
    private static final int MAX_NAME_CHARS = 60;
    private static final int MAX_CLASS_CHARS = 40;

    private final Roster roster;
    private final Sessions sessions;
    private final Quota quota;
    private final Supplier<URI> panelUrl;

    public StudentsApi(Roster roster, Sessions sessions, Quota quota, Supplier<URI> panelUrl) {
        this.roster = roster;
        this.sessions = sessions;
        this.quota = quota;
        this.panelUrl = panelUrl;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/me", Access.SESSION, this::me,
                        "Who is logged in: role, id, name, class; for a student also quota {usedSeconds, limitSeconds} (limitSeconds 0: none).")
                        .students(),
                Route.get("/api/students", Access.SESSION, this::list,
                        "Every student, by class then name: id, name, class, code, usedSeconds.").teachers(),
                Route.post("/api/students", Access.CHANGE, this::add,
                        "Add a student: {\"name\": 1–60 characters, \"class\": 1–40} → {\"id\", \"code\"} (the six-digit login code).").teachers(),
                Route.delete("/api/students/{student}", Access.CHANGE, this::remove,
                        "Remove a student and end their sessions; their takes stay (the teachers' to keep or delete).").teachers(),
                Route.post("/api/students/{student}/code", Access.CHANGE, this::renew,
                        "A new login code for the student (the old one and their sessions end) → {\"id\", \"code\"}.").teachers(),
                Route.post("/api/students/sheet", Access.CHANGE, this::sheet,
                        "The QR sheet: {\"class\": optional} → [{id, name, class, code, url, qr}]; each url opens the panel logged in as"
                                + " that student (its key is in the fragment, which no request line or log carries). Printing anew"
                                + " invalidates the sheet before.").teachers(),
                Route.get("/api/teachers", Access.SESSION, this::teachers, "The teachers besides the administrator: [{id, name}].").teachers(),
                Route.post("/api/teachers", Access.CHANGE, this::addTeacher,
                        "Add a teacher: {\"name\": 1–60 characters, \"pin\": 4–12 digits} → {\"id\"}; they log in with their PIN.").teachers(),
                Route.delete("/api/teachers/{teacher}", Access.CHANGE, this::removeTeacher, "Remove a teacher and end their sessions.").teachers());
    }

    private void me(Context ctx) throws IOException {
        Person p = Guard.person(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", p.isStudent() ? "student" : "teacher");
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("class", p.className());
        if (p.isStudent()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("usedSeconds", quota.usedSeconds(p.id(), null));
            q.put("limitSeconds", quota.limitSeconds());
            m.put("quota", q);
        }
        ctx.json(m);
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Roster.Student> sorted = new ArrayList<>(roster.students());
        sorted.sort(java.util.Comparator.comparing(Roster.Student::className).thenComparing(Roster.Student::name));
        for (Roster.Student s : sorted) {
            Map<String, Object> m = doc(s);
            m.put("usedSeconds", quota.usedSeconds(s.id(), null));
            out.add(m);
        }
        ctx.json(out);
    }

    private void add(Context ctx) throws IOException {
        Body b = Body.of(ctx, Set.of("name", "class"));
        String name = line(b, "name", MAX_NAME_CHARS);
        String className = line(b, "class", MAX_CLASS_CHARS);
        Roster.Student s = roster.addStudent(name, className);
        ctx.status(201).json(Map.of("id", s.id(), "code", s.code()));
    }

    private void remove(Context ctx) throws IOException {
        String id = studentId(ctx);
        if (!roster.removeStudent(id)) throw ApiError.notFound("no student '" + id + "'");
        sessions.closeWhere(p -> p.isStudent() && p.id().equals(id));
        ctx.status(204);
    }

    private void renew(Context ctx) throws IOException {
        String id = studentId(ctx);
        Roster.Student s = roster.renewCode(id).orElseThrow(() -> ApiError.notFound("no student '" + id + "'"));
        sessions.closeWhere(p -> p.isStudent() && p.id().equals(id));
        ctx.json(Map.of("id", s.id(), "code", s.code()));
    }

    private void sheet(Context ctx) throws IOException {
        String className = null;
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("class"));
            if (b.has("class")) className = b.text("class", MAX_CLASS_CHARS).strip();
        }
        URI base = ShareApi.addressFor(ctx.header("Host"), panelUrl);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Roster.Student s : roster.students()) {
            if (className != null && !className.isEmpty() && !className.equals(s.className())) continue;
            String key = roster.newQrKey(s.id()).orElseThrow();
            String url = base.resolve("/#qr=" + key).toString();
            Map<String, Object> m = doc(s);
            m.put("url", url);
            m.put("qr", ShareLinks.qrDataUrl(url));
            out.add(m);
        }
        out.sort(java.util.Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("class"))).thenComparing(m -> String.valueOf(m.get("name"))));
        ctx.json(out);
    }

    private void teachers(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Roster.Teacher t : roster.teachers()) out.add(Map.of("id", t.id(), "name", t.name()));
        ctx.json(out);
    }

    private void addTeacher(Context ctx) throws IOException {
        Body b = Body.of(ctx, Set.of("name", "pin"));
        String name = line(b, "name", MAX_NAME_CHARS);
        String pin = b.text("pin", 12);
        if (!pin.matches("[0-9]{4,12}")) throw ApiError.badRequest("pin", "expected 4 to 12 digits");
        Roster.Teacher t = roster.addTeacher(name, pin);
        ctx.status(201).json(Map.of("id", t.id()));
    }

    private void removeTeacher(Context ctx) throws IOException {
        String id = ctx.pathParam("teacher");
        if (!roster.removeTeacher(id)) throw ApiError.notFound("no teacher with that id");
        sessions.closeWhere(p -> p.isTeacher() && p.id().equals(id));
        ctx.status(204);
    }

    private static String studentId(Context ctx) {
        String id = ctx.pathParam("student");
        if (!id.matches("s[0-9a-f]{10}")) throw ApiError.notFound("no student with that id");
        return id;
    }

    private static String line(Body b, String field, int max) {
        String v = b.text(field, max).strip();
        if (v.isEmpty()) throw ApiError.badRequest(field, "must not be empty");
        if (v.chars().anyMatch(c -> c < 0x20)) throw ApiError.badRequest(field, "must be one line without control characters");
        return v;
    }

    private static Map<String, Object> doc(Roster.Student s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("class", s.className());
        m.put("code", s.code());
        return m;
    }
}
