package org.taperoom.web.songs;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.song.Song;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.JobsApi;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.playback.PlaybackApi;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * Songs: list, make (empty or from a take), read, retitle, and per lane mute, solo, the active pass
 * and the name. Every song lookup goes through {@link Songs}; the song trash, pass, pass trash and
 * output routes are {@link SongTrashApi}, {@link PassesApi}, {@link PassTrashApi} and
 * {@link SongOutputsApi}.
 */
public final class SongsApi {
    private final Songs songs;
    private final SongRequests req;

    SongsApi(SongRequests req) {
        this.songs = req.songs;
        this.req = req;
    }

    /** Every song route, in the order API.md lists them. */
    public static List<Route> routes(Songs songs, Transport transport, IntSupplier inputs, PlaybackApi playback, RenderService renders,
                                     JobsApi jobs, Consumer<String> changed) {
        SongRequests req = new SongRequests(songs, transport, changed, playback);
        List<Route> all = new ArrayList<>(new SongsApi(req).routes());
        all.addAll(new SongTrashApi(req).routes());
        all.addAll(SongMixMaster.routes(req));
        all.addAll(new PassTrashApi(req).routes());
        all.addAll(new PassesApi(req, inputs, playback).routes());
        SongOutputsApi outputs = new SongOutputsApi(req, playback, renders, jobs);
        all.addAll(outputs.routes());
        transport.addPassListener(outputs::quickMixAfterPass);
        return List.copyOf(all);
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/songs", Access.SESSION, this::list, "Every song: [{id, title, rateHz, lanes}].").teachers(),
                Route.post("/api/songs", Access.CHANGE, this::create,
                        "Make a song: {\"title\": \"…\", \"fromTake\": \"<take id>\"} (fromTake optional: the take's tracks become lanes, its mix and master the song's); 201 with the song.").teachers(),
                Route.get("/api/songs/{id}", Access.SESSION, this::get,
                        "A song: title, rateHz, tempoBpm, timeSignature, key, punchCrossfadeMs, lengthSeconds, lanes [{number, name, mute, solo, active, passes [{number, active, take, track, offsetFrames, offsetSeconds, lengthFrames, lengthSeconds, missing, recordedAt, notes}]}].").teachers(),
                Route.patch("/api/songs/{id}", Access.CHANGE, this::change,
                        "Change a song's title, tempo, time signature, key or how long a punch's boundaries crossfade in its render: {\"title\": \"…\", \"tempoBpm\": 20–300, \"timeSignature\": \"N/D\" (N 1–16, D 1, 2, 4, 8 or 16), \"key\": \"E minor\" (up to 40 characters, empty for none), \"punchCrossfadeMs\": 0–100 (0: a butt splice)} (any of them; its id stays; the click and the ruler follow the tempo and time signature).").teachers(),
                Route.patch("/api/songs/{id}/lanes/{lane}", Access.CHANGE, this::lane,
                        "Change lane {lane} (from 1): {\"mute\": bool, \"solo\": bool, \"active\": <pass number>, \"name\": \"…\"} (any of them).").teachers());
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Song s : songs.list()) out.add(SongDocs.summary(s));
        ctx.json(out);
    }

    private void create(Context ctx) throws IOException {
        Body b = Body.of(ctx, Set.of("title", "fromTake"));
        String title = SongRequests.title(b);
        String fromTake = null;
        if (b.has("fromTake")) {
            fromTake = b.text("fromTake", 160);
            if (!fromTake.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}(~[0-9]{1,6})?")) {
                throw ApiError.badRequest("fromTake", "not a take id; take ids look like 2026-12-07_031500-take");
            }
        }
        Song song = songs.create(title, fromTake);
        req.use(song.id());
        ctx.status(201).json(SongDocs.full(song, songs.libraryRoot()));
    }

    private void get(Context ctx) throws IOException {
        Song song = songs.find(PathIds.id(ctx, "id"));
        req.use(song.id());
        ctx.json(SongDocs.full(song, songs.libraryRoot()));
    }

    private void change(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Body b = Body.of(ctx, Set.of("title", "punchCrossfadeMs", "tempoBpm", "timeSignature", "key"));
        if (b.fields().isEmpty()) throw ApiError.badRequest("body", "give at least one of title, punchCrossfadeMs, tempoBpm, timeSignature, key");
        String title = b.has("title") ? SongRequests.title(b) : null;
        Double fadeMs = b.has("punchCrossfadeMs") ? b.number("punchCrossfadeMs", 0, Song.MAX_PUNCH_CROSSFADE_MS) : null;
        Double tempo = b.has("tempoBpm") ? b.number("tempoBpm", SongRequests.MIN_TEMPO_BPM, SongRequests.MAX_TEMPO_BPM) : null;
        String meter = b.has("timeSignature") ? SongRequests.timeSignature(b) : null;
        String key = b.has("key") ? SongRequests.key(b) : null;
        req.answer(ctx, songs.change(id, s -> {
            Song out = title == null ? s : SongEdits.retitled(s, title);
            if (tempo != null || meter != null) {
                out = out.withTempo(tempo != null ? tempo : out.tempoBpm(), meter != null ? meter : out.timeSignature());
            }
            if (key != null) out = out.withKey(key);
            return fadeMs == null ? out : out.withPunchCrossfadeMs(fadeMs);
        }));
    }

    private void lane(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        int number = SongRequests.laneNumber(ctx, songs.find(id));
        Body b = Body.of(ctx, Set.of("mute", "solo", "active", "name"));
        if (b.fields().isEmpty()) throw ApiError.badRequest("body", "give at least one of mute, solo, active, name");
        Boolean mute = b.has("mute") ? b.bool("mute") : null;
        Boolean solo = b.has("solo") ? b.bool("solo") : null;
        String name = b.has("name") ? SongRequests.laneName("name", b.node("name")) : null;
        Double active = b.has("active") ? b.number("active", 1, 10_000) : null;
        if (active != null && active != Math.rint(active)) throw ApiError.badRequest("active", "a pass number (1, 2, …), got " + active);
        req.refuseWhileOverdubbing("lanes change");
        Song after = songs.change(id, s -> {
            String laneName = s.lanes().get(number - 1).name();
            Song out = s;
            if (active != null) {
                int passes = s.lane(laneName).passes().size();
                if (active > passes) throw ApiError.badRequest("active", "lane " + laneName + " has passes 1 to " + passes + ", got " + active.intValue());
                out = out.withActivePass(laneName, active.intValue() - 1);
            }
            if (mute != null) out = out.withMute(laneName, mute);
            if (solo != null) out = out.withSolo(laneName, solo);
            if (name != null && !name.equals(laneName)) {
                if (out.lanes().stream().anyMatch(l -> l.name().equals(name))) {
                    throw ApiError.badRequest("name", "another lane is named " + name + "; lane names are unique");
                }
                out = SongEdits.renamedLane(out, laneName, name);
            }
            return out;
        });
        if (mute != null || solo != null) req.heard(after);
        req.answer(ctx, after);
    }
}
