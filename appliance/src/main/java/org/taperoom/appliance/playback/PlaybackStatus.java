package org.taperoom.appliance.playback;

/**
 * The playback engine as seen from outside at one moment.
 *
 * @param positionFrame   the take frame the device is given next
 * @param programmeFrames the take's length with its tail: where playback ends
 * @param playing         false while paused, stopped, or after the end
 * @param ended           the position reached the end (not looping)
 * @param underruns       device underruns, recovered (each a gap heard, the position kept)
 * @param starvedPeriods  periods played as silence because the reader was behind (position kept)
 * @param periods         periods written to the device
 * @param problem         why playback cannot go on (a file unreadable, the device gone), or null
 */
public record PlaybackStatus(long positionFrame, long programmeFrames, int rateHz, boolean playing, boolean ended,
                             long underruns, long starvedPeriods, long periods, String problem) {

    public double positionSeconds() {
        return positionFrame / (double) rateHz;
    }

    public double lengthSeconds() {
        return programmeFrames / (double) rateHz;
    }
}
