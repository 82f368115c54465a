package org.taperoom.appliance.recording.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/** After the device vanishes the engine waits for it and carries on when it is back. */
class DeviceReturnTest {

    @Test
    void theEngineReportsTheDeviceGoneThenReopensItAndRecordsAgain(@TempDir Path dir) throws Exception {
        // Every stream this simulator opens vanishes after 0.5 s: reopening it is "the device came back".
        SimBackend sim = new SimBackend(SimOptions.defaults().withVanishAt(24_000));
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 2, 48000, "24"), sim)) {
            engine.addListener(new RecorderListener() {
                @Override
                public void deviceChanged(boolean present) {
                    changes.add(present);
                }
            });
            engine.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (changes.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertEquals(List.of(false), changes, "told the device is gone");
            assertFalse(engine.status().devicePresent());
            assertTrue(engine.status().lastError().contains("disappeared"), engine.status().lastError());
            EngineException refused = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class,
                    () -> engine.startTake(TakeRequest.everything("test")));
            assertTrue(refused.getMessage().contains("not there"), refused.getMessage());
            while (changes.size() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertEquals(List.of(false, true), changes.subList(0, 2), "told the device is back");
            long periods = engine.status().capturePeriods();
            Thread.sleep(100);
            assertTrue(engine.status().capturePeriods() > periods, "capturing again");
        }
    }
}
