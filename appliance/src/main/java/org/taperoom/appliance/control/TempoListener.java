package org.taperoom.appliance.control;

/** Hears a tempo tapped on the front panel; called on the tapping thread, so it must not block long. */
@FunctionalInterface
public interface TempoListener {
    /**
     * @param bpm    the tempo tapped, {@value TapTempo#MIN_BPM} to {@value TapTempo#MAX_BPM} BPM
     * @param songId the song used last (the one the overdub button records over), or null when none was used yet
     */
    void tempoTapped(double bpm, String songId);
}
