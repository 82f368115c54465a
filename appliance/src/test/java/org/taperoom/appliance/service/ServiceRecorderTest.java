package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.service.RecordingSetup;

class ServiceRecorderTest {

    @Test
    void whileTheServiceWaitsThePanelSeesWhyInLastErrorAndNotOnceTheEngineRuns(@TempDir Path dir) throws Exception {
        Config config = Config.defaults().with(RecordingKeys.LIBRARY, dir.resolve("library")).with(RecordingKeys.PRE_ROLL_SECONDS, 0.0);
        try (RecordingEngine engine = RecordingSetup.engine(config)) {
            ServiceRecorder seen = new ServiceRecorder(engine);
            seen.waitingFor("the recordings disk is not mounted: " + dir);
            assertFalse(seen.status().running());
            assertEquals("the recordings disk is not mounted: " + dir, seen.status().lastError());

            engine.start();
            assertTrue(seen.status().running());
            assertEquals(engine.status().lastError(), seen.status().lastError(), "a running engine's own status shows through");
        }
    }

    @Test
    void thePanelsLiveMonitorFindsTheEnginesCaptureRingThroughTheServicesRecorder(@TempDir Path dir) throws Exception {
        Config config = Config.defaults().with(RecordingKeys.LIBRARY, dir.resolve("library")).with(RecordingKeys.PRE_ROLL_SECONDS, 0.0);
        try (RecordingEngine engine = RecordingSetup.engine(config)) {
            ServiceRecorder seen = new ServiceRecorder(engine);
            engine.start();
            assertTrue(seen.captureRing() != null && seen.captureRing() == engine.captureRing(), "the running engine's ring shows through");
            engine.close();
            assertEquals(null, seen.captureRing(), "a stopped engine has none");
        }
    }
}
