package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/**
 * What the live socket and the state pushes never tell a student of another's work: a render
 * job's progress reaches its take's student and the teachers only, and while another student
 * records, the state names no take; nor may a student stop or mark another's take.
 */
@ExtendWith(PanelRigExtension.class)
class LiveIsolationTest {
    static PanelRig rig;

    @Test
    void anotherStudentsJobProgressAndRecordingTakeNeverReachAStudentNorCanTheyStopOrMarkIt() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        PanelRig.Client ada = Classroom.student(rig, Classroom.addStudent(teacher, "Ada", "5c"));
        PanelRig.Client ben = Classroom.student(rig, Classroom.addStudent(teacher, "Ben", "5c"));
        try (LiveSocket adas = new LiveSocket(rig.base, LiveSocket.cookieOf(ada));
             LiveSocket bens = new LiveSocket(rig.base, LiveSocket.cookieOf(ben));
             LiveSocket teachers = new LiveSocket(rig.base, LiveSocket.cookieOf(teacher))) {
            assertEquals(202, ben.change("POST", "/api/transport/record", null).statusCode());
            rig.awaitState("recording", 5000);
            String take = rig.control.transport().view().take().id();
            JsonNode adaState = ada.json(ada.get("/api/state"));
            assertTrue(adaState.get("take").isNull(), "Ada is not told Ben's take: " + adaState);
            assertFalse(adaState.toString().contains(take), adaState.toString());
            assertEquals(take, ben.json(ben.get("/api/state")).get("take").asText());
            assertEquals(409, ada.change("POST", "/api/markers", "{\"label\":\"mine\"}").statusCode(), "Ada cannot mark Ben's take");
            assertEquals(409, ada.change("POST", "/api/transport/stop", null).statusCode(), "nor stop it");
            assertEquals("recording", rig.control.transport().view().state().wireName());
            assertEquals(202, ben.change("POST", "/api/transport/stop", null).statusCode());
            rig.awaitState("idle", 10_000);
            assertEquals(0, ben.json(ben.get("/api/takes/" + take)).get("markers").size(), "no marker of Ada's in Ben's take");

            HttpResponse<String> started = ben.change("POST", "/api/takes/" + take + "/exports", "{\"format\":\"wav\"}");
            assertEquals(202, started.statusCode(), started.body());
            Classroom.awaitJob(ben, ben.json(started).get("job").asText());
            assertTrue(bens.next("progress", 10_000) != null, "Ben hears his job's progress");
            assertTrue(teachers.next("progress", 10_000) != null, "the teacher hears it too");
            Thread.sleep(300);
            for (LiveSocket.Message m : adas.messages) {
                assertFalse(m.json().toString().contains(take), "Ada's socket named Ben's take: " + m.json());
                assertFalse(m.json().path("type").asText().equals("progress"), "Ada's socket carried Ben's job: " + m.json());
            }
        }
    }
}
