package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** The teacher's view: every student's work by class, feedback the student reads, keeping a take; and more teachers. */
@ExtendWith(PanelRigExtension.class)
class TeacherViewTest {
    static PanelRig rig;

    @Test
    void aTeacherSeesEachClassesWorkAndWritesFeedbackTheStudentReadsWithTheTake() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        PanelRig.Client ada = Classroom.student(rig, Classroom.addStudent(teacher, "Ada", "1a"));
        PanelRig.Client ben = Classroom.student(rig, Classroom.addStudent(teacher, "Ben", "2b"));
        String adas = rig.recordTake(ada, 300);
        String bens = rig.recordTake(ben, 300);

        JsonNode work = teacher.json(teacher.get("/api/school/work"));
        List<String> rows = new ArrayList<>();
        for (JsonNode t : work) rows.add(t.get("class").asText() + " " + t.get("student").asText() + " " + t.get("id").asText());
        assertEquals(List.of("1a Ada " + adas, "2b Ben " + bens), rows, "by class, each take with its student");

        HttpResponse<String> fb = teacher.change("PUT", "/api/takes/" + adas + "/feedback", "{\"feedback\":\"Steady tempo, watch the intonation in bar 12.\"}");
        assertEquals(200, fb.statusCode(), fb.body());
        assertEquals("Steady tempo, watch the intonation in bar 12.", ada.json(ada.get("/api/takes/" + adas)).get("feedback").asText());
        assertEquals(403, ada.change("PUT", "/api/takes/" + adas + "/feedback", "{\"feedback\":\"all good\"}").statusCode(), "students do not write their own feedback");

        assertEquals(200, teacher.change("PUT", "/api/takes/" + bens + "/keep", "{\"keep\":true}").statusCode());
        assertTrue(ben.json(ben.get("/api/takes/" + bens)).get("keep").asBoolean());
        assertEquals(400, teacher.change("PUT", "/api/takes/" + bens + "/keep", "{\"keep\":\"yes\"}").statusCode());
    }

    @Test
    void anotherTeacherLogsInWithTheirOwnPinAndSeesEveryonesWork() throws Exception {
        PanelRig.Client admin = rig.loggedIn();
        HttpResponse<String> added = admin.change("POST", "/api/teachers", "{\"name\":\"Ms Berg\",\"pin\":\"97531\"}");
        assertEquals(201, added.statusCode(), added.body());
        PanelRig.Client berg = rig.client();
        HttpResponse<String> login = berg.login("97531");
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("teacher", berg.json(login).get("role").asText());
        assertEquals("Ms Berg", berg.json(login).get("name").asText());
        assertEquals(200, berg.get("/api/students").statusCode());
        assertEquals(204, admin.change("DELETE", "/api/teachers/" + admin.json(added).get("id").asText(), null).statusCode());
        assertEquals(401, berg.get("/api/students").statusCode(), "a removed teacher's session ends");
        assertEquals(401, rig.client().login("97531").statusCode());
    }
}
