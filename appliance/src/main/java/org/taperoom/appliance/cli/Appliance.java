package org.taperoom.appliance.cli;

import java.nio.file.Path;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.control.ControlService;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.panel.PanelProvider;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.recover.TakeRecovery;
import org.taperoom.appliance.service.Progress;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.service.Service;
import org.taperoom.appliance.service.SongPasses;
import org.taperoom.appliance.service.SystemdNotifier;
import org.taperoom.drivers.audio.InputGain;

/**
 * The one assembly behind {@code serve} and {@code demo}: the engine under the {@link Service}
 * (recovery, waiting for the device or disk, systemd status and watchdog), the control side with
 * its GPIO board (the {@code gpio} key), the quick mix of every take, and the web panel when it is
 * on the class path. serve
 * gives it the configured device; demo gives it the simulated interface and a mock board.
 */
final class Appliance {
    private Appliance() {}

    /**
     * Starts the appliance on {@code engine} and stops it (finalizing any take) at SIGTERM or
     * Ctrl-C. A configuration the panel refuses (no PIN beyond loopback) is a {@link UsageException}.
     *
     * @param gain       the interface's input gain controls ({@link InputGain#NONE} for none)
     * @param configFile where the panel writes changed settings, or null to keep them in memory
     */
    static Service start(Config config, RecordingEngine engine, InputGain gain, Path configFile) throws Exception {
        MonitorChoice monitor;
        try {
            monitor = new MonitorChoice(RecordingSetup.monitorRouting(config));
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        Service service = new Service(config, new Service.Parts(
                engine,
                s -> new Progress(s.running() && s.devicePresent(), s.capturePeriods(), s.writerLoops()),
                library -> TakeRecovery.recoverLibrary(library).size(),
                (c, recorder) -> ControlService.start(recorder, c, gain, new SongPasses(engine, monitor)),
                PanelProvider.find(),
                SystemdNotifier.fromEnvironment(),
                configFile,
                gain,
                new RenderService(),
                monitor));
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "taperoom-shutdown"));
        try {
            service.start();
        } catch (ConfigException e) {
            service.stop();
            throw new UsageException(e.getMessage());
        }
        return service;
    }
}
