package org.taperoom.web.sheets;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.taperoom.appliance.sheet.SheetException;
import org.taperoom.appliance.sheet.SheetStore;
import org.taperoom.appliance.sheet.SongSheet;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.takes.TakeCatalog;

/** What owns a sheet, from a route's {@code {id}}: a take (its folder) or a song (its folder), 404 for neither. */
record SheetOwners(TakeCatalog takes, SongLibrary songs) {
    Path folder(Context ctx, String owner) throws IOException {
        String id = PathIds.id(ctx, "id");
        if (owner.equals("take")) return takes.folder(id);
        song(id);
        return songs.folderOf(id);
    }

    Song song(String id) throws IOException {
        try {
            return songs.load(id);
        } catch (SongException | NoSuchElementException e) {
            throw ApiError.notFound("no song " + id);
        }
    }

    /** The sheet stored in {@code folder}, if any; 409 when it cannot be read. */
    static Optional<SongSheet> read(Path folder) throws IOException {
        try {
            return SheetStore.read(folder);
        } catch (SheetException e) {
            throw ApiError.conflict("the stored sheet cannot be read: " + e.getMessage());
        }
    }

    /** The sheet stored in {@code folder}; 404 when there is none. */
    static SongSheet stored(Path folder, String owner) throws IOException {
        return read(folder).orElseThrow(() -> ApiError.notFound("this " + owner + " has no sheet yet"));
    }
}
