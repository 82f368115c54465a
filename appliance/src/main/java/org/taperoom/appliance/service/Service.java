package org.taperoom.appliance.service;

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
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.panel.Panel;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.panel.PanelProvider;
import org.taperoom.appliance.dsp.render.QuickMix;
import org.taperoom.appliance.dsp.render.RenderService;
import org.tinylog.Logger;

/**
 * The appliance as systemd runs it: repairs unfinished takes, starts the engine (or waits for its
 * device or its library disk, saying so), starts the panel when one is on the class path, tells
 * systemd it is ready, keeps the status line current, feeds the watchdog from the engine's
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
     * @param configFile the file the configuration came from (the panel writes changed settings
     *                   there), or null
     * @param gain       the interface's input gain controls as the panel turns them, or null for none
     * @param renders    background renders: the quick mix of every take that ends, shared with the
     *                   panel (the service closes it); null for no quick mix
     */
    public record Parts(Recorder recorder, Function<RecorderStatus, Progress> progress, Recovery recovery,
                        ControlStarter control, PanelProvider panelProvider, SystemdNotifier notifier, Path configFile,
                        InputGain gain, RenderService renders) {}

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
    /** Why takes cannot be recorded now (no disk, no device), or null. Main thread. */
    private String waitingFor;
    private String lastStatus = "";
    /** Whether this run's recovery has been done. Main thread. */
    private boolean recovered;

    public Service(Config config, Parts parts) {
        this.config = config;
        this.parts = parts;
        this.recorder = new ServiceRecorder(parts.recorder());
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
        recoverIfTheDiskIsThere();
        // The panel first, the device after: a phone reaches the panel sooner (it shows the engine
        // as not running until the device is open), and READY still waits for both. Always-on
        // capture is the exception: it taps a running engine from the moment control starts.
        boolean engineFirst = config.get(AlwaysOnKeys.ALWAYS_ON);
        if (engineFirst) tryToStartTheEngine();
        control = parts.control().start(config, recorder);
        recorder.frontPanelOff(control.frontPanelOff());
        if (parts.panelProvider() != null) {
            // The panel decides which addresses it may listen on (the PIN rule is the panel's);
            // a refusal is a ConfigException, which serve reports as a configuration error.
            try {
                panel = parts.panelProvider().start(new PanelContext(config, recorder, control.transport(),
                        parts.configFile(), control.arming(), parts.gain(), parts.renders()));
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
            parts.recorder().addListener(new QuickMixAfterTakes(new QuickMix(parts.renders()), job -> {
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
            watchdog = new Watchdog(parts.notifier(), () -> parts.progress().apply(parts.recorder().status()), timeout.get());
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
     * Refreshes the status line and retries a missing device or disk every
     * {@code statusIntervalSeconds} until {@link #stop} is called.
     */
    public void runUntilStopped() throws InterruptedException {
        while (!stopped.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            if (waitingFor != null || !parts.recorder().status().running()) {
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
            boolean recording = parts.recorder().status().recording();
            parts.notifier().stopping(recording ? "stopping: finalizing the take" : "stopping");
            Watchdog w = watchdog;
            if (w != null) w.close();
            Panel p = panel;
            if (p != null) p.close();
            ControlService c = control;
            if (c != null) c.close();
            // Closing the recorder stops the take and finalizes its files before it returns.
            parts.recorder().close();
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
        if (parts.recorder().status().running()) {
            waiting(null);
            return;
        }
        try {
            parts.recorder().start();
            if (waitingFor != null) Logger.info("the device is there: recording is possible again");
            waiting(null);
        } catch (EngineException e) {
            String why = "waiting for device " + config.get(RecordingKeys.DEVICE) + ": " + e.getMessage();
            if (!why.equals(waitingFor)) Logger.warn(why);
            waiting(why);
        }
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
        return StatusLine.of(parts.recorder().status()) + frontPanel;
    }
}
