package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** A teacher exports a class's work: one ZIP with every track of that class's students, byte for byte, and nothing of other classes. */
@ExtendWith(PanelRigExtension.class)
class ClassExportTest {
    static PanelRig rig;

    @Test
    void aClassExportHoldsEveryTrackOfItsStudentsTakesAndNoOtherClasses() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        PanelRig.Client ada = Classroom.student(rig, Classroom.addStudent(teacher, "Ada", "6 Strings"));
        PanelRig.Client ben = Classroom.student(rig, Classroom.addStudent(teacher, "Ben", "6 Brass"));
        String adas = rig.recordTake(ada, 300);
        rig.recordTake(ben, 300);

        HttpResponse<String> started = teacher.change("POST", "/api/school/classes/6%20Strings/export", null);
        assertEquals(202, started.statusCode(), started.body());
        String job = teacher.json(started).get("job").asText();
        JsonNode state = null;
        for (long end = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < end; Thread.sleep(100)) {
            state = teacher.json(teacher.get("/api/school/exports/" + job));
            if (!state.get("state").asText().equals("running")) break;
        }
        assertEquals("done", state.get("state").asText(), state.toString());
        assertEquals(1.0, state.get("progress").asDouble(), 1e-9);
        assertEquals(1, state.get("takes").asInt());

        HttpResponse<byte[]> zip = teacher.bytes(state.get("url").asText(), Map.of());
        assertEquals(200, zip.statusCode());
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        assertEquals(2, entries.size(), "two tracks of Ada's one take, none of Ben's: " + entries.keySet());
        int n = 1;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertTrue(e.getKey().startsWith("Ada/"), "in the student's folder: " + e.getKey());
            byte[] track = teacher.bytes("/api/takes/" + adas + "/tracks/" + n++ + "/audio", Map.of()).body();
            assertArrayEquals(track, e.getValue(), "the track in the ZIP is the take's file: " + e.getKey());
        }

        assertEquals(404, teacher.change("POST", "/api/school/classes/nobody/export", null).statusCode());
        assertEquals(403, ada.change("POST", "/api/school/classes/6%20Strings/export", null).statusCode());
    }
}
