package org.taperoom.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/**
 * The Settings page's round trip through the real server and engine: what a person types that is
 * not a setting is refused naming the field; a change made while the transport is idle reopens
 * the device at once (visible in {@code /api/state} and in the next take), and the answer says
 * what was applied; nothing waits for a restart that did not change.
 */
@ExtendWith(PanelRigExtension.class)
class SettingsRoundTripTest {
    /** One per test: each changes the device's settings. */
    PanelRig rig;
    PanelRig.Client user;

    @BeforeEach
    void logIn() throws Exception {
        user = rig.loggedIn();
    }

    static void assertRefused(HttpResponse<String> r, String field) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"" + field + ":"), "the error names " + field + ": " + r.body());
    }

    @Test
    void lettersAnEmptyFieldAndNullAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        assertRefused(user.change("PATCH", "/api/settings", "{\"preRollSeconds\": \"abc\"}"), "preRollSeconds");
        assertRefused(user.change("PATCH", "/api/settings", "{\"preRollSeconds\": \"\"}"), "preRollSeconds");
        assertRefused(user.change("PATCH", "/api/settings", "{\"preRollSeconds\": null}"), "preRollSeconds");
        assertRefused(user.change("PATCH", "/api/settings", "{\"channels\": \"\"}"), "channels");
        assertRefused(user.change("PATCH", "/api/settings", "{\"device\": \"\"}"), "device");
        assertEquals(0.5, user.json(user.get("/api/settings")).get("preRollSeconds").asDouble());
    }

    @Test
    void aChangeWhileIdleIsAppliedAtOnceAndShowsInTheStateAndTheNextTake() throws Exception {
        HttpResponse<String> r = user.change("PATCH", "/api/settings",
                "{\"channels\": 3, \"rate\": 44100, \"bits\": \"16\", \"preRollSeconds\": 1}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode doc = user.json(r);
        assertEquals("[\"channels\",\"rate\",\"bits\",\"preRollSeconds\"]", doc.get("applied").toString(), doc.toString());
        assertEquals("[]", doc.get("restartNeeded").toString(), doc.toString());

        JsonNode state = user.json(user.get("/api/state"));
        assertEquals(3, state.get("channels").asInt(), state.toString());
        assertEquals(44100, state.get("rateHz").asInt(), state.toString());
        assertEquals("16", state.get("bits").asText(), state.toString());
        assertEquals(3, user.json(user.get("/api/inputs")).size(), "the panel offers the new inputs");

        String id = rig.recordTake(user, 1500);
        JsonNode take = user.json(user.get("/api/takes/" + id));
        assertEquals(3, take.get("tracks").size(), take.toString());
        assertEquals(44100, take.get("rateHz").asInt(), take.toString());
        assertEquals("16", take.get("bits").asText(), take.toString());
    }

    @Test
    void savingTheSameValuesAppliesNothingAndAsksForNoRestart() throws Exception {
        JsonNode before = user.json(user.get("/api/settings"));
        HttpResponse<String> r = user.change("PATCH", "/api/settings", "{\"device\": \"sim\", \"channels\": " + before.get("channels")
                + ", \"rate\": " + before.get("rate") + ", \"bits\": \"" + before.get("bits").asText() + "\", \"preRollSeconds\": 0.5}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("[]", user.json(r).get("applied").toString(), r.body());
        assertEquals("[]", user.json(r).get("restartNeeded").toString(), r.body());
    }

    @Test
    void aDeviceChangeWhileRecordingIsRefusedAndTheTakeGoesOn() throws Exception {
        assertEquals(202, user.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        HttpResponse<String> r = user.change("PATCH", "/api/settings", "{\"rate\": 44100}");
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("rate"), r.body());
        assertEquals("recording", user.json(user.get("/api/state")).get("state").asText());
        assertEquals(48000, user.json(user.get("/api/settings")).get("rate").asInt(), "nothing was saved");
        assertEquals(202, user.change("POST", "/api/transport/stop", null).statusCode());
        rig.awaitState("idle", 10000);
    }

    @Test
    void theCaptureDeviceFieldOffersTheDetectedInterfacesWithTheirChannelCounts() throws Exception {
        HttpResponse<String> r = user.get("/api/settings/devices");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode devices = user.json(r);
        JsonNode sim = null;
        for (JsonNode d : devices) if (d.get("name").asText().equals("sim")) sim = d;
        assertTrue(sim != null, "the simulated interface is offered: " + devices);
        assertEquals(64, sim.get("maxChannels").asInt(), sim.toString());
        assertTrue(sim.get("description").asText().length() > 3, sim.toString());
        for (JsonNode d : devices) assertTrue(d.get("maxChannels").asInt() >= 1, "every device says how many inputs it has: " + d);
    }
}
