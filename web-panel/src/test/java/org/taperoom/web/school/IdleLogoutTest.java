package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.security.Person;
import org.taperoom.web.security.Sessions;

/** A student's session ends after the idle time and at logout; the next student sees only their own work. */
@ExtendWith(PanelRigExtension.class)
class IdleLogoutTest {
    static PanelRig rig;

    @Test
    void aStudentsSessionEndsAfterTheIdleTimeWhileATeachersLastsItsOwn() {
        AtomicLong nowMillis = new AtomicLong(1_000_000);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(nowMillis.get()); }
        };
        Sessions sessions = new Sessions(720 * 60_000L, clock);
        Sessions.Session student = sessions.open(Person.student("s0123456789", "Ada", "3b"), 5 * 60_000L);
        Sessions.Session teacher = sessions.open();
        nowMillis.addAndGet(4 * 60_000L);
        assertNotNull(sessions.find(student.id()), "used within 5 minutes: still there");
        nowMillis.addAndGet(5 * 60_000L + 1);
        assertNull(sessions.find(student.id()), "5 minutes without use: ended");
        assertNotNull(sessions.find(teacher.id()));
    }

    @Test
    void afterOneStudentLogsOutTheNextOnTheSameBrowserSeesNoneOfTheirWork() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        JsonNode ada = Classroom.addStudent(teacher, "Ada", "4a");
        JsonNode ben = Classroom.addStudent(teacher, "Ben", "4a");
        PanelRig.Client kiosk = Classroom.student(rig, ada);
        String adasTake = rig.recordTake(kiosk, 300);
        assertEquals(204, kiosk.change("DELETE", "/api/session", null).statusCode());
        assertEquals(401, kiosk.get("/api/takes").statusCode(), "logged out: nothing without a new login");

        HttpResponse<String> login = kiosk.send("POST", "/api/session", "{\"code\":\"" + ben.get("code").asText() + "\"}", java.util.Map.of());
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("Ben", kiosk.json(login).get("name").asText());
        assertEquals(0, kiosk.json(kiosk.get("/api/takes")).size(), "Ben sees none of Ada's takes");
        assertEquals(404, kiosk.get("/api/takes/" + adasTake).statusCode());
        assertEquals(200, teacher.get("/api/takes/" + adasTake).statusCode(), "Ada's take is still there for her teacher");
    }

    @Test
    void aWrongCodeCountsAgainstTheLoginThrottleLikeAWrongPin() throws Exception {
        PanelRig.Client guesser = rig.client();
        int refused = 0;
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> r = guesser.send("POST", "/api/session", "{\"code\":\"00000" + i + "\"}", java.util.Map.of());
            if (r.statusCode() == 429) refused++;
            else assertEquals(401, r.statusCode(), r.body());
        }
        assertEquals(2, refused, "after 5 wrong codes the throttle answers 429");
    }
}
