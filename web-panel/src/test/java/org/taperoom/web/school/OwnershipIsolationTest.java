package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.practice.PracticeSteps;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.Who;

/**
 * Students' work is their own, checked on every route the running server has (from Javalin's
 * router, so a route added any other way, or without saying whom it serves, is caught): student A
 * on student B's (and the teachers') take, export, job and trash ids gets exactly the answer an id
 * that never existed gets, while the same request on A's own ids works; on teachers' routes A gets
 * 403; listings show A only A's own. Practice too: A on B's (and a teacher's) practice, and on material
 * given to another class, gets the answer of an id that never existed.
 */
@ExtendWith(PanelRigExtension.class)
class OwnershipIsolationTest {
    static PanelRig rig;
    static PanelRig.Client teacher;
    static PanelRig.Client studentA;
    static PanelRig.Client studentB;
    /** Path parameter values: A's own, B's, and ones that never existed (B's length, so a size difference would show). */
    static Map<String, String> ownIds;
    static List<Map<String, String>> foreignIds = new ArrayList<>();

    /** Bodies a route needs to get as far as its lookup (what a page sends); the rest get none. */
    static final Map<String, String> BODIES = Map.of(
            "PATCH /api/takes/{id}", "{\"notes\":\"mine\"}",
            "POST /api/takes/{id}/exports", "{\"format\":\"wav\"}",
            "PUT /api/takes/{id}/feedback", "{\"feedback\":\"good\"}",
            "PUT /api/takes/{id}/keep", "{\"keep\":true}",
            "POST /api/practices/{practice}/passes", "{\"input\": 1}",
            "POST /api/practices/{practice}/play", "{\"what\": \"take\"}");

    @BeforeAll
    static void twoStudentsAndATeacherEachHaveTakesAnExportAJobAndATrashedTake() throws Exception {
        teacher = rig.loggedIn();
        studentA = Classroom.student(rig, Classroom.addStudent(teacher, "Ada", "3b"));
        studentB = Classroom.student(rig, Classroom.addStudent(teacher, "Ben", "3b"));
        // Class 3b's backing track (with a reference) is A's to practise over; 4a's is not.
        Path sounds = Files.createTempDirectory("taperoom-isolation-");
        Path backing = PracticeSteps.ffmpeg(sounds.resolve("backing.wav"), "sine=f=220:d=2:sample_rate=48000");
        String ours = PracticeSteps.material(rig, teacher, "3b", "Blues for 3b", backing, "audio/wav").get("id").asText();
        HttpResponse<String> reference = PracticeSteps.upload(rig, teacher, "PUT", "/api/materials/" + ours + "/reference", "audio/wav",
                Files.readAllBytes(backing));
        assertEquals(200, reference.statusCode(), reference.body());
        String theirs = PracticeSteps.material(rig, teacher, "4a", "Reel for 4a", backing, "audio/wav").get("id").asText();
        Map<String, String> a = work(studentA, "A", ours, ours);
        Map<String, String> b = work(studentB, "B", ours, theirs);
        Map<String, String> t = work(teacher, "T", ours, theirs);
        ownIds = a;
        foreignIds.add(b);
        foreignIds.add(t);
        // PUT mix and master need valid settings: A's own, as the Mix page would send them.
        BODIES_MIX.put("PUT /api/takes/{id}/mix", studentA.get("/api/takes/" + a.get("id") + "/mix").body());
        BODIES_MIX.put("PUT /api/takes/{id}/master", studentA.get("/api/takes/" + a.get("id") + "/master").body());
        BODIES_MIX.put("PUT /api/takes/{id}/mix/live", BODIES_MIX.get("PUT /api/takes/{id}/mix"));
    }

    static final Map<String, String> BODIES_MIX = new java.util.HashMap<>();
    /** A pass long enough to measure its loudness (the gating blocks are 400 ms). */
    static final long PASS_MILLIS = 1200;

    /**
     * Records two takes as {@code c}, exports the first (a job and an export), trashes the second;
     * begins a practice over material {@code practiseOver} and records a pass in it. {@code material}
     * is the material id this person's work stands for in the checks.
     */
    static Map<String, String> work(PanelRig.Client c, String who, String practiseOver, String material) throws Exception {
        String id = rig.recordTake(c, 400);
        String second = rig.recordTake(c, 300);
        HttpResponse<String> started = c.change("POST", "/api/takes/" + id + "/exports", "{\"format\":\"wav\"}");
        assertEquals(202, started.statusCode(), started.body());
        String job = c.json(started).get("job").asText();
        JsonNode done = Classroom.awaitJob(c, job);
        assertEquals("done", done.get("state").asText(), done.toString());
        String export = done.get("result").get("file").asText();
        HttpResponse<String> preview = c.change("POST", "/api/takes/" + id + "/preview", null);
        assertEquals(202, preview.statusCode(), preview.body());
        Classroom.awaitJob(c, c.json(preview).get("job").asText());
        HttpResponse<String> deleted = c.change("DELETE", "/api/takes/" + second, null);
        assertEquals(200, deleted.statusCode(), who + ": " + deleted.body());
        String trashId = c.json(deleted).get("trashId").asText();
        String practice = PracticeSteps.begin(c, practiseOver).get("id").asText();
        PracticeSteps.pass(rig, c, practice, PASS_MILLIS);
        return Map.of("id", id, "export", export, "job", job, "trashId", trashId, "n", "1", "practice", practice, "material", material);
    }

    /** The server's HTTP endpoints (not its before/after filters). */
    static List<ParsedEndpoint> routes() {
        return rig.panel.server().javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod()).toList();
    }

    static List<ParsedEndpoint> endpoints() {
        List<ParsedEndpoint> all = new ArrayList<>(routes());
        // Deleting comes last, and deleting the take very last, so A's own work is still there for the other routes.
        all.sort(Comparator.comparing((ParsedEndpoint e) -> e.endpoint.method.name().equals("DELETE"))
                .thenComparing(e -> key(e).equals("DELETE /api/takes/{id}")));
        return all;
    }

    static Set<RouteRole> roles(ParsedEndpoint e) {
        io.javalin.security.Roles r = e.endpoint.metadata(io.javalin.security.Roles.class);
        return r == null ? Set.of() : r.getRoles();
    }

    static Who who(ParsedEndpoint e) {
        for (RouteRole r : roles(e)) if (r instanceof Who w) return w;
        return null;
    }

    static Access access(ParsedEndpoint e) {
        for (RouteRole r : roles(e)) if (r instanceof Access a) return a;
        return Access.CHANGE;
    }

    static String key(ParsedEndpoint e) {
        return e.endpoint.method + " " + e.endpoint.path;
    }

    static String fill(String path, Map<String, String> ids) {
        String p = path;
        for (var param : ids.entrySet()) p = p.replace("{" + param.getKey() + "}", param.getValue());
        return p;
    }

    static boolean namesWork(String path) {
        return path.contains("{id}") || path.contains("{trashId}") || path.contains("{job}") || path.contains("{export}")
                || path.contains("{practice}") || path.contains("{material}");
    }

    static String body(ParsedEndpoint e) {
        String k = key(e);
        return BODIES.containsKey(k) ? BODIES.get(k) : BODIES_MIX.get(k);
    }

    /** Ids that never existed (jobs count from 1), each as long as {@code like}'s, so equal answers also mean equal sizes. */
    static Map<String, String> neverExisted(Map<String, String> like) {
        Map<String, String> m = new java.util.HashMap<>();
        for (var e : like.entrySet()) {
            String v = e.getValue();
            m.put(e.getKey(), e.getKey().equals("n") ? v
                    : e.getKey().equals("job") ? "0".repeat(v.length()) : "z".repeat(v.length()));
        }
        return m;
    }

    @Test
    void everyRouteTheServerHasSaysWhomItServes() {
        List<String> undeclared = new ArrayList<>();
        for (ParsedEndpoint e : routes()) {
            if (who(e) == null) undeclared.add(key(e));
        }
        assertTrue(undeclared.isEmpty(), "routes that do not declare .teachers() or .students(): " + undeclared);
    }

    @Test
    void aStudentOnEveryTeachersRouteGets403() throws Exception {
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (ParsedEndpoint e : endpoints()) {
            if (who(e) == Who.STUDENTS || access(e) == Access.PUBLIC || access(e) == Access.LINK) continue;
            Map<String, String> ids = new java.util.HashMap<>(Map.of("id", ownIds.get("id"), "n", "1", "job", ownIds.get("job"), "student", "s0000000000",
                    "teacher", "t0000000000", "class", "3b"));
            ids.putAll(Map.of("lane", "1", "pass", "1", "entry", "1", "file", "x.wav", "release", "x", "material", ownIds.get("material"),
                    "practice", ownIds.get("practice"), "export", "x.wav", "trashId", "x"));
            String path = fill(e.endpoint.path, ids);
            HttpResponse<String> r = studentA.send(e.endpoint.method.name(), path, "{}", Map.of("X-CSRF-Token", studentA.csrf));
            if (r.statusCode() != 403) open.add(key(e) + " answered " + r.statusCode() + " " + r.body());
            checked++;
        }
        assertTrue(open.isEmpty(), "teachers' routes a student may use: " + open);
        assertTrue(checked >= 10, "expected every teachers' route, checked " + checked);
    }

    @Test
    void aStudentOnAnotherStudentsOrATeachersIdsGetsTheAnswerOfAnIdThatNeverExistedWhileTheirOwnWork() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Set<String> notFound = new HashSet<>();
        int checked = 0;
        for (ParsedEndpoint e : endpoints()) {
            if (who(e) != Who.STUDENTS || !namesWork(e.endpoint.path) || access(e) == Access.LINK) continue;
            String method = e.endpoint.method.name();
            for (Map<String, String> foreign : foreignIds) {
                Map<String, String> never = neverExisted(foreign);
                HttpResponse<String> theirs = studentA.send(method, fill(e.endpoint.path, foreign), body(e), Map.of("X-CSRF-Token", studentA.csrf));
                HttpResponse<String> nothing = studentA.send(method, fill(e.endpoint.path, never), body(e), Map.of("X-CSRF-Token", studentA.csrf));
                String a = theirs.statusCode() + " " + masked(theirs.body(), e.endpoint.path, foreign);
                String b = nothing.statusCode() + " " + masked(nothing.body(), e.endpoint.path, never);
                if (!a.equals(b) || theirs.body().length() != nothing.body().length()) leaks.add(key(e) + ": " + a + "  vs never existed: " + b);
                if (theirs.statusCode() == 404) notFound.add(key(e));
            }
            // A live mix is heard on the take playing: A's own take plays for it, as on the Mix page.
            boolean live = e.endpoint.path.endsWith("/mix/live");
            if (live) studentA.change("POST", "/api/takes/" + ownIds.get("id") + "/play", null);
            HttpResponse<String> own = studentA.send(method, fill(e.endpoint.path, ownIds), body(e), Map.of("X-CSRF-Token", studentA.csrf));
            if (live) studentA.change("POST", "/api/playback/stop", null);
            // A pass begun on A's own practice runs until the next route stops it: long enough to be measured, as on the page.
            if (e.endpoint.path.endsWith("/passes") && own.statusCode() == 202) Thread.sleep(PASS_MILLIS);
            if (e.endpoint.path.endsWith("/passes/stop")) rig.awaitState("idle", 15000);
            if (own.statusCode() >= 400) broken.add(key(e) + " on A's own work answered " + own.statusCode() + " " + own.body());
            if (method.equals("POST") && e.endpoint.path.endsWith("/play")) studentA.change("POST", "/api/playback/stop", null);
            checked++;
        }
        System.out.printf("isolation: %d routes that name work checked, %d of them answer 404 on another's%n", checked, notFound.size());
        assertTrue(leaks.isEmpty(), "answers that tell another's work from nothing: " + String.join("\n", leaks));
        assertTrue(broken.isEmpty(), "routes that refuse a student's own work: " + String.join("\n", broken));
        assertTrue(checked >= 27, "expected every route that names a take, export, job, trashed take, practice or material, checked " + checked);
        assertTrue(notFound.size() >= 25, "most of them answer 404 (the rest refuse the request before any lookup): " + notFound);
        // Nothing of B's changed: B's takes, export and trashed take are all still there.
        Map<String, String> b = foreignIds.get(0);
        assertEquals(200, studentB.get("/api/takes/" + b.get("id")).statusCode());
        assertEquals(200, studentB.bytes("/api/takes/" + b.get("id") + "/exports/" + b.get("export") + "/file", Map.of()).statusCode());
        assertFalse(studentB.json(studentB.get("/api/takes/" + b.get("id"))).get("notes").asText().equals("mine"));
    }

    /** The body with the ids the path carries replaced by their names (longest first, so no id masks part of another). */
    static String masked(String body, String path, Map<String, String> ids) {
        List<Map.Entry<String, String>> used = new ArrayList<>();
        for (var e : ids.entrySet()) if (!e.getKey().equals("n") && path.contains("{" + e.getKey() + "}")) used.add(e);
        used.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        String s = body;
        for (var e : used) s = s.replace(e.getValue(), "<" + e.getKey() + ">");
        return s;
    }

    @Test
    void listingsShowAStudentOnlyTheirOwnTakesAndATeacherEveryonesWork() throws Exception {
        JsonNode mine = studentA.json(studentA.get("/api/takes"));
        assertTrue(mine.size() >= 1, mine.toString());
        String a = studentA.json(studentA.get("/api/me")).get("id").asText();
        for (JsonNode t : mine) assertEquals(a, t.get("owner").asText(), "A's listing holds " + t);
        Set<String> all = new HashSet<>();
        for (JsonNode t : teacher.json(teacher.get("/api/takes"))) all.add(t.get("id").asText());
        assertTrue(all.contains(foreignIds.get(0).get("id")) && all.contains(foreignIds.get(1).get("id")), foreignIds + " in " + all);
        JsonNode work = teacher.json(teacher.get("/api/school/work"));
        Set<String> students = new HashSet<>();
        for (JsonNode t : work) students.add(t.get("student").asText() + "/" + t.get("class").asText());
        assertTrue(students.contains("Ben/3b"), "the teacher's view names each take's student: " + students);
        JsonNode practices = studentA.json(studentA.get("/api/practices"));
        assertTrue(practices.size() >= 1, practices.toString());
        for (JsonNode p : practices) assertEquals(a, p.get("student").asText(), "A's practices hold " + p);
        JsonNode materials = studentA.json(studentA.get("/api/materials"));
        assertEquals(1, materials.size(), "A sees class 3b's material only: " + materials);
        assertEquals(2, teacher.json(teacher.get("/api/materials")).size());
        assertTrue(teacher.json(teacher.get("/api/practices")).size() >= 3, "a teacher sees every practice");
    }
}
