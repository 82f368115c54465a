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
 * offset, as tracks the render and the playback engine take ({@link TakeTracks#arranged}), named
 * by lane so the song's mix applies. A pass whose take or track file is gone is not fatal: its
 * lane is left out and {@link #missing()} says which and why.
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
        for (Lane lane : song.lanes()) {
            Pass p = lane.activePass();
            Path file = passFile(library, p, missing, lane.name());
            if (file == null) continue;
            placed.add(new TakeTracks.Track(number++, lane.name(), lane.name(), file, p.offsetFrames()));
        }
        if (placed.isEmpty()) {
            throw new SongException("song " + song.id() + " has nothing to play" + (missing.isEmpty() ? ": it has no lanes yet" : ": " + String.join("; ", missing)));
        }
        return new SongArrangement(song, TakeTracks.arranged(library.resolve(SongLibrary.SONGS_DIR).resolve(song.id()), placed), missing);
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
