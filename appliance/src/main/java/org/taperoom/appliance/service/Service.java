package org.taperoom.appliance.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.taperoom.appliance.config.AlwaysOnKeys;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.config.ServiceKeys;
import org.taperoom.appliance.control.ControlService;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.device.CaptureDevices;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.dsp.render.QuickMix;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.panel.Panel;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.panel.PanelProvider;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.publish.UploadService;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.rolling.AlwaysOn;
import org.taperoom.appliance.recording.rolling.AlwaysOnSettings;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.InputGain;
import org.tinylog.Logger;

/**
 * The appliance as systemd runs it: repairs unfinished takes (once, before the engine first starts),
 * starts the engine (which waits for its device itself; the service waits for the library disk,
 * saying so) and always-on capture when it is on, starts the panel when one is on the class path,
 * tells systemd it is ready, keeps the status line current, feeds the watchdog from the engine's
 * progress, and on stop finalizes any take before it returns.
 *
 * <p>Threads: {@link #start} and {@link #runUntilStopped} run on the main thread; {@link #stop}
 * runs on the JVM's shutdown-hook thread (SIGTERM) or the main thread, once; the watchdog has its own.
 */
public final class Service {
    /** Repairs the unfinished takes of a library; returns how many it repaired. */
    @FunctionalInterface
    public interface Recovery {
        int recoverAll(Path library) throws Exception;
    }

    /** Starts the control side (transport state machine, GPIO front panel, control loop) for {@code recorder}. */
    @FunctionalInterface
    public interface ControlStarter {
        ControlService start(Config config, Recorder recorder) throws Exception;
    }

    /**
     * Everything the service is built from; the serve command wires the real ones.
     *
     * @param engine     the one recording engine; control and the panel see it through a
     *                   {@link Recorder} that says why it waits, the panel its take library
     * @param configFile the file the configuration came from (the panel writes changed settings
     *                   there), or null
     * @param gain       the interface's input gain controls as the panel turns them, or null for none
     * @param renders    background renders: the quick mix of every take that ends, shared with the
     *                   panel (the service closes it); null for no quick mix
     * @param monitor    the monitor routing the passes read when they start, which the panel changes; null for the panel's own
     */
    public record Parts(RecordingEngine engine, Function<RecorderStatus, Progress> progress, Recovery recovery,
                        ControlStarter control, PanelProvider panelProvider, SystemdNotifier notifier, Path configFile,
                        InputGain gain, RenderService renders, MonitorChoice monitor) {
        public Parts(RecordingEngine engine, Function<RecorderStatus, Progress> progress, Recovery recovery,
                     ControlStarter control, PanelProvider panelProvider, SystemdNotifier notifier, Path configFile,
                     InputGain gain, RenderService renders) {
            this(engine, progress, recovery, control, panelProvider, notifier, configFile, gain, renders, null);
        }
    }

    private final Config config;
    private final Parts parts;
    /** The engine as control and the panel see it: says why it is not running. */
    private final ServiceRecorder recorder;
    private final Path library;
    private final Duration statusInterval;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /** Written by the main thread in start(), read by stop() (shutdown-hook thread). */
    private volatile ControlService control;
    private volatile Panel panel;
    private volatile Watchdog watchdog;
    /** What always-on capture keeps, or null when it is off. Main thread. */
    private AlwaysOnSettings alwaysOnSettings;
    /** Always-on capture once it runs, or null; written by the main thread, closed by stop(). */
    private volatile AlwaysOn alwaysOn;
    /** Why takes cannot be recorded now (no disk, no device), or null. Main thread. */
    private String waitingFor;
    private String lastStatus = "";
    /** Whether this run's recovery has been done. Main thread. */
    private boolean recovered;
    /** The publisher (key publishTo), or null; made by start(), started once the library disk is there, closed by stop(). */
    private volatile UploadService uploads;

    public Service(Config config, Parts parts) {
        this.config = config;
        this.parts = parts;
        this.recorder = new ServiceRecorder(parts.engine());
        this.library = config.get(RecordingKeys.LIBRARY);
        this.statusInterval = Duration.ofSeconds(config.get(ServiceKeys.STATUS_INTERVAL_SECONDS));
    }

    /**
     * Brings the service up and sends {@code READY=1}.
     *
     * @throws ConfigException when the panel refuses the configuration (it throws
     *                         IllegalStateException or ConfigException, for example for a non-loopback
     *                         address without a PIN): reported as a configuration error, exit 2, and
     *                         taperoom.service does not restart on it (RestartPreventExitStatus=2)
     */
    public void start() throws Exception {
        parts.notifier().status("starting");
        uploads = Publishing.of(config, parts.engine().library());
        recoverIfTheDiskIsThere();
        // The panel first, the device after: a phone reaches the panel sooner (it shows the engine
        // as not running until the device is open), and READY still waits for both. Always-on
        // capture is the exception: it taps the engine from the moment it starts.
        boolean engineFirst = config.get(AlwaysOnKeys.ALWAYS_ON);
        if (engineFirst) alwaysOnSettings = RecordingSetup.alwaysOnSettings(config);
        if (engineFirst) tryToStartTheEngine();
        control = parts.control().start(config, recorder);
        recorder.frontPanelOff(control.frontPanelOff());
        if (parts.panelProvider() != null) {
            // The panel decides which addresses it may listen on (the PIN rule is the panel's);
            // a refusal is a ConfigException, which serve reports as a configuration error.
            try {
                panel = parts.panelProvider().start(new PanelContext(config, recorder, parts.engine().library(), control.transport(),
                        parts.configFile(), control.arming(), parts.gain(), parts.renders(), () -> CaptureDevices.find(config),
                        playbackOutputs(config)).withUploads(uploads).withMonitor(parts.monitor()));
            } catch (IllegalStateException e) {
                // The panel's refusal of this configuration (no PIN beyond loopback).
                throw new ConfigException(e.getMessage());
            }
            String address = config.get(PanelKeys.ADDRESS);
            boolean everywhere = address.equals("0.0.0.0") || address.equals("::");
            // The URL names one address a person can type; the log must not suggest it is the only one.
            Logger.info("panel at {}{}", panel.url(), everywhere ? " (listening on every address of this machine, " + address + ")" : "");
        } else {
            Logger.info("no panel on the class path; running without one");
        }
        if (parts.renders() != null) {
            parts.engine().addListener(new QuickMixAfterTakes(new QuickMix(parts.renders()), job -> {
                Panel p = panel;
                if (p != null) p.follow(job);
            }));
        }
        if (!engineFirst) tryToStartTheEngine();
        lastStatus = statusLine();
        parts.notifier().ready(lastStatus);
        Logger.info("ready: {}", lastStatus);
        Optional<Duration> timeout = parts.notifier().watchdogTimeout();
        if (timeout.isPresent()) {
            watchdog = new Watchdog(parts.notifier(), () -> parts.progress().apply(parts.engine().status()), timeout.get());
            watchdog.start();
            Logger.info("watchdog: pinging every {} ms while capture and writer move", watchdog.pingInterval().toMillis());
        }
    }

    /** The transport every command goes to (the demo's keys, tests); null before {@link #start}. */
    public Transport transport() {
        ControlService c = control;
        return c == null ? null : c.transport();
    }

    /** The panel, when one started (for the printed URL and tests). */
    public Optional<Panel> panel() {
        return Optional.ofNullable(panel);
    }

    /**
     * Refreshes the status line and, while the engine cannot start (no library disk, a library it
     * cannot write), retries every {@code statusIntervalSeconds} until {@link #stop} is called.
     * A missing device is the engine's to wait for.
     */
    public void runUntilStopped() throws InterruptedException {
        while (!stopped.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            if (waitingFor != null || !parts.engine().status().running()) {
                recoverIfTheDiskIsThere();
                tryToStartTheEngine();
            }
            String line = statusLine();
            if (!line.equals(lastStatus)) {
                parts.notifier().status(line);
                lastStatus = line;
            }
        }
    }

    /** Stops everything, finalizing any take; safe to call from a shutdown hook, runs once. */
    public void stop() {
        if (stopped.getCount() == 0) {
            awaitFinished();
            return;
        }
        stopped.countDown();
        try {
            boolean recording = parts.engine().status().recording();
            parts.notifier().stopping(recording ? "stopping: finalizing the take" : "stopping");
            Watchdog w = watchdog;
            if (w != null) w.close();
            Panel p = panel;
            if (p != null) p.close();
            ControlService c = control;
            if (c != null) c.close();
            AlwaysOn a = alwaysOn;
            if (a != null) a.close();
            // An upload in flight ends here and stays queued: the next start uploads it again.
            UploadService u = uploads;
            if (u != null) u.close();
            // Closing the engine stops the take and finalizes its files before it returns.
            parts.engine().close();
            if (parts.renders() != null) parts.renders().close();
            if (parts.gain() != null) parts.gain().close();
            Logger.info("stopped{}", recording ? "; the take is finalized" : "");
        } finally {
            parts.notifier().close();
            finished.countDown();
        }
    }

    private void awaitFinished() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recoverIfTheDiskIsThere() {
        String problem = LibraryDisk.problem(library, config.get(ServiceKeys.REQUIRE_LIBRARY_DISK));
        if (problem != null) {
            if (!problem.equals(waitingFor)) Logger.warn("waiting: {}", problem);
            waiting(problem);
            return;
        }
        startPublishingOnce();
        if (recovered) return;
        recovered = true;
        try {
            int repaired = parts.recovery().recoverAll(library);
            if (repaired > 0) Logger.info("recovered {} unfinished take{} in {}", repaired, repaired == 1 ? "" : "s", library);
        } catch (Exception e) {
            // A take that cannot be repaired must not keep the appliance from recording new ones.
            Logger.error("recovery of {} failed: {}", library, e.getMessage());
        }
    }

    private void tryToStartTheEngine() {
        String diskProblem = LibraryDisk.problem(library, config.get(ServiceKeys.REQUIRE_LIBRARY_DISK));
        if (diskProblem != null) {
            waiting(diskProblem);
            return;
        }
        if (parts.engine().status().running()) {
            waiting(null);
            return;
        }
        try {
            // The engine waits for its device itself (and for its return after an unplug).
            parts.engine().startOrAwaitDevice();
            if (waitingFor != null) Logger.info("the engine started: recording is possible again");
            waiting(null);
            startAlwaysOnOnce();
        } catch (EngineException e) {
            String why = "cannot record: " + e.getMessage();
            if (!why.equals(waitingFor)) Logger.warn(why);
            waiting(why);
        }
    }

    /** Always-on capture taps the engine from its first start on (key {@code alwaysOn}). Main thread. */
    private void startAlwaysOnOnce() {
        if (alwaysOn != null || alwaysOnSettings == null) return;
        try {
            alwaysOn = AlwaysOn.start(parts.engine(), alwaysOnSettings);
        } catch (IOException e) {
            // Takes still record, from their RAM pre-roll on.
            Logger.error("always-on capture did not start: {}", e.getMessage());
        }
    }

    /** The publisher opens its queue in the library: only once the library's disk is there. Main thread. */
    private void startPublishingOnce() {
        UploadService u = uploads;
        if (u == null) return;
        try {
            u.start();
        } catch (IOException e) {
            // Recording goes on; the publisher is tried again with the next look at the disk.
            Logger.error("publishing did not start: {}", e.getMessage());
        }
    }

    /** The publisher, when publishTo is set (for tests and the demo). */
    public Optional<UploadService> uploads() {
        return Optional.ofNullable(uploads);
    }

    private void waiting(String reason) {
        waitingFor = reason;
        recorder.waitingFor(reason);
    }

    /** The current status line, as systemd shows it. */
    public String statusLine() {
        ControlService c = control;
        String frontPanel = c == null || c.frontPanelOff() == null ? "" : ", front panel off: " + c.frontPanelOff();
        if (waitingFor != null) return waitingFor + frontPanel;
        return StatusLine.of(parts.engine().status()) + frontPanel;
    }

    /** The driver for the configured interface's outputs; one that cannot be loaded plays nothing and says why. */
    private static AudioBackend playbackOutputs(Config config) {
        try {
            return DeviceBackends.forDevice(config);
        } catch (EngineException e) {
            return PlaybackService.unavailable(e.getMessage());
        }
    }
}
