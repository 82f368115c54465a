package org.taperoom.appliance.song;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.recording.take.TakeFolders;

/**
 * What a song sounds like now: each lane's active pass found in the library and placed at its
 * offset, over the lane's earlier passes where it does not reach (a punch; see {@link LaneComp}),
 * as tracks the render and the playback engine take ({@link TakeTracks#arranged}), named by lane
 * so the song's mix applies. A pass whose take or track file is gone is not fatal: an active
 * pass's lane is left out, an earlier pass is left out of its lane, and {@link #missing()} says
 * which and why.
 */
public record SongArrangement(Song song, TakeTracks tracks, List<String> missing) {
    public SongArrangement {
        missing = List.copyOf(missing);
    }

    /** The song's active lanes in the library; a song with no pass left to play is a {@link SongException}. */
    public static SongArrangement of(Song song, Path library) throws IOException, SongException {
        List<TakeTracks.Track> placed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int number = 1;
        Path folder = library.resolve(SongLibrary.SONGS_DIR).resolve(song.id());
        for (Lane lane : song.lanes()) {
            Path active = passFile(library, lane.activePass(), missing, lane.name());
            if (active == null) continue;
            List<Path> files = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            for (int i = 0; i < lane.active(); i++) {
                Pass earlier = lane.passes().get(i);
                Path file = passFile(library, earlier, missing, lane.name() + " (pass " + (i + 1) + ", beneath the active one)");
                if (file == null) continue;
                files.add(file);
                offsets.add(earlier.offsetFrames());
            }
            files.add(active);
            offsets.add(lane.activePass().offsetFrames());
            LaneComp.Heard heard = LaneComp.heard(folder, files, offsets, song.punchCrossfadeFrames(), song.rateHz());
            placed.add(new TakeTracks.Track(number++, lane.name(), lane.name(), heard.file(), heard.offsetFrames()));
        }
        if (placed.isEmpty()) {
            throw new SongException("song " + song.id() + " has nothing to play" + (missing.isEmpty() ? ": it has no lanes yet" : ": " + String.join("; ", missing)));
        }
        return new SongArrangement(song, TakeTracks.arranged(folder, placed), missing);
    }

    private static Path passFile(Path library, Pass p, List<String> missing, String lane) throws IOException {
        Path take = TakeFolders.folderOf(library, p.take());
        if (take == null || !Files.isDirectory(take)) {
            missing.add("lane " + lane + ": take " + p.take() + " is missing from the library");
            return null;
        }
        Path file = take.resolve(p.track() + ".wav");
        if (Files.isRegularFile(file)) return file;
        try {
            for (TakeTracks.Track t : TakeTracks.find(take).tracks()) {
                if (t.stem().equals(p.track()) || t.name().equals(p.track())) return t.file();
            }
        } catch (IOException e) {
            // no track files at all: reported below
        }
        missing.add("lane " + lane + ": track " + p.track() + " is missing from take " + p.take());
        return null;
    }

    /**
     * The song's mix and master as render settings (tags and output from {@code base}); the strips
     * of lanes left out are left out too.
     */
    public RenderSettings settings(RenderSettings base) {
        java.util.Map<String, org.taperoom.appliance.dsp.settings.TrackSettings> strips = new java.util.LinkedHashMap<>();
        for (TakeTracks.Track t : tracks.tracks()) {
            if (song.mix().tracks().containsKey(t.name())) strips.put(t.name(), song.mix().tracks().get(t.name()));
        }
        return base.withMix(song.mix().withTracks(strips)).withMaster(song.master());
    }
}
