package org.taperoom.web.songs;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.Route;

/**
 * A whole song to the library's trash and back. Only the song's folder moves (its document,
 * renders and pass trash, to {@code .trash/songs/} beside the trashed takes); the takes its passes
 * are stay in the library. Refused while a pass is recorded, whichever song it is for: the pass
 * saves its song when it starts and when each cycle begins.
 */
final class SongTrashApi {
    private final Songs songs;
    private final SongRequests req;

    SongTrashApi(SongRequests req) {
        this.songs = req.songs;
        this.req = req;
    }

    List<Route> routes() {
        return List.of(
                Route.delete("/api/songs/{id}", Access.CHANGE, this::delete,
                        "Move the song to the trash (its passes' takes stay in the library); answers {\"trashId\": …} for the restore; 409 while a pass is recorded.").teachers(),
                Route.get("/api/trash/songs", Access.SESSION, this::list, "The songs in the trash: [{trashId, id, title}].").teachers(),
                Route.post("/api/trash/songs/{trashId}/restore", Access.CHANGE, this::restore,
                        "Bring a song back from the trash under its id; 409 when a song of that id has been made since.").teachers());
    }

    private void delete(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        songs.find(id);
        req.refuseWhileOverdubbing("songs are deleted");
        String trashId = songs.trash(id);
        req.changed(id);
        ctx.json(Map.of("trashId", trashId, "song", id));
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SongLibrary.Trashed t : songs.trashed()) out.add(Map.of("trashId", t.trashId(), "id", t.songId(), "title", t.title()));
        ctx.json(out);
    }

    private void restore(Context ctx) throws IOException {
        String trashId = PathIds.trashId(ctx, "trashId");
        req.refuseWhileOverdubbing("songs are restored");
        Song back = songs.restore(trashId);
        req.answer(ctx, back);
    }
}
