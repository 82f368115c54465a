package org.taperoom.appliance.panel;

import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.tinylog.Logger;

/**
 * The live monitor under {@code serve}: while the recorder captures and the monitor is on, the
 * panel's playback service mixes the monitored inputs from the recorder's ring onto the monitor
 * pair (see {@link PlaybackService#monitor}). Follows the recorder's starts and stops (a pass
 * stops it and takes the device for its own streams, where the pass monitors) and each change of
 * the panel's {@link MonitorChoice}.
 */
public final class LiveMonitoring implements RecorderListener {
    private final PlaybackService playback;
    private final MonitorChoice choice;
    private final Recorder recorder;
    /** The recorder's ring now, or null; guarded by this. */
    private FrameRing ring;

    private LiveMonitoring(Recorder recorder, PlaybackService playback, MonitorChoice choice) {
        this.recorder = recorder;
        this.playback = playback;
        this.choice = choice;
    }

    /** Starts following {@code recorder} and {@code choice}; monitors at once if both say so. */
    public static LiveMonitoring follow(Recorder recorder, MonitorChoice choice, PlaybackService playback) {
        LiveMonitoring m = new LiveMonitoring(recorder, playback, choice);
        recorder.addListener(m);
        choice.follow(r -> m.apply());
        m.captureRing(recorder.captureRing());
        return m;
    }

    @Override
    public void captureRing(FrameRing r) {
        synchronized (this) {
            ring = r;
        }
        apply();
    }

    private synchronized void apply() {
        MonitorRouting routing = choice.get();
        FrameRing heard = ring;
        // The output opens at the panel's rate; a recorder reopened at another one is not monitored
        // (its frames would play at the wrong speed) until the service starts again.
        int rateHz = recorder.status().rateHz();
        if (heard != null && routing.heard().on() && rateHz != playback.idleRateHz()) {
            Logger.warn("the live monitor is off: the recorder runs at {} Hz, the output at {} Hz until the service restarts", rateHz, playback.idleRateHz());
            heard = null;
        }
        try {
            playback.monitor(heard, routing);
        } catch (AudioDeviceException | RuntimeException e) {
            Logger.warn("the live monitor on outputs {} is off: {}", routing.outputs(), e.getMessage());
        }
    }
}
