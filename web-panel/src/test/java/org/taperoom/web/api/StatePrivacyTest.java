package org.taperoom.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** The kiosk status without login says how the transport is doing and nothing about the library. */
@ExtendWith(PanelRigExtension.class)
class StatePrivacyTest {
    static PanelRig rig;

    static Set<String> fields(JsonNode n) {
        Set<String> names = new TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void withoutASessionTheStateIsOnlyStateElapsedAndTimeLeftEvenWhileRecording() throws Exception {
        PanelRig.Client user = rig.loggedIn();
        PanelRig.Client kiosk = rig.client();
        assertEquals(202, user.change("POST", "/api/transport/record", null).statusCode());
        rig.awaitState("recording", 5000);
        try {
            JsonNode open = kiosk.json(kiosk.get("/api/state"));
            assertEquals(Set.of("state", "elapsedSeconds", "freeDiskSeconds"), fields(open), open.toString());
            assertEquals("recording", open.get("state").asText());
            JsonNode full = user.json(user.get("/api/state"));
            assertTrue(full.hasNonNull("take"), "a session still sees the take: " + full);
            assertTrue(full.has("reason") && full.has("device"), full.toString());
        } finally {
            user.change("POST", "/api/transport/stop", null);
            rig.awaitState("idle", 10_000);
        }
    }
}
