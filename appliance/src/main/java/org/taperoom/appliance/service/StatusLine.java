package org.taperoom.appliance.service;

import org.taperoom.appliance.recording.engine.RecorderStatus;

/** The line a person reads in {@code systemctl status taperoom}: state, device, free recording time. */
public final class StatusLine {
    private StatusLine() {}

    public static String of(RecorderStatus s) {
        String device = s.device() + " (" + s.channels() + " ch, " + s.rateHz() + " Hz)";
        if (!s.running() || !s.devicePresent()) {
            return "waiting for device " + s.device() + (s.lastError().isEmpty() ? "" : ": " + s.lastError());
        }
        String state = s.recording()
                ? "recording " + s.take().id() + " (" + clock(s.takeFrames() / Math.max(1, s.rateHz())) + ")"
                : "idle";
        String overruns = s.overruns() > 0 ? ", " + s.overruns() + " overruns" : "";
        return state + ", device " + device + ", " + freeTime(s.freeDiskSeconds()) + overruns;
    }

    /** "41 h 12 min of recording free" at the current track count and rate. */
    public static String freeTime(long seconds) {
        if (seconds < 0) return "free disk time unknown";
        long minutes = seconds / 60;
        String amount = minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
        return amount + " of recording free";
    }

    private static String clock(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
