package org.taperoom.web.songs;

import java.io.IOException;
import java.util.function.Consumer;
import org.taperoom.appliance.control.TempoListener;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.tinylog.Logger;

/**
 * Where a tempo tapped on the front panel goes: into the song used last (its click, count-in and
 * ruler follow it; the browsers showing it are told) and into the metronome when it plays (its
 * beats to the bar, subdivisions and level kept). Runs on the tapping thread.
 */
public final class TappedTempo implements TempoListener {
    private final Songs songs;
    private final PlaybackService playback;
    /** Tells every browser that a song changed; must not block. */
    private final Consumer<String> changed;

    public TappedTempo(Songs songs, PlaybackService playback, Consumer<String> changed) {
        this.songs = songs;
        this.playback = playback;
        this.changed = changed;
    }

    @Override
    public void tempoTapped(double bpm, String songId) {
        if (songId != null) {
            try {
                songs.change(songId, s -> s.withTempo(bpm, s.timeSignature()));
                changed.accept(SongRequests.changedMessage(songId));
            } catch (IOException | RuntimeException e) {
                Logger.warn("the tapped tempo could not be set on song {}: {}", songId, e.getMessage());
            }
        }
        ClickSettings on = playback.metronome();
        if (on != null) {
            try {
                playback.startMetronome(new ClickSettings(bpm, on.beatsPerBar(), on.subdivisions(), on.levelDb(), on.sound()));
            } catch (AudioDeviceException e) {
                Logger.warn("the metronome could not take the tapped tempo: {}", e.getMessage());
            }
        }
    }
}
