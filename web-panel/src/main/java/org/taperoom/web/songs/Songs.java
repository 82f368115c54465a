package org.taperoom.web.songs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.takes.TakeCatalog;

/**
 * The library's songs as the panel's routes reach them: by id only, and every lookup of a song or
 * of the take a song starts from goes through here, so who may see what is decided in one place.
 * An unknown id is 404; what the song side refuses is one line with 400.
 *
 * <p>Threading: changes made through the panel are read, changed and saved under one lock, so two
 * requests changing one song never lose each other's change. (A pass being recorded saves the
 * song once when it starts, outside this lock; the panel refuses lane edits meanwhile.)
 */
public final class Songs {
    private final SongLibrary library;
    private final TakeCatalog takes;
    private final Object writes = new Object();

    public Songs(Path libraryRoot, TakeCatalog takes) {
        this.library = new SongLibrary(libraryRoot);
        this.takes = takes;
    }

    public Path libraryRoot() {
        return library.library();
    }

    public List<Song> list() throws IOException {
        return library.list();
    }

    /** The song {@code id}, or 404. */
    public Song find(String id) throws IOException {
        try {
            return library.load(id);
        } catch (NoSuchElementException | SongException e) {
            throw ApiError.notFound("no song " + id + (e instanceof SongException ? " (" + e.getMessage() + ")" : "") + "; GET /api/songs lists them");
        }
    }

    /** The song's folder (its renders live there); 404 for an unknown song. */
    public Path folder(String id) throws IOException {
        find(id);
        return library.folderOf(id);
    }

    /** A new empty song, or one made from take {@code fromTake} (404 when there is no such take). */
    public Song create(String title, String fromTake) throws IOException {
        if (fromTake != null) takes.get(fromTake);
        try {
            synchronized (writes) {
                return library.create(title, fromTake);
            }
        } catch (SongException e) {
            throw ApiError.badRequest(fromTake == null ? "title" : "fromTake", e.getMessage());
        }
    }

    /** Reads the song, applies {@code change} (which may throw an {@link ApiError}) and saves the result; returns it. */
    public Song change(String id, UnaryOperator<Song> change) throws IOException {
        synchronized (writes) {
            Song changed;
            try {
                changed = change.apply(find(id));
            } catch (IllegalArgumentException | NoSuchElementException e) {
                throw new ApiError(400, e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            library.save(changed);
            return changed;
        }
    }

    /** Moves song {@code id} to the trash (its takes stay); returns its trash id; 404 for an unknown song. */
    public String trash(String id) throws IOException {
        synchronized (writes) {
            find(id);
            try {
                return library.trash(id);
            } catch (SongException e) {
                throw ApiError.notFound("no song " + id + " (" + e.getMessage() + ")");
            }
        }
    }

    public List<SongLibrary.Trashed> trashed() throws IOException {
        return library.trashed();
    }

    /** Brings a song back from the trash: 404 when there is no such trash id, 409 when its id is taken again. */
    public Song restore(String trashId) throws IOException {
        synchronized (writes) {
            try {
                return library.restore(trashId);
            } catch (NoSuchElementException e) {
                throw ApiError.notFound("no song " + trashId + " in the trash; GET /api/trash/songs lists them");
            } catch (SongException e) {
                throw ApiError.conflict(e.getMessage());
            }
        }
    }

    /** What the song sounds like now; 409 when none of its passes can be found. */
    public SongArrangement arrangement(Song song) throws IOException {
        try {
            return SongArrangement.of(song, library.library());
        } catch (SongException e) {
            throw ApiError.conflict(e.getMessage());
        }
    }
}
