package org.taperoom.appliance.panel;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.control.InputArming;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.publish.UploadService;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.InputGain;

/**
 * What the panel is given to work with: the configuration it started with, the engine to read
 * meters and status from, the engine's take library, and the transport to send every command to
 * (the panel never drives the engine directly).
 *
 * @param library    the engine's own take library: the take being recorded is marked busy in it,
 *                   so the panel cannot rename, delete or purge it
 * @param configFile where {@code PATCH /api/settings} writes changed keys (the file the service
 *                   read), or null to keep changes in memory until the process ends
 * @param arming     the transport's input arming ({@code ControlService.arming()}), which the
 *                   panel's arm buttons change; null gives the panel one of its own that no take sees
 * @param gain       the interface's input gain controls, or null for none ({@link InputGain#NONE})
 * @param renders    the render jobs the panel shares with the quick mix (the service closes it), or
 *                   null for one of the panel's own
 * @param captureDevices the interfaces found now (asked each time the Settings page opens), or null
 *                   to offer only the configured device
 * @param outputs    the driver that opens the configured interface's outputs for playback, or null:
 *                   then the simulator's for a {@code sim} device, else none (play answers why)
 * @param uploads    the service's publisher (queue, figures, retry and cancel), or null when nothing is published
 * @param monitor    the monitor routing the overdub passes read when they start, or null: then the panel keeps one of its own
 */
public record PanelContext(Config config, Recorder recorder, TakeLibrary library, Transport transport, Path configFile,
                           InputArming arming, InputGain gain, RenderService renders, Supplier<List<CaptureDevice>> captureDevices,
                           AudioBackend outputs, UploadService uploads, MonitorChoice monitor) {
    /** A context without a monitor routing shared with the passes. */
    public PanelContext(Config config, Recorder recorder, TakeLibrary library, Transport transport, Path configFile,
                        InputArming arming, InputGain gain, RenderService renders, Supplier<List<CaptureDevice>> captureDevices,
                        AudioBackend outputs, UploadService uploads) {
        this(config, recorder, library, transport, configFile, arming, gain, renders, captureDevices, outputs, uploads, null);
    }

    /** A context without a publisher. */
    public PanelContext(Config config, Recorder recorder, TakeLibrary library, Transport transport, Path configFile,
                        InputArming arming, InputGain gain, RenderService renders, Supplier<List<CaptureDevice>> captureDevices,
                        AudioBackend outputs) {
        this(config, recorder, library, transport, configFile, arming, gain, renders, captureDevices, outputs, null);
    }

    /** This context with the service's publisher. */
    public PanelContext withUploads(UploadService publisher) {
        return new PanelContext(config, recorder, library, transport, configFile, arming, gain, renders, captureDevices, outputs, publisher, monitor);
    }

    /** This context with the passes' monitor routing. */
    public PanelContext withMonitor(MonitorChoice choice) {
        return new PanelContext(config, recorder, library, transport, configFile, arming, gain, renders, captureDevices, outputs, uploads, choice);
    }

    /** A context whose panel opens the simulator's outputs for a {@code sim} device and no others. */
    public PanelContext(Config config, Recorder recorder, TakeLibrary library, Transport transport, Path configFile,
                        InputArming arming, InputGain gain, RenderService renders, Supplier<List<CaptureDevice>> captureDevices) {
        this(config, recorder, library, transport, configFile, arming, gain, renders, captureDevices, null);
    }

    /** A context whose panel offers no list of capture interfaces (only the configured device). */
    public PanelContext(Config config, Recorder recorder, TakeLibrary library, Transport transport, Path configFile,
                        InputArming arming, InputGain gain, RenderService renders) {
        this(config, recorder, library, transport, configFile, arming, gain, renders, null);
    }

    /** A context whose panel runs its own render jobs. */
    public PanelContext(Config config, Recorder recorder, TakeLibrary library, Transport transport, Path configFile,
                        InputArming arming, InputGain gain) {
        this(config, recorder, library, transport, configFile, arming, gain, null);
    }

    /** A context without a configuration file, arming or gain controls. */
    public PanelContext(Config config, Recorder recorder, TakeLibrary library, Transport transport) {
        this(config, recorder, library, transport, null, null, null);
    }
}
