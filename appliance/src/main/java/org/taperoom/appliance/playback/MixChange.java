package org.taperoom.appliance.playback;

import java.util.List;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.TrackSettings;

/**
 * New mix and master settings for the playback thread: the whole state, so the latest one wins
 * and none needs merging. Immutable; made by the thread that sends it.
 *
 * @param perTrack track i's settings, in the take's track order
 */
public record MixChange(MixSettings mix, List<TrackSettings> perTrack, MasterSettings master) {
    public MixChange {
        perTrack = List.copyOf(perTrack);
    }
}
