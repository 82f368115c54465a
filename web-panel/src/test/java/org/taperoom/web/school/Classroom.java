package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.taperoom.web.PanelRig;

/** Test steps of the school: students added by a teacher, logged in with their codes. */
public final class Classroom {
    private Classroom() {}

    /** Adds a student as {@code teacher}; answers {id, code}. */
    public static JsonNode addStudent(PanelRig.Client teacher, String name, String className) throws Exception {
        HttpResponse<String> r = teacher.change("POST", "/api/students",
                "{\"name\":\"" + name + "\",\"class\":\"" + className + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return teacher.json(r);
    }

    /** A fresh browser logged in with the student's code. */
    public static PanelRig.Client student(PanelRig rig, JsonNode added) throws Exception {
        PanelRig.Client c = rig.client();
        HttpResponse<String> r = c.send("POST", "/api/session", "{\"code\":\"" + added.get("code").asText() + "\"}", java.util.Map.of());
        assertEquals(200, r.statusCode(), r.body());
        c.csrf = c.json(r).get("csrf").asText();
        return c;
    }

    /** Waits for a render job to end; answers its last document. */
    static JsonNode awaitJob(PanelRig.Client c, String job) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            JsonNode j = c.json(c.get("/api/jobs/" + job));
            String state = j.path("state").asText();
            if (!state.equals("queued") && !state.equals("running")) return j;
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not end within 30 s");
    }
}
