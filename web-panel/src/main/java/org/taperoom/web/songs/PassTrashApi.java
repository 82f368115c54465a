package org.taperoom.web.songs;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Pass;
import org.taperoom.appliance.song.Song;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * Passes taken out of a song into its trash ({@link PassTrash}) and put back; the only pass of a
 * lane takes the lane with it and asks for a confirmation first. No audio is deleted.
 */
final class PassTrashApi {
    private final Songs songs;
    private final SongRequests req;

    PassTrashApi(SongRequests req) {
        this.songs = req.songs;
        this.req = req;
    }

    List<Route> routes() {
        return List.of(
                Route.delete("/api/songs/{id}/lanes/{lane}/passes/{pass}", Access.CHANGE, this::deletePass,
                        "Take a pass out of its lane into the song's trash (its take stays in the library); the only pass of a lane takes the lane with it and needs ?confirm=lane, else 409.").teachers(),
                Route.get("/api/songs/{id}/trash", Access.SESSION, this::trash, "The passes taken out of a song: [{entry, lane, take, track, offsetFrames, wasActive, laneRemoved, removedAt}].").teachers(),
                Route.post("/api/songs/{id}/trash/{entry}/restore", Access.CHANGE, this::restore,
                        "Put a pass from the trash back into its lane (the lane comes back with its strip when it went with the pass).").teachers());
    }

    private void deletePass(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        int laneNo = SongRequests.laneNumber(ctx, song);
        Lane lane = song.lanes().get(laneNo - 1);
        int passNo = PathIds.number(ctx, "pass", lane.passes().size());
        String confirm = ctx.queryParam("confirm");
        if (confirm != null && !confirm.equals("lane")) throw ApiError.badRequest("confirm", "the only value is lane, got '" + confirm + "'");
        req.refuseWhileOverdubbing("passes are taken out");
        Path folder = songs.folder(id);
        PassTrash.Entry[] kept = new PassTrash.Entry[1];
        Song after = songs.change(id, s -> {
            Lane now = s.lane(lane.name());
            if (passNo > now.passes().size()) throw ApiError.conflict("lane " + now.name() + " changed meanwhile; load the song again");
            Pass pass = now.passes().get(passNo - 1);
            boolean wasActive = now.active() == passNo - 1;
            try {
                if (now.passes().size() == 1) {
                    if (!"lane".equals(confirm)) {
                        throw ApiError.conflict("pass " + passNo + " is the only pass of lane " + now.name()
                                + ": taking it out takes the lane with it; send the request again with ?confirm=lane");
                    }
                    kept[0] = PassTrash.add(folder, now.name(), pass, true, s.strip(now.name()));
                    return SongEdits.withoutLane(s, now.name());
                }
                kept[0] = PassTrash.add(folder, now.name(), pass, wasActive, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return s.withLane(SongEdits.withoutPass(now, passNo - 1));
        });
        Map<String, Object> d = SongDocs.full(after, songs.libraryRoot());
        d.put("trashed", kept[0].doc());
        req.changed(id);
        ctx.json(d);
    }

    private void trash(Context ctx) throws IOException {
        Path folder = songs.folder(PathIds.id(ctx, "id"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (PassTrash.Entry e : PassTrash.read(folder)) out.add(e.doc());
        ctx.json(out);
    }

    private void restore(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Path folder = songs.folder(id);
        List<PassTrash.Entry> entries = PassTrash.read(folder);
        int entryNo = PathIds.number(ctx, "entry", Math.max(1, entries.stream().mapToInt(PassTrash.Entry::entry).max().orElse(0)));
        PassTrash.Entry entry = entries.stream().filter(e -> e.entry() == entryNo).findFirst()
                .orElseThrow(() -> ApiError.notFound("no entry " + entryNo + " in the trash of song " + id));
        req.refuseWhileOverdubbing("passes are restored");
        Song after = songs.change(id, s -> {
            boolean exists = s.lanes().stream().anyMatch(l -> l.name().equals(entry.lane()));
            if (!exists) return s.withLane(new Lane(entry.lane(), 0, List.of(entry.pass()))).withStrip(entry.lane(), PassTrash.strip(entry));
            Lane lane = s.lane(entry.lane());
            Lane more = lane.withNewPass(entry.pass());
            return s.withLane(entry.wasActive() ? more : more.withActive(lane.active()));
        });
        PassTrash.remove(folder, entryNo);
        req.answer(ctx, after);
    }
}
