package org.taperoom.web.songs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Pass;
import org.taperoom.appliance.song.Song;

/**
 * Edits of a song's lanes the song itself does not offer: renaming a lane (its strip follows the
 * name), taking a pass out (the lane's active pass stays the one heard, or the pass before it when
 * it was the one taken out), and taking out a whole lane with its strip.
 */
final class SongEdits {
    private SongEdits() {}

    static Song retitled(Song s, String title) {
        return new Song(s.id(), title, s.rateHz(), s.tempoBpm(), s.timeSignature(), s.key(), s.sections(), s.markers(), s.lanes(), s.mix(), s.master(),
                s.punchCrossfadeMs());
    }

    static Song renamedLane(Song s, String from, String to) {
        if (from.equals(to)) return s;
        List<Lane> lanes = new ArrayList<>();
        for (Lane l : s.lanes()) lanes.add(l.name().equals(from) ? new Lane(to, l.active(), l.passes()) : l);
        Map<String, TrackSettings> strips = new LinkedHashMap<>();
        s.mix().tracks().forEach((name, strip) -> strips.put(name.equals(from) ? to : name, strip));
        return new Song(s.id(), s.title(), s.rateHz(), s.tempoBpm(), s.timeSignature(), s.key(), s.sections(), s.markers(), lanes,
                s.mix().withTracks(strips), s.master(), s.punchCrossfadeMs());
    }

    /** The lane without pass {@code index} (0-based); the lane must keep at least one pass. */
    static Lane withoutPass(Lane lane, int index) {
        List<Pass> passes = new ArrayList<>(lane.passes());
        passes.remove(index);
        int active = lane.active() > index || lane.active() == passes.size() ? lane.active() - 1 : lane.active();
        return new Lane(lane.name(), Math.max(0, active), passes);
    }

    static Song withoutLane(Song s, String name) {
        List<Lane> lanes = new ArrayList<>(s.lanes());
        lanes.removeIf(l -> l.name().equals(name));
        Map<String, TrackSettings> strips = new LinkedHashMap<>(s.mix().tracks());
        strips.remove(name);
        return new Song(s.id(), s.title(), s.rateHz(), s.tempoBpm(), s.timeSignature(), s.key(), s.sections(), s.markers(), lanes,
                s.mix().withTracks(strips), s.master(), s.punchCrossfadeMs());
    }
}
