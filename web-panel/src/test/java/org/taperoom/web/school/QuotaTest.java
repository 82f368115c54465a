package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taperoom.web.PanelRig;

/**
 * A student's quota (here 0.05 minutes: 3 s of recording) is enforced when a take starts and while
 * it runs: the take that reaches it stops and is kept whole, the next one is refused, and both the
 * student and their teacher see how much is used.
 */
class QuotaTest {
    static final double QUOTA_SECONDS = 3;
    PanelRig rig;

    @BeforeEach
    void rigWithAThreeSecondQuota() throws Exception {
        rig = new PanelRig(2, false, Map.of("studentQuotaMinutes", Double.toString(QUOTA_SECONDS / 60)));
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void aTakeThatReachesTheQuotaStopsByItselfAndIsKeptAndTheNextIsRefused() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        JsonNode added = Classroom.addStudent(teacher, "Ada", "3b");
        PanelRig.Client ada = Classroom.student(rig, added);

        assertEquals(202, ada.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        // Nobody presses stop: the quota does.
        rig.awaitState("idle", 10_000);
        JsonNode takes = ada.json(ada.get("/api/takes"));
        assertEquals(1, takes.size(), takes.toString());
        JsonNode take = takes.get(0);
        assertEquals("complete", take.get("state").asText(), "the take ended cleanly: " + take);
        double seconds = take.get("durationSeconds").asDouble();
        assertTrue(seconds >= QUOTA_SECONDS - 0.2 && seconds <= QUOTA_SECONDS + 1.0, "stopped at the quota, got " + seconds + " s");
        assertEquals(added.get("id").asText(), take.get("owner").asText());
        HttpResponse<byte[]> audio = ada.bytes("/api/takes/" + take.get("id").asText() + "/tracks/1/audio", Map.of());
        assertEquals(200, audio.statusCode());
        assertTrue(audio.body().length > 48_000 * 3 * (QUOTA_SECONDS - 0.5), "the audio is all there: " + audio.body().length + " bytes");

        HttpResponse<String> again = ada.change("POST", "/api/transport/record", null);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("quota"), again.body());
        assertEquals("idle", rig.control.transport().view().state().wireName());

        JsonNode me = ada.json(ada.get("/api/me"));
        assertEquals(seconds, me.get("quota").get("usedSeconds").asDouble(), 0.01);
        assertEquals(QUOTA_SECONDS, me.get("quota").get("limitSeconds").asDouble(), 0.01);
        JsonNode students = teacher.json(teacher.get("/api/students"));
        assertEquals(seconds, students.get(0).get("usedSeconds").asDouble(), 0.01);

        // Deleting frees the room again; a teacher is never limited.
        assertEquals(200, ada.change("DELETE", "/api/takes/" + take.get("id").asText(), null).statusCode());
        assertEquals(202, ada.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        assertEquals(202, ada.change("POST", "/api/transport/stop", null).statusCode());
        rig.awaitState("idle", 10_000);
        String teachers = rig.recordTake(teacher, (long) (QUOTA_SECONDS * 1000) + 1500);
        double teacherSeconds = teacher.json(teacher.get("/api/takes/" + teachers)).get("durationSeconds").asDouble();
        assertTrue(teacherSeconds > QUOTA_SECONDS + 1, "a teacher's take is not cut: " + teacherSeconds);
    }
}
