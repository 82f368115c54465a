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

    /** A song in the trash: {@code trashId} is its folder's name there ({@code <id>} or {@code <id>~N}). */
    public record Trashed(String trashId, String songId, String title) {}

    /** Where trashed songs go: beside the trashed takes, so one folder holds everything deleted. */
    public Path trashFolder() {
        return root.resolve(TakeFolders.TRASH).resolve(SONGS_DIR);
    }

    /**
     * Moves song {@code id}'s folder (its document, renders and pass trash) to the trash; the takes
     * its passes are stay in the library, untouched. Returns the trash id {@link #restore} takes.
     */
    public String trash(String id) throws IOException, SongException {
        load(id);
        Files.createDirectories(trashFolder());
        Path target = trashFolder().resolve(id);
        for (int n = 2; Files.exists(target); n++) target = trashFolder().resolve(id + "~" + n);
        Files.move(folderOf(id), target);
        return target.getFileName().toString();
    }

    /** The songs in the trash, by trash id. */
    public List<Trashed> trashed() throws IOException {
        List<Trashed> out = new ArrayList<>();
        if (!Files.isDirectory(trashFolder())) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(trashFolder())) {
            for (Path p : ds) {
                String trashId = p.getFileName().toString();
                String id = trashId.replaceFirst("~\\d+$", "");
                try {
                    out.add(new Trashed(trashId, id, SongJson.parse(id, Files.readString(p.resolve(FILE_NAME))).title()));
                } catch (IOException | SongException e) {
                    // not a song: left alone, listed by nothing
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Trashed::trashId));
        return out;
    }

    /**
     * Brings a song back from the trash under its own id; a {@link SongException} when a song of
     * that id has been made since (the trashed one stays where it is).
     */
    public Song restore(String trashId) throws IOException, SongException {
        if (trashId == null || !trashId.matches("[a-z0-9][a-z0-9-]*(~[0-9]{1,6})?")) {
            throw new NoSuchElementException("\"" + trashId + "\" is not the trash id of a song");
        }
        Path from = trashFolder().resolve(trashId);
        if (!Files.isRegularFile(from.resolve(FILE_NAME))) throw new NoSuchElementException("no song " + trashId + " in the trash of " + root);
        String id = trashId.replaceFirst("~\\d+$", "");
        if (Files.exists(folderOf(id))) throw new SongException("a song " + id + " exists again; rename or delete it before restoring this one");
        Files.createDirectories(folderOf(id).getParent());
        Files.move(from, folderOf(id));
        return load(id);
    }

    /** Writes the song's document atomically. */
    public void save(Song song) throws IOException {
        Path dir = folderOf(song.id());
        Files.createDirectories(dir);
        AtomicFile.replace(dir.resolve(FILE_NAME), SongJson.write(song));
    }
}
