package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.ControlService;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.panel.Panel;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.Progress;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.service.Service;
import org.taperoom.appliance.service.SystemdNotifier;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.takes.TakeCatalog;

/**
 * The panel as {@code serve} wires it (the engine behind the service's recorder wrapper): its take
 * catalog is the engine's library, so the take being recorded cannot be renamed or deleted.
 */
class ServeWiringTest {

    @Test
    void underServeThePanelsTakeLibraryIsTheEnginesAndGuardsTheTakeBeingRecorded(@TempDir Path dir) throws Exception {
        Config config = Config.defaults()
                .with(RecordingKeys.LIBRARY, dir.resolve("library"))
                .with(RecordingKeys.PRE_ROLL_SECONDS, 0.0)
                .with(RecordingKeys.MIN_FREE_MINUTES, 0);
        RecordingEngine engine = RecordingSetup.engine(config, new SimBackend());
        AtomicReference<TakeCatalog> catalog = new AtomicReference<>();
        Service service = new Service(config, new Service.Parts(
                engine,
                s -> new Progress(s.running(), s.capturePeriods(), s.writerLoops()),
                library -> 0,
                (c, recorder) -> ControlService.start(recorder, c, null, InputGain.NONE),
                context -> {
                    catalog.set(Library.open(context));
                    return new Panel() {
                        @Override
                        public URI url() {
                            return URI.create("http://127.0.0.1/");
                        }

                        @Override
                        public void close() {}
                    };
                },
                SystemdNotifier.fromEnvironment(java.util.Map.of(), ProcessHandle.current().pid(), null),
                null, null, null));
        try {
            service.start();
            service.transport().send(new ControlEvent.Toggle("test"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (service.transport().view().state() != TransportState.RECORDING && System.nanoTime() < deadline) Thread.sleep(5);
            TakeRef take = service.transport().view().take();
            assertEquals(TransportState.RECORDING, service.transport().view().state());

            ApiError delete = assertThrows(ApiError.class, () -> catalog.get().delete(take.id()), "the take being recorded went to the trash");
            assertEquals(409, delete.status());
            ApiError rename = assertThrows(ApiError.class, () -> catalog.get().rename(take.id(), "other"), "the take being recorded was renamed");
            assertEquals(409, rename.status());
            assertTrue(Files.isDirectory(take.folder()), "the take's folder is where the engine writes it");
        } finally {
            service.stop();
        }
    }
}
