package org.taperoom.web.songs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Pass;
import org.taperoom.appliance.song.Song;

/**
 * A song as the API gives it: its figures, and per lane (numbered from 1) the strip's mute and
 * solo, the active pass and every pass with its take, offset and length (frames and seconds), and
 * whether its take is missing. The song's length is where the last pass heard ends (a lane plays
 * its passes up to the active one, each over the ones before it).
 */
final class SongDocs {
    private SongDocs() {}

    static Map<String, Object> summary(Song song) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", song.id());
        d.put("title", song.title());
        d.put("rateHz", song.rateHz());
        d.put("lanes", song.lanes().size());
        return d;
    }

    static Map<String, Object> full(Song song, Path library) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", song.id());
        d.put("title", song.title());
        d.put("rateHz", song.rateHz());
        d.put("tempoBpm", song.tempoBpm());
        d.put("timeSignature", song.timeSignature());
        d.put("key", song.key());
        d.put("punchCrossfadeMs", song.punchCrossfadeMs());
        d.put("sections", song.sections().stream().map(x -> place("name", x.name(), x.frame(), song.rateHz())).toList());
        d.put("markers", song.markers().stream().map(x -> place("label", x.label(), x.frame(), song.rateHz())).toList());
        List<Map<String, Object>> lanes = new ArrayList<>();
        long endFrames = 0;
        int number = 1;
        for (Lane lane : song.lanes()) {
            TrackSettings strip = song.strip(lane.name());
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("number", number++);
            l.put("name", lane.name());
            l.put("mute", strip.mute());
            l.put("solo", strip.solo());
            l.put("active", lane.active() + 1);
            List<Map<String, Object>> passes = new ArrayList<>();
            for (int i = 0; i < lane.passes().size(); i++) {
                Map<String, Object> p = pass(lane.passes().get(i), i + 1, i == lane.active(), song.rateHz(), library);
                passes.add(p);
                // A lane plays its passes up to the active one, the later over the earlier.
                if (i <= lane.active() && p.get("lengthFrames") instanceof Long len) {
                    endFrames = Math.max(endFrames, lane.passes().get(i).offsetFrames() + len);
                }
            }
            l.put("passes", passes);
            lanes.add(l);
        }
        d.put("lengthFrames", endFrames);
        d.put("lengthSeconds", seconds(endFrames, song.rateHz()));
        d.put("lanes", lanes);
        return d;
    }

    private static Map<String, Object> pass(Pass pass, int number, boolean active, int rateHz, Path library) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", number);
        p.put("active", active);
        p.put("take", pass.take());
        p.put("track", pass.track());
        p.put("offsetFrames", pass.offsetFrames());
        p.put("offsetSeconds", seconds(pass.offsetFrames(), rateHz));
        TakeInfo info = takeInfo(pass.take(), library);
        p.put("missing", info == null);
        p.put("lengthFrames", info == null ? null : info.frames);
        p.put("lengthSeconds", info == null ? null : seconds(info.frames, rateHz));
        p.put("recordedAt", info == null ? null : info.started);
        p.put("notes", info == null ? "" : info.notes);
        // Where the pass's peaks are in its take's waveform, and its take's markers where they fall in the song.
        p.put("trackIndex", info == null ? null : trackIndex(info, pass.track()));
        p.put("markers", info == null ? List.of() : info.markers.stream()
                .map(m -> place("label", m.label(), pass.offsetFrames() + m.frame(), rateHz)).toList());
        return p;
    }

    private static Map<String, Object> place(String labelKey, String label, long frame, int rateHz) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(labelKey, label);
        m.put("seconds", seconds(frame, rateHz));
        return m;
    }

    /** The track's position in its take (as the take's waveform lists them), or null when the take has no such track. */
    private static Integer trackIndex(TakeInfo info, String stem) {
        for (int i = 0; i < info.tracks.size(); i++) {
            TakeInfo.Track track = info.tracks.get(i);
            if (stem.equals(track.name()) || (track.file() != null && track.file().replaceFirst("\\.wav$", "").equals(stem))) return i;
        }
        return null;
    }

    private static TakeInfo takeInfo(String takeId, Path library) {
        Path folder = TakeFolders.folderOf(library, takeId);
        if (folder == null || !Files.isRegularFile(folder.resolve(TakeJson.FILE_NAME))) return null;
        try {
            return TakeJson.read(folder);
        } catch (IOException e) {
            return null;
        }
    }

    private static double seconds(long frames, int rateHz) {
        return Math.round(frames * 1000.0 / rateHz) / 1000.0;
    }
}
