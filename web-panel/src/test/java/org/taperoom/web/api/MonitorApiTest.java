package org.taperoom.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** The monitor mix from the panel: off by default, a change reaches the passes at once and the configuration file, bad input is one line. */
@ExtendWith(PanelRigExtension.class)
class MonitorApiTest {
    static PanelRig rig;
    static PanelRig.Client user;

    @BeforeAll
    static void logIn() throws Exception {
        user = rig.loggedIn();
    }

    @Test
    void aChangeReachesTheNextPassAndTheConfigurationFile() throws Exception {
        JsonNode before = user.json(user.get("/api/monitor"));
        assertFalse(before.get("on").asBoolean(), "off by default: " + before);
        assertEquals("1-2", before.get("outputs").asText());
        HttpResponse<String> r = user.change("PUT", "/api/monitor",
                "{\"on\": true, \"outputs\": \"3-4\", \"inputs\": [{\"input\": 2, \"levelDb\": -6, \"pan\": -0.5}, {\"input\": 1, \"mute\": true}]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(new MonitorRouting(true, MonitorOutputs.parse("3-4"), new MonitorMix(List.of(new MonitorMix.Input(2, -6, -0.5, false),
                new MonitorMix.Input(1, 0, 0, true)))), rig.monitor.get(), "what the next pass reads");
        JsonNode after = user.json(user.get("/api/monitor"));
        assertEquals(-6, after.get("inputs").get(0).get("levelDb").asDouble());
        assertTrue(after.get("inputs").get(1).get("mute").asBoolean());
        String file = Files.readString(rig.configFile);
        assertTrue(file.contains("monitorOn = true") && file.contains("monitorOutputs = 3-4") && file.contains("monitorMix = 2:-6:-0.5,1:0:0:mute"), file);
        assertEquals(200, user.change("PUT", "/api/monitor", "{\"on\": false}").statusCode());
        assertFalse(rig.monitor.get().on());
        assertEquals("3-4", rig.monitor.get().outputs().toString(), "turning it off keeps the rest");
    }

    @Test
    void badInputIsOneLineNamingTheField() throws Exception {
        String[][] cases = {
                {"{\"outputs\": \"3-5\"}", "outputs: monitor outputs must be two neighbouring outputs such as 1-2 or 3-4, not '3-5'"},
                {"{\"on\": 1}", "on: expected true or false"},
                {"{\"inputs\": [{\"input\": 9}]}", "inputs[0].input: expected an input number from 1 to 2, got 9"},
                {"{\"inputs\": [{\"input\": 1, \"pan\": 2}]}", "inputs[0].pan: expected a number from -1"},
                {"{\"inputs\": [{\"input\": 1, \"levelDb\": 40}]}", "inputs[0].levelDb: expected a number from -60"},
                {"{\"inputs\": [{\"input\": 1, \"mute\": \"no\"}]}", "inputs[0].mute: expected true or false"},
                {"{\"inputs\": [{\"input\": 1}, {\"input\": 1}]}", "inputs[1].input: input 1 is listed twice"},
                {"{\"volume\": 3}", "volume"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = user.change("PUT", "/api/monitor", c[0]);
            assertEquals(400, r.statusCode(), c[0] + " → " + r.body());
            String error = user.json(r).get("error").asText();
            assertTrue(error.contains(c[1]) && !error.contains("\n"), c[0] + " → " + error);
        }
    }
}
