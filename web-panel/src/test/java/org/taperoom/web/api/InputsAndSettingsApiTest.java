package org.taperoom.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taperoom.web.api.TakesApiTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** Inputs (arming reaches the transport) and settings (partial changes, validation, PIN change). */
@ExtendWith(PanelRigExtension.class)
class InputsAndSettingsApiTest {
    PanelRig rig;
    PanelRig.Client user;

    @BeforeEach
    void start() throws Exception {
        user = rig.loggedIn();
    }

    @Test
    void disarmingAnInputInThePanelLeavesItOutOfTheNextTake() throws Exception {
        JsonNode inputs = user.json(user.get("/api/inputs"));
        assertEquals(2, inputs.size());
        assertEquals(1, inputs.get(0).get("number").asInt());
        assertTrue(inputs.get(1).get("armed").asBoolean());
        HttpResponse<String> r = user.change("PATCH", "/api/inputs/2", "{\"armed\":false,\"name\":\"Vocal\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(user.json(r).get("armed").asBoolean());
        assertEquals("Vocal", user.json(r).get("name").asText());
        assertFalse(rig.control.arming().isArmed(2));
        String id = rig.recordTake(user, 400);
        JsonNode take = user.json(user.get("/api/takes/" + id));
        assertEquals(1, take.get("tracks").size(), take.toString());
        assertEquals(1, take.get("tracks").get(0).get("input").asInt());
    }

    @Test
    void inputNamesSetInThePanelNameTheNextTakesTrackFilesIxmlAndMetadata() throws Exception {
        assertEquals(200, user.change("PATCH", "/api/inputs/1", "{\"name\":\"Kick Drüm\"}").statusCode());
        assertEquals(200, user.change("PATCH", "/api/inputs/2", "{\"name\":\"Lead Vocal\"}").statusCode());
        String id = rig.recordTake(user, 400);
        Path folder = rig.library.resolve(id.substring(0, id.indexOf('_'))).resolve(id.substring(id.indexOf('_') + 1));
        Path kick = folder.resolve("01-kick-drum.wav");
        Path vocal = folder.resolve("02-lead-vocal.wav");
        assertTrue(Files.isRegularFile(kick) && Files.isRegularFile(vocal), "track files named after the inputs in " + folder);
        String ixml = new String(Files.readAllBytes(vocal), 0, 8192, StandardCharsets.UTF_8);
        assertTrue(ixml.contains("<NAME>Lead Vocal</NAME>"), "the iXML chunk carries the input's name");
        JsonNode meta = PanelRig.JSON.readTree(folder.resolve("take.json").toFile());
        assertEquals("Kick Drüm", meta.get("tracks").get(0).get("name").asText(), meta.toString());
        assertEquals("02-lead-vocal.wav", meta.get("tracks").get(1).get("file").asText(), meta.toString());
        JsonNode take = user.json(user.get("/api/takes/" + id));
        assertEquals("Lead Vocal", take.get("tracks").get(1).get("name").asText(), take.toString());
    }

    @Test
    void badInputChangesGet400NamingTheFieldNeverA500() throws Exception {
        assertError(user.change("PATCH", "/api/inputs/1", "{\"gainDb\":1e9}"), 400, "gainDb: expected a number from -60 to 24, got 1.0E9");
        assertError(user.change("PATCH", "/api/inputs/1", "{\"gainDb\":\"loud\"}"), 400, "gainDb: expected a number from -60 to 24, got a string");
        HttpResponse<String> nan = user.change("PATCH", "/api/inputs/1", "{\"gainDb\":NaN}");
        assertEquals(400, nan.statusCode());
        assertTrue(user.json(nan).get("error").asText().startsWith("body: not valid JSON"), nan.body());
        assertError(user.change("PATCH", "/api/inputs/1", "{\"armed\":\"yes\"}"), 400, "armed: expected true or false, got a string");
        assertError(user.change("PATCH", "/api/inputs/1", "{\"pan\":7}"), 400, "pan: unknown field; expected one of armed, gainDb, name");
        assertError(user.change("PATCH", "/api/inputs/1", "{\"name\":\"   \"}"), 400, "name: expected 1 to 40 characters on one line");
        assertEquals(404, user.change("PATCH", "/api/inputs/0", "{\"armed\":true}").statusCode());
        assertEquals(404, user.change("PATCH", "/api/inputs/3", "{\"armed\":true}").statusCode());
        assertEquals(404, user.change("PATCH", "/api/inputs/x", "{\"armed\":true}").statusCode());
    }

    @Test
    void aGainChangeOnAnInterfaceWithoutGainControlsIs409() throws Exception {
        assertEquals(true, user.json(user.get("/api/inputs")).get(0).get("gainDb").isNull());
        assertError(user.change("PATCH", "/api/inputs/1", "{\"gainDb\":6}"), 409, "gainDb: input 1 has no gain control on this interface");
    }

    @Test
    void aGainChangeOnAnInterfaceWithGainControlsTurnsItsInputAndIsClampedToTheApiRange() throws Exception {
        try (PanelRig withGain = new PanelRig(2, true)) {
            PanelRig.Client c = withGain.loggedIn();
            assertEquals(0.0, c.json(c.get("/api/inputs")).get(1).get("gainDb").asDouble());
            HttpResponse<String> r = c.change("PATCH", "/api/inputs/2", "{\"gainDb\":-12.5}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(-12.5, c.json(r).get("gainDb").asDouble());
            assertEquals((float) Math.pow(10, -12.5 / 20), withGain.sim.gains().linear(1), 1e-6, "the simulated input 2 is turned down");
            assertEquals(1f, withGain.sim.gains().linear(0), "input 1 is untouched");
            assertEquals(20.0, c.json(c.change("PATCH", "/api/inputs/2", "{\"gainDb\":24}")).get("gainDb").asDouble(),
                    "the interface's own maximum (+20 dB) bounds what the API allows");
        }
    }

    @Test
    void aPartialSettingsDocumentChangesOnlyTheKeysItNamesAndIsWrittenToTheFile() throws Exception {
        JsonNode before = user.json(user.get("/api/settings"));
        assertEquals("sim", before.get("device").asText());
        HttpResponse<String> r = user.change("PATCH", "/api/settings", "{\"preRollSeconds\": 4.5, \"bits\": \"16\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode after = user.json(r);
        assertEquals(4.5, after.get("preRollSeconds").asDouble());
        assertEquals("16", after.get("bits").asText());
        assertEquals(before.get("rate").asInt(), after.get("rate").asInt());
        assertEquals(before.get("channels").asInt(), after.get("channels").asInt());
        assertEquals("[\"bits\",\"preRollSeconds\"]", after.get("applied").toString(), "applied at once: the transport is idle");
        assertEquals("[]", after.get("restartNeeded").toString());
        String file = Files.readString(rig.configFile);
        assertTrue(file.contains("preRollSeconds = 4.5"), file);
        assertTrue(file.contains("bits = 16"), file);
        assertFalse(file.contains("rate ="), file);
        assertTrue(file.startsWith("# test configuration"), "comments are kept: " + file);
    }

    @Test
    void badSettingsGet400NamingTheKeyAndChangeNothing() throws Exception {
        assertError(user.change("PATCH", "/api/settings", "{\"rate\": 12345}"), 400,
                "rate: expected one of 44100, 48000, 88200, 96000, 176400 or 192000, got 12345");
        assertError(user.change("PATCH", "/api/settings", "{\"preRollSeconds\": 61}"), 400, "preRollSeconds: expected a number from 0 to 60, got 61");
        assertError(user.change("PATCH", "/api/settings", "{\"channels\": \"two\"}"), 400, "channels: expected a number (an integer from 1 to 64)");
        assertError(user.change("PATCH", "/api/settings", "{\"bits\": 24}"), 400, "bits: expected a string (one of 16, 24 or 32f)");
        assertError(user.change("PATCH", "/api/settings", "{\"preRoll\": 3}"), 400,
                "preRoll: unknown field; expected one of autoRecord, bits, channels, currentPin, device, pin, preRollSeconds, rate");
        HttpResponse<String> mixed = user.change("PATCH", "/api/settings", "{\"preRollSeconds\": 3, \"rate\": 1}");
        assertEquals(400, mixed.statusCode());
        assertEquals(0.5, user.json(user.get("/api/settings")).get("preRollSeconds").asDouble(), "a rejected document changes nothing");
        assertEquals("# test configuration\n", Files.readString(rig.configFile));
    }

    @Test
    void aPinChangeNeedsTheCurrentPinAndLogsOutEveryOtherSession() throws Exception {
        PanelRig.Client other = rig.loggedIn();
        assertError(user.change("PATCH", "/api/settings", "{\"pin\":\"97531\",\"currentPin\":\"0000\"}"), 400, "currentPin: does not match the current PIN");
        assertError(user.change("PATCH", "/api/settings", "{\"pin\":\"12\",\"currentPin\":\"2468\"}"), 400, "pin: at least 4 characters");
        HttpResponse<String> ok = user.change("PATCH", "/api/settings", "{\"pin\":\"97531\",\"currentPin\":\"2468\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(200, user.get("/api/settings").statusCode(), "the session that changed it stays");
        assertEquals(401, other.get("/api/settings").statusCode(), "other sessions are logged out");
        assertEquals(401, rig.client().login("2468").statusCode());
        assertEquals(200, rig.client().login("97531").statusCode());
        String file = Files.readString(rig.configFile);
        assertTrue(file.contains("panelPinHash = pbkdf2-sha256$"), file);
        assertFalse(file.contains("97531"), "the plain PIN is never written");
    }

    @Test
    void autoRecordIsSentToTheTransportAndKeptInTheConfiguration() throws Exception {
        HttpResponse<String> r = user.change("PATCH", "/api/settings", "{\"autoRecord\": true}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(user.json(r).get("autoRecord").asBoolean());
        assertTrue(rig.control.transport().autoRecordArmed());
        assertTrue(Files.readString(rig.configFile).contains("autoRecord = true"));
        user.change("PATCH", "/api/settings", "{\"autoRecord\": false}");
        assertFalse(rig.control.transport().autoRecordArmed());
    }
}
