package org.taperoom.appliance.panel;

import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.drivers.audio.AudioBackend;

/** The playback engine the panel drives: on the configured interface's outputs, with its period and buffer. */
public final class PanelPlayback {
    private PanelPlayback() {}

    /** The engine for {@code config}'s device; one whose driver cannot be loaded answers every play naming why. */
    public static PlaybackService open(Config config) {
        AudioBackend backend;
        try {
            backend = DeviceBackends.forDevice(config);
        } catch (EngineException e) {
            backend = PlaybackService.unavailable(e.getMessage());
        }
        return new PlaybackService(backend, config.get(RecordingKeys.DEVICE), config.get(RecordingKeys.PERIOD_FRAMES),
                config.get(RecordingKeys.BUFFER_PERIODS));
    }
}
