package org.taperoom.appliance.panel;

import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.sim.SimBackend;

/** The playback engine the panel drives: on the configured interface's outputs, with its period and buffer. */
public final class PanelPlayback {
    private PanelPlayback() {}

    /**
     * The engine for the context's device, through the outputs driver the shell handed over (for a
     * {@code sim} device without one, the simulator's); with none, every play answers why.
     */
    public static PlaybackService open(PanelContext context) {
        String device = context.config().get(RecordingKeys.DEVICE);
        AudioBackend outputs = context.outputs() != null ? context.outputs()
                : SimBackend.handles(device) ? new SimBackend()
                : PlaybackService.unavailable("no output driver was handed to the panel for " + device);
        return new PlaybackService(outputs, device, context.config().get(RecordingKeys.PERIOD_FRAMES),
                context.config().get(RecordingKeys.BUFFER_PERIODS), context.config().get(RecordingKeys.RATE_HZ));
    }
}
