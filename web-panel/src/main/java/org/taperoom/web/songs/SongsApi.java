package org.taperoom.web.songs;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.PassRecorder;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Pass;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.JobsApi;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.playback.PlaybackApi;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.FileResponses;
import org.taperoom.web.server.Route;

/**
 * Songs: list, make (empty or from a take), read, retitle; per lane mute, solo, the active pass and
 * the name; passes taken out to the song's trash and restored; a pass recorded over the song (one
 * {@link ControlEvent.Overdub} to the transport, as the overdub button sends); the song played
 * through the playback engine and rendered as a job. Every song lookup goes through {@link Songs}.
 * Opening, making, playing or changing a song makes it the one the overdub button records over.
 */
public final class SongsApi {
    private static final String SOURCE = "panel";
    private static final int MAX_TITLE_CHARS = 80;
    private static final int MAX_LANE_CHARS = 40;
    private static final double MAX_SECONDS = 86_400;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Songs songs;
    private final Transport transport;
    private final IntSupplier inputs;
    private final PlaybackApi playback;
    private final RenderService renders;
    private final JobsApi jobs;
    /** Tells every browser that a song changed ({@code {"type":"songs","song":id}}); must not block. */
    private final Consumer<String> changed;

    /** @param inputs how many inputs the interface has now (the armed inputs of a pass are checked against it) */
    public SongsApi(Songs songs, Transport transport, IntSupplier inputs, PlaybackApi playback, RenderService renders, JobsApi jobs,
                    Consumer<String> changed) {
        this.songs = songs;
        this.transport = transport;
        this.inputs = inputs;
        this.playback = playback;
        this.renders = renders;
        this.jobs = jobs;
        this.changed = changed;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/songs", Access.SESSION, this::list, "Every song: [{id, title, rateHz, lanes}]."),
                Route.post("/api/songs", Access.CHANGE, this::create,
                        "Make a song: {\"title\": \"…\", \"fromTake\": \"<take id>\"} (fromTake optional: the take's tracks become lanes, its mix and master the song's); 201 with the song."),
                Route.get("/api/songs/{id}", Access.SESSION, this::get,
                        "A song: title, rateHz, tempoBpm, timeSignature, key, lengthSeconds, lanes [{number, name, mute, solo, active, passes [{number, active, take, track, offsetFrames, offsetSeconds, lengthFrames, lengthSeconds, missing, recordedAt, notes}]}]."),
                Route.patch("/api/songs/{id}", Access.CHANGE, this::retitle, "Rename a song: {\"title\": \"…\"} (its id stays)."),
                Route.patch("/api/songs/{id}/lanes/{lane}", Access.CHANGE, this::lane,
                        "Change lane {lane} (from 1): {\"mute\": bool, \"solo\": bool, \"active\": <pass number>, \"name\": \"…\"} (any of them)."),
                Route.delete("/api/songs/{id}/lanes/{lane}/passes/{pass}", Access.CHANGE, this::deletePass,
                        "Take a pass out of its lane into the song's trash (its take stays in the library); the only pass of a lane takes the lane with it and needs ?confirm=lane, else 409."),
                Route.get("/api/songs/{id}/trash", Access.SESSION, this::trash, "The passes taken out of a song: [{entry, lane, take, track, offsetFrames, wasActive, laneRemoved, removedAt}]."),
                Route.post("/api/songs/{id}/trash/{entry}/restore", Access.CHANGE, this::restore,
                        "Put a pass from the trash back into its lane (the lane comes back with its strip when it went with the pass)."),
                Route.post("/api/songs/{id}/passes", Access.CHANGE, this::record,
                        "Record a pass over the song while it plays: {\"inputs\": [1, 2], \"lanes\": [\"bass\", \"vox\"], \"punch\": {\"inSeconds\", \"outSeconds\", \"fromSeconds\", \"loopCycles\"}} (lanes optional: in<N>, an existing lane gets a new active pass; punch optional: exactly that region after a pre-roll from fromSeconds, default 2 s before; loopCycles > 0 loops it, a pass per cycle); 202, 409 while a take or another pass records."),
                Route.post("/api/songs/{id}/passes/stop", Access.CHANGE, this::stopPass, "End the pass being recorded (what was recorded is kept); 409 when none is."),
                Route.post("/api/songs/{id}/play", Access.CHANGE, this::play,
                        "Play the song (its active passes, mix and master) on the output: {\"fromSeconds\": 0} (optional); answers the playback state, then as /api/playback."),
                Route.post("/api/songs/{id}/render", Access.CHANGE, this::render,
                        "Render the song with its mix and master: {\"format\": \"wav|flac|mp3|opus\"} (optional, wav); 202 with the job (progress as for /api/jobs)."),
                Route.get("/api/songs/{id}/renders", Access.SESSION, this::renders, "The song's finished renders, newest first: [{file, bytes, url}]."),
                Route.get("/api/songs/{id}/renders/{file}", Access.SESSION, this::download, "Download one of the song's renders."));
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Song s : songs.list()) out.add(SongDocs.summary(s));
        ctx.json(out);
    }

    private void create(Context ctx) throws IOException {
        Body b = Body.of(ctx, Set.of("title", "fromTake"));
        String title = title(b);
        String fromTake = null;
        if (b.has("fromTake")) {
            fromTake = b.text("fromTake", 160);
            if (!fromTake.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}(~[0-9]{1,6})?")) {
                throw ApiError.badRequest("fromTake", "not a take id; take ids look like 2026-12-07_031500-take");
            }
        }
        Song song = songs.create(title, fromTake);
        use(song.id());
        ctx.status(201).json(SongDocs.full(song, songs.libraryRoot()));
    }

    private void get(Context ctx) throws IOException {
        Song song = songs.find(PathIds.id(ctx, "id"));
        use(song.id());
        ctx.json(SongDocs.full(song, songs.libraryRoot()));
    }

    private void retitle(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Body b = Body.of(ctx, Set.of("title"));
        String title = title(b);
        answer(ctx, songs.change(id, s -> SongEdits.retitled(s, title)));
    }

    private void lane(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        int number = laneNumber(ctx, songs.find(id));
        Body b = Body.of(ctx, Set.of("mute", "solo", "active", "name"));
        if (b.fields().isEmpty()) throw ApiError.badRequest("body", "give at least one of mute, solo, active, name");
        Boolean mute = b.has("mute") ? b.bool("mute") : null;
        Boolean solo = b.has("solo") ? b.bool("solo") : null;
        String name = b.has("name") ? laneName("name", b.node("name")) : null;
        Double active = b.has("active") ? b.number("active", 1, 10_000) : null;
        if (active != null && active != Math.rint(active)) throw ApiError.badRequest("active", "a pass number (1, 2, …), got " + active);
        refuseWhileOverdubbing("lanes change");
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
        answer(ctx, after);
    }

    private void deletePass(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        int laneNo = laneNumber(ctx, song);
        Lane lane = song.lanes().get(laneNo - 1);
        int passNo = PathIds.number(ctx, "pass", lane.passes().size());
        String confirm = ctx.queryParam("confirm");
        if (confirm != null && !confirm.equals("lane")) throw ApiError.badRequest("confirm", "the only value is lane, got '" + confirm + "'");
        refuseWhileOverdubbing("passes are taken out");
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
        changed(id);
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
        refuseWhileOverdubbing("passes are restored");
        Song after = songs.change(id, s -> {
            boolean exists = s.lanes().stream().anyMatch(l -> l.name().equals(entry.lane()));
            if (!exists) return s.withLane(new Lane(entry.lane(), 0, List.of(entry.pass()))).withStrip(entry.lane(), PassTrash.strip(entry));
            Lane lane = s.lane(entry.lane());
            Lane more = lane.withNewPass(entry.pass());
            return s.withLane(entry.wasActive() ? more : more.withActive(lane.active()));
        });
        PassTrash.remove(folder, entryNo);
        answer(ctx, after);
    }

    private void record(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        Body b = Body.of(ctx, Set.of("inputs", "lanes", "punch"));
        if (!b.has("inputs")) throw ApiError.badRequest("inputs", "missing: the inputs to record, e.g. [1, 2]");
        List<Integer> armed = inputs(b.node("inputs"));
        List<String> lanes = new ArrayList<>();
        if (b.has("lanes")) {
            JsonNode n = b.node("lanes");
            if (!n.isArray()) throw ApiError.badRequest("lanes", "expected an array of lane names, one per input");
            for (int i = 0; i < n.size(); i++) {
                String name = laneName("lanes[" + i + "]", n.get(i));
                if (lanes.contains(name)) throw ApiError.badRequest("lanes[" + i + "]", "named twice: " + name + "; give each input its own lane");
                lanes.add(name);
            }
            if (lanes.size() != armed.size()) {
                throw ApiError.badRequest("lanes", armed.size() + " input(s) but " + lanes.size() + " lane name(s); give one per input");
            }
        }
        PassRecorder.Punch punch = b.has("punch") ? punch(b.node("punch"), SongDocs.full(song, songs.libraryRoot())) : null;
        songs.arrangement(song);
        TransportState s = transport.view().state();
        if (s != TransportState.IDLE && s != TransportState.WAITING) throw ApiError.conflict(busy(s));
        // The pass opens the interface's outputs for the song: a take or song playing there must stop.
        playback.stopPlayback();
        String refused = transport.submit(new ControlEvent.Overdub(SOURCE, id, armed, lanes, punch));
        if (refused != null) throw ApiError.conflict(refused);
        changed(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("song", id);
        answer.put("state", transport.view().state().wireName());
        answer.put("inputs", armed);
        answer.put("lanes", lanes);
        answer.put("punch", punch);
        ctx.status(202).json(answer);
    }

    private void stopPass(Context ctx) {
        String id = PathIds.id(ctx, "id");
        if (transport.view().state() != TransportState.OVERDUBBING) throw ApiError.conflict("no pass is being recorded");
        String refused = transport.submit(new ControlEvent.Stop(SOURCE));
        if (refused != null) throw ApiError.conflict(refused);
        ctx.status(202).json(Map.of("song", id, "state", transport.view().state().wireName()));
    }

    private void play(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        double from = 0;
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("fromSeconds"));
            if (b.has("fromSeconds")) from = b.number("fromSeconds", 0, MAX_SECONDS);
        }
        refuseWhileOverdubbing("the song plays as the pass's monitor");
        SongArrangement a = songs.arrangement(song);
        use(id);
        ctx.json(playback.playSong(id, a.tracks(), a.settings(RenderSettings.DEFAULT), from));
    }

    private void render(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        String format = "wav";
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("format"));
            if (b.has("format")) format = b.text("format", 8);
        }
        if (!List.of("wav", "flac", "mp3", "opus").contains(format)) {
            throw ApiError.badRequest("format", "\"" + format + "\" is not one of wav, flac, mp3, opus");
        }
        SongArrangement a = songs.arrangement(song);
        RenderSettings settings = a.settings(RenderSettings.DEFAULT);
        Path file = songs.folder(id).resolve(RenderService.RENDERS_DIR).resolve(LocalDateTime.now().format(STAMP) + "-mix." + format);
        RenderJob job = renders.submit(a.tracks(), () -> settings, file);
        jobs.follow(job, null, () -> changed(id));
        ctx.status(202).json(Map.of("job", job.id(), "song", id, "file", file.getFileName().toString()));
    }

    private void renders(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : renderFiles(songs.folder(id))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.getFileName().toString());
            m.put("bytes", Files.size(f));
            m.put("url", "/api/songs/" + id + "/renders/" + f.getFileName());
            out.add(m);
        }
        ctx.json(out);
    }

    private void download(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        String name = ctx.pathParam("file");
        for (Path f : renderFiles(songs.folder(id))) {
            if (f.getFileName().toString().equals(name)) {
                ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-" + name + "\"");
                FileResponses.send(ctx, f, OutputFormat.forPath(f).mimeType);
                return;
            }
        }
        throw ApiError.notFound("no render " + (name.matches("[A-Za-z0-9._-]{1,80}") ? name : "with that name") + " of song " + id);
    }

    /** The finished renders (no part files), newest first; the lookup only ever matches names listed here. */
    private static List<Path> renderFiles(Path songFolder) throws IOException {
        Path dir = songFolder.resolve(RenderService.RENDERS_DIR);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && n.matches("[0-9]{8}-[0-9]{6}-[A-Za-z0-9_-]+\\.(wav|flac|mp3|opus)")) out.add(p);
            }
        }
        out.sort((x, y) -> y.getFileName().toString().compareTo(x.getFileName().toString()));
        return out;
    }

    /** Longest stretch a punch may reach past the song's end (an outro over the bed's last note). */
    private static final double PUNCH_PAST_END_SECONDS = 600;
    private static final int MAX_LOOP_CYCLES = 32;

    /** {"inSeconds", "outSeconds", "fromSeconds" (default 2 s before the punch-in), "loopCycles" (default 0: no loop)}. */
    private static PassRecorder.Punch punch(JsonNode n, Map<String, Object> song) {
        if (!n.isObject()) throw ApiError.badRequest("punch", "expected {\"inSeconds\": n, \"outSeconds\": n, \"fromSeconds\": n, \"loopCycles\": n}");
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("inSeconds", "outSeconds", "fromSeconds", "loopCycles").contains(f)) {
                throw ApiError.badRequest("punch." + f, "unknown field; expected inSeconds, outSeconds, fromSeconds, loopCycles");
            }
        }
        if (!n.has("inSeconds") || !n.has("outSeconds")) throw ApiError.badRequest("punch", "needs both inSeconds and outSeconds");
        double length = ((Number) song.get("lengthSeconds")).doubleValue();
        int cycles = n.has("loopCycles") ? (int) Body.number("punch.loopCycles", n.get("loopCycles"), 0, MAX_LOOP_CYCLES) : 0;
        if (n.has("loopCycles") && n.get("loopCycles").doubleValue() != cycles) {
            throw ApiError.badRequest("punch.loopCycles", "a whole number from 0 (no loop) to " + MAX_LOOP_CYCLES);
        }
        // A loop plays the region of the song again and again: it must lie within the song.
        double last = cycles > 0 ? length : length + PUNCH_PAST_END_SECONDS;
        double in = Body.number("punch.inSeconds", n.get("inSeconds"), 0, last);
        double out = Body.number("punch.outSeconds", n.get("outSeconds"), 0, last);
        if (out <= in) throw ApiError.badRequest("punch.outSeconds", "must be after punch.inSeconds (" + in + ")");
        double from = n.has("fromSeconds") ? Body.number("punch.fromSeconds", n.get("fromSeconds"), 0, in) : Math.max(0, in - 2);
        return new PassRecorder.Punch(from, in, out, cycles);
    }

    private List<Integer> inputs(JsonNode n) {
        int count = inputs.getAsInt();
        if (!n.isArray() || n.isEmpty()) throw ApiError.badRequest("inputs", "expected a non-empty array of input numbers from 1 to " + count + ", e.g. [1]");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (!v.isInt() || v.intValue() < 1 || v.intValue() > count) {
                throw ApiError.badRequest("inputs[" + i + "]", "expected an input number from 1 to " + count + ", got " + v);
            }
            if (out.contains(v.intValue())) throw ApiError.badRequest("inputs[" + i + "]", "input " + v.intValue() + " is listed twice");
            out.add(v.intValue());
        }
        return out;
    }

    private static String title(Body b) {
        if (!b.has("title")) throw ApiError.badRequest("title", "missing: the song's name");
        String title = b.text("title", MAX_TITLE_CHARS).strip();
        if (title.isEmpty() || title.contains("\n") || title.contains("\t")) throw ApiError.badRequest("title", "one line of 1 to " + MAX_TITLE_CHARS + " characters");
        return title;
    }

    private static String laneName(String field, JsonNode n) {
        if (n == null || !n.isTextual()) throw ApiError.badRequest(field, "expected a lane name (text)");
        String name = n.textValue().strip();
        if (!name.matches("[\\p{L}\\p{N} ._-]{1," + MAX_LANE_CHARS + "}")) {
            throw ApiError.badRequest(field, "1 to " + MAX_LANE_CHARS + " letters, digits, spaces, '.', '_' or '-'");
        }
        return name;
    }

    private static int laneNumber(Context ctx, Song song) {
        if (song.lanes().isEmpty()) throw ApiError.notFound("song " + song.id() + " has no lanes yet");
        return PathIds.number(ctx, "lane", song.lanes().size());
    }

    private void refuseWhileOverdubbing(String what) {
        if (transport.view().state() == TransportState.OVERDUBBING) throw ApiError.conflict("a pass is being recorded: " + what + " when it has ended");
    }

    private static String busy(TransportState s) {
        return switch (s) {
            case OVERDUBBING -> "another pass is being recorded: stop it first";
            case RECORDING -> "a take is being recorded: stop it first";
            default -> "the recorder is " + s.wireName() + ": a pass starts when it is idle";
        };
    }

    private void answer(Context ctx, Song song) {
        use(song.id());
        changed(song.id());
        ctx.json(SongDocs.full(song, songs.libraryRoot()));
    }

    private void use(String id) {
        transport.send(new ControlEvent.UseSong(SOURCE, id));
    }

    private void changed(String id) {
        changed.accept("{\"type\":\"songs\",\"song\":\"" + id + "\"}");
    }
}
