package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tempo tapped on the front panel's encoder (the transport's tap, as the encoder sends it) lands
 * in the song used last and in the playing metronome, which keeps its bar, sound and level; the API shows both.
 */
@ExtendWith(PanelRigExtension.class)
class TappedTempoTest {
    static PanelRig rig;

    @Test
    void aTappedTempoSetsTheSongUsedLastAndThePlayingMetronomeKeepingTheirBars() throws Exception {
        PanelRig.Client api = rig.loggedIn();
        String takeId = rig.recordTake(api, 500);
        JsonNode made = api.json(api.change("POST", "/api/songs", "{\"title\": \"Tapped\", \"fromTake\": \"" + takeId + "\"}"));
        String songId = made.get("id").asText();
        String signature = made.get("timeSignature").asText();
        assertEquals(200, api.change("POST", "/api/metronome", "{\"bpm\": 100, \"beatsPerBar\": 3, \"sound\": \"wood\", \"levelDb\": -20}").statusCode());
        try {
            rig.control.transport().tapTempo(132.5, "encoder");

            JsonNode song = api.json(api.get("/api/songs/" + songId));
            assertEquals(132.5, song.get("tempoBpm").asDouble(), 1e-9, "the song used last took the tapped tempo");
            assertEquals(signature, song.get("timeSignature").asText(), "its time signature stays");
            JsonNode metronome = api.json(api.get("/api/metronome"));
            assertTrue(metronome.get("on").asBoolean());
            assertEquals(132.5, metronome.get("bpm").asDouble(), 1e-9, "the metronome plays the tapped tempo");
            assertEquals(3, metronome.get("beatsPerBar").asInt(), "and keeps its bar");
            assertEquals("wood", metronome.get("sound").asText(), "its sound");
            assertEquals(-20, metronome.get("levelDb").asDouble(), 1e-9, "and its level");
        } finally {
            api.change("POST", "/api/metronome/stop", null);
        }
    }
}
