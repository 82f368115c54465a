package org.taperoom.appliance.song;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.LinkedHashMap;
import org.taperoom.appliance.dsp.render.TakeSettings;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;

/**
 * The songs of a take library: {@code <library>/songs/<id>/song.json}, each a small document that
 * references takes of the library (see {@link SongJson}). The files are the truth: nothing is
 * cached, every call reads them. Saving is atomic ({@link AtomicFile}). Safe from any thread;
 * concurrent changes to one song are not coordinated (the last save wins).
 */
public final class SongLibrary {
    public static final String SONGS_DIR = "songs";
    public static final String FILE_NAME = "song.json";
    private final Path root;

    /** @param library the take library's folder */
    public SongLibrary(Path library) {
        this.root = library.toAbsolutePath().normalize();
    }

    public Path library() {
        return root;
    }

    public Path folderOf(String songId) {
        return root.resolve(SONGS_DIR).resolve(songId);
    }

    /**
     * A new empty song, or "make a song from this take": the take's tracks become lanes (one pass
     * each at offset 0), its mix and master become the song's (keyed by lane name), its rate the
     * song's. Returns the saved song.
     */
    public Song create(String title, String fromTakeId) throws IOException, SongException {
        if (title == null || title.isBlank()) throw new SongException("a song needs a name (--name)");
        int rate = 48000;
        List<Lane> lanes = new ArrayList<>();
        MixSettings mix = MixSettings.DEFAULT;
        MasterSettings master = MasterSettings.DEFAULT;
        if (fromTakeId != null) {
            Path take = takeFolder(fromTakeId);
            TakeTracks tracks = TakeTracks.find(take);
            TakeInfo info = TakeJson.read(take);
            if (info.rateHz > 0) rate = info.rateHz;
            MixSettings takeMix;
            try {
                takeMix = TakeSettings.mix(take);
                master = TakeSettings.master(take);
            } catch (SettingsException e) {
                throw new SongException("take " + fromTakeId + ": " + e.getMessage());
            }
            Map<String, TrackSettings> strips = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (TakeTracks.Track t : tracks.tracks()) {
                String lane = names.contains(t.name()) ? t.stem() : t.name();
                names.add(lane);
                lanes.add(new Lane(lane, 0, List.of(new Pass(fromTakeId, t.stem(), 0))));
                if (takeMix.tracks().containsKey(t.name()) || takeMix.tracks().containsKey(t.stem())) {
                    strips.put(lane, takeMix.track(t.stem(), t.name()));
                }
            }
            mix = takeMix.withTracks(strips);
        }
        String id = freeId(TakeFolders.slug(title));
        Song song = new Song(id, title, rate, mix.tempoBpm(), "4/4", "", List.of(), List.of(), lanes, mix, master,
                Song.DEFAULT_PUNCH_CROSSFADE_MS);
        Files.createDirectories(folderOf(id));
        save(song);
        return song;
    }

    private String freeId(String base) {
        String id = base;
        for (int n = 2; Files.exists(folderOf(id)); n++) id = base + "-" + n;
        return id;
    }

    /** The folder of take {@code id}; a one-line error when there is none. */
    public Path takeFolder(String takeId) throws SongException {
        Path folder = TakeFolders.folderOf(root, takeId);
        if (folder == null || !Files.isRegularFile(folder.resolve(TakeJson.FILE_NAME))) {
            throw new SongException("no take " + takeId + " in " + root + "; a take id looks like 2026-12-07_031500-take");
        }
        return folder;
    }

    /** Every song, by id. Folders without a readable song.json are left out. */
    public List<Song> list() throws IOException {
        List<Song> out = new ArrayList<>();
        Path dir = root.resolve(SONGS_DIR);
        if (!Files.isDirectory(dir)) return out;
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) folders.add(p);
        }
        folders.sort(null);
        for (Path p : folders) {
            try {
                out.add(load(p.getFileName().toString()));
            } catch (SongException | NoSuchElementException e) {
                // not a song, or a damaged one: listed by nothing, reported when opened
            }
        }
        return out;
    }

    public Song load(String id) throws IOException, SongException {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) throw new SongException("\"" + id + "\" is not a song id (lower-case letters, digits and dashes)");
        Path file = folderOf(id).resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) throw new NoSuchElementException("no song " + id + " in " + root);
        return SongJson.parse(id, Files.readString(file));
    }

    /** Writes the song's document atomically. */
    public void save(Song song) throws IOException {
        Path dir = folderOf(song.id());
        Files.createDirectories(dir);
        AtomicFile.replace(dir.resolve(FILE_NAME), SongJson.write(song));
    }
}
