package org.taperoom.web.songs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/**
 * The round-trip calibration from the panel, through the real server on the simulated interface
 * whose outputs come back on its inputs 37 frames later: uncalibrated at first (the estimate
 * says so), then the panel's calibration finds 37 exactly, stores it for the device, rate,
 * period and buffer, and the recorder records again after it.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(value = 2, device = "sim:loopback=37")
class CalibrationApiTest {
    static PanelRig rig;

    @Test
    void thePanelsCalibrationFindsTheSimulatedRoundTripExactlyAndStoresIt() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        JsonNode before = user.json(user.get("/api/calibration"));
        assertTrue(before.get("available").asBoolean(), before.toString());
        assertFalse(before.get("calibrated").asBoolean(), "nothing is stored yet: " + before);
        assertTrue(before.get("source").asText().startsWith("uncalibrated"), before.toString());

        long started = System.nanoTime();
        HttpResponse<String> r = user.change("POST", "/api/calibration", "{\"output\": 1, \"input\": 1}");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("calibrating", user.json(user.get("/api/state")).get("state").asText(), "the transport says what runs");
        rig.awaitState("idle", 60_000);
        JsonNode after = user.json(user.get("/api/calibration"));
        System.out.printf("panel calibration on sim:loopback=37 took %.1f s: %s%n", (System.nanoTime() - started) / 1e9, after);
        assertTrue(after.get("calibrated").asBoolean(), after.toString());
        assertEquals(37, after.get("roundTripFrames").asLong(), after.toString());
        assertEquals(0, after.get("spreadFrames").asLong(), "every repeat agreed: " + after);
        assertEquals(0.771, after.get("roundTripMs").asDouble(), 1e-9, "37 frames at 48 kHz");
        assertFalse(after.get("running").asBoolean());
        assertTrue(after.get("lastProblem").isNull(), after.toString());
        assertTrue(rig.control.transport().view().reason().contains("round trip 37 frames"), rig.control.transport().view().toString());
        String stored = Files.readString(rig.library.resolve("calibration.json"));
        String key = "sim:loopback=37|" + after.get("rateHz").asInt() + "|" + after.get("periodFrames").asInt() + "|" + after.get("bufferPeriods").asInt();
        assertTrue(stored.contains("\"" + key + "\""), "stored for the device, rate, period and buffer: " + stored);
        assertTrue(stored.contains("\"frames\" : 37"), stored);

        // The recorder has its device again: a take records after the calibration.
        String take = rig.recordTake(user, 300);
        assertTrue(user.json(user.get("/api/takes/" + take)).get("durationSeconds").asDouble() > 0.1);
    }

    @Test
    void aCalibrationWhileATakeRecordsIs409AndBadInputIsOneLine() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        Object[][] cases = {
                {"{\"output\": 0}", "output: expected a number from 1 to 64"},
                {"{\"input\": 1.5}", "input: a whole number from 1 to 64"},
                {"{\"colour\": 1}", "colour: unknown field"},
        };
        for (Object[] c : cases) {
            HttpResponse<String> r = user.change("POST", "/api/calibration", (String) c[0]);
            assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
            assertTrue(user.json(r).get("error").asText().startsWith((String) c[1]), r.body());
        }
        HttpResponse<String> r = user.change("POST", "/api/calibration", "{\"input\": 3}");
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(user.json(r).get("error").asText().contains("input 3 does not exist"), r.body());

        assertEquals(202, user.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        try {
            r = user.change("POST", "/api/calibration", null);
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(user.json(r).get("error").asText().contains("a take is being recorded"), r.body());
        } finally {
            user.change("POST", "/api/transport/stop", null);
            rig.awaitState("idle", 10_000);
        }
    }
}
