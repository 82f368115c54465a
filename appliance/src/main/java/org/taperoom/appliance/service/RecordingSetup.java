package org.taperoom.appliance.service;

import org.taperoom.appliance.config.AlwaysOnKeys;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.MonitorKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.EngineSettings;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.rolling.AlwaysOnSettings;
import org.taperoom.appliance.wav.FileOps;
import org.taperoom.appliance.wav.Timecode;
import org.taperoom.appliance.wav.WordFormat;
import org.taperoom.drivers.audio.AudioBackend;

/**
 * The recording path as the configuration describes it: the shell reads the keys here and hands
 * the engine and always-on capture their own settings, so nothing below the shell reads the
 * configuration.
 */
public final class RecordingSetup {
    private RecordingSetup() {}

    public static EngineSettings engineSettings(Config config) {
        return new EngineSettings(
                config.get(RecordingKeys.DEVICE),
                config.get(RecordingKeys.CHANNELS),
                config.get(RecordingKeys.RATE_HZ),
                WordFormat.ofBits(config.get(RecordingKeys.BITS)),
                config.get(RecordingKeys.LIBRARY),
                config.get(RecordingKeys.PERIOD_FRAMES),
                config.get(RecordingKeys.BUFFER_PERIODS),
                config.get(RecordingKeys.RING_SECONDS),
                config.get(RecordingKeys.PRE_ROLL_SECONDS),
                config.get(RecordingKeys.RING_MEMORY_MEGABYTES) * 1024L * 1024L,
                config.get(RecordingKeys.FSYNC_INTERVAL_MILLIS),
                config.get(RecordingKeys.MIN_FREE_MINUTES),
                config.get(RecordingKeys.RF64_THRESHOLD_BYTES),
                config.get(RecordingKeys.FILL_OVERRUN_GAPS),
                Timecode.of(config.get(RecordingKeys.TIMECODE_RATE)),
                config.get(RecordingKeys.PROJECT));
    }

    /** @throws ConfigException when a take would keep more than the buffer holds */
    public static AlwaysOnSettings alwaysOnSettings(Config config) throws ConfigException {
        double bufferMinutes = config.get(AlwaysOnKeys.BUFFER_MINUTES);
        double keepMinutes = config.get(AlwaysOnKeys.KEEP_MINUTES);
        if (keepMinutes > bufferMinutes) {
            throw new ConfigException(AlwaysOnKeys.KEEP_MINUTES.name() + " (" + keepMinutes + ") cannot be more than "
                    + AlwaysOnKeys.BUFFER_MINUTES.name() + " (" + bufferMinutes + "): a take can only keep what the buffer holds");
        }
        return new AlwaysOnSettings(bufferMinutes, keepMinutes, config.get(AlwaysOnKeys.SEGMENT_SECONDS));
    }

    /** An engine for the configured device, through the backend that handles its name. */
    public static RecordingEngine engine(Config config) throws EngineException {
        return new RecordingEngine(engineSettings(config), DeviceBackends.forDevice(config));
    }

    /** An engine for the configuration on a given backend (the simulator of demo and the tests). */
    public static RecordingEngine engine(Config config, AudioBackend backend) {
        return new RecordingEngine(engineSettings(config), backend);
    }

    /** The same, with the take files' writes, syncs and renames through {@code fileOps} (tests count or interrupt them). */
    public static RecordingEngine engine(Config config, AudioBackend backend, FileOps fileOps) {
        return new RecordingEngine(engineSettings(config), backend, fileOps);
    }

    /**
     * The monitor routing {@code config} names ({@code monitorOn}, {@code monitorOutputs}, {@code monitorMix}).
     *
     * @throws ConfigException when the outputs are not a pair or the mix does not parse
     */
    public static MonitorRouting monitorRouting(Config config) throws ConfigException {
        try {
            return new MonitorRouting(config.get(MonitorKeys.MONITOR_ON), MonitorOutputs.parse(config.get(MonitorKeys.MONITOR_OUTPUTS)),
                    MonitorMix.parse(config.get(MonitorKeys.MONITOR_MIX)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
