package org.taperoom.web.songs;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.PassRecorder;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSound;
import org.taperoom.appliance.song.PassCue;
import org.taperoom.appliance.song.Song;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.playback.MetronomeApi;
import org.taperoom.web.playback.PlaybackApi;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * A pass recorded over a song from the panel: one {@link ControlEvent.Overdub} to the transport, as
 * the overdub button sends (punched or looped when asked), and its stop. The output is freed of a
 * take or song playing first, since the pass plays the song there.
 */
final class PassesApi {
    private static final String SOURCE = SongRequests.SOURCE;
    /** Longest stretch a punch may reach past the song's end (an outro over the bed's last note). */
    private static final double PUNCH_PAST_END_SECONDS = 600;
    private static final int MAX_LOOP_CYCLES = 32;

    private final Songs songs;
    private final SongRequests req;
    private final Transport transport;
    private final IntSupplier inputs;
    private final PlaybackApi playback;

    /** @param inputs how many inputs the interface has now (the armed inputs of a pass are checked against it) */
    PassesApi(SongRequests req, IntSupplier inputs, PlaybackApi playback) {
        this.songs = req.songs;
        this.req = req;
        this.transport = req.transport;
        this.inputs = inputs;
        this.playback = playback;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/songs/{id}/passes", Access.CHANGE, this::record,
                        "Record a pass over the song while it plays: {\"inputs\": [1, 2], \"lanes\": [\"bass\", \"vox\"], \"punch\": {\"inSeconds\", \"outSeconds\", \"fromSeconds\", \"loopCycles\"}, \"click\": bool, \"countInBars\": 0–4, \"clickLevelDb\": -60–0, \"clickSound\": \"beep\" | \"wood\" | \"stick\"} (lanes optional: in<N>, an existing lane gets a new active pass; punch optional: exactly that region after a pre-roll from fromSeconds, default 2 s before; loopCycles > 0 loops it, a pass per cycle; click and count-in from the song's tempo and time signature, on the monitor outputs only, the first recorded frame on a bar line); 202, 409 while a take or another pass records.").teachers(),
                Route.post("/api/songs/{id}/passes/stop", Access.CHANGE, this::stopPass, "End the pass being recorded (what was recorded is kept); 409 when none is.").teachers());
    }

    private void record(Context ctx) throws IOException {
        String id = PathIds.id(ctx, "id");
        Song song = songs.find(id);
        Body b = Body.of(ctx, Set.of("inputs", "lanes", "punch", "click", "countInBars", "clickLevelDb", "clickSound"));
        if (!b.has("inputs")) throw ApiError.badRequest("inputs", "missing: the inputs to record, e.g. [1, 2]");
        List<Integer> armed = inputs(b.node("inputs"));
        List<String> lanes = new ArrayList<>();
        if (b.has("lanes")) {
            JsonNode n = b.node("lanes");
            if (!n.isArray()) throw ApiError.badRequest("lanes", "expected an array of lane names, one per input");
            for (int i = 0; i < n.size(); i++) {
                String name = SongRequests.laneName("lanes[" + i + "]", n.get(i));
                if (lanes.contains(name)) throw ApiError.badRequest("lanes[" + i + "]", "named twice: " + name + "; give each input its own lane");
                lanes.add(name);
            }
            if (lanes.size() != armed.size()) {
                throw ApiError.badRequest("lanes", armed.size() + " input(s) but " + lanes.size() + " lane name(s); give one per input");
            }
        }
        PassRecorder.Punch punch = b.has("punch") ? punch(b.node("punch"), SongDocs.full(song, songs.libraryRoot())) : null;
        PassRecorder.Cue cue = cue(b);
        songs.arrangement(song);
        TransportState s = transport.view().state();
        if (s != TransportState.IDLE && s != TransportState.WAITING) throw ApiError.conflict(busy(s));
        // The pass opens the interface's outputs for the song: a take or song playing there must stop.
        playback.stopPlayback();
        String refused = transport.submit(new ControlEvent.Overdub(SOURCE, id, armed, lanes, punch, cue));
        if (refused != null) throw ApiError.conflict(refused);
        req.changed(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("song", id);
        answer.put("state", transport.view().state().wireName());
        answer.put("inputs", armed);
        answer.put("lanes", lanes);
        answer.put("punch", punch);
        answer.put("click", cue.click());
        answer.put("countInBars", cue.countInBars());
        answer.put("clickLevelDb", cue.clickLevelDb());
        answer.put("clickSound", cue.clickSound());
        ctx.status(202).json(answer);
    }

    private void stopPass(Context ctx) {
        String id = PathIds.id(ctx, "id");
        if (transport.view().state() != TransportState.OVERDUBBING) throw ApiError.conflict("no pass is being recorded");
        String refused = transport.submit(new ControlEvent.Stop(SOURCE));
        if (refused != null) throw ApiError.conflict(refused);
        ctx.status(202).json(Map.of("song", id, "state", transport.view().state().wireName()));
    }

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

    /** {"click": bool, "countInBars": 0–4, "clickLevelDb": -60–0, "clickSound": a sound's name}, each optional. */
    private static PassRecorder.Cue cue(Body b) {
        boolean click = b.has("click") && b.bool("click");
        int bars = 0;
        if (b.has("countInBars")) {
            JsonNode n = b.node("countInBars");
            if (!n.isInt() || n.intValue() < 0 || n.intValue() > PassCue.MAX_COUNT_IN_BARS) {
                throw ApiError.badRequest("countInBars", "expected a whole number of bars from 0 to " + PassCue.MAX_COUNT_IN_BARS + ", got " + n);
            }
            bars = n.intValue();
        }
        double levelDb = b.has("clickLevelDb") ? b.number("clickLevelDb", ClickSettings.MIN_LEVEL_DB, 0) : ClickSettings.DEFAULT.levelDb();
        ClickSound sound = b.has("clickSound") ? MetronomeApi.sound("clickSound", b.node("clickSound")) : ClickSettings.DEFAULT.sound();
        return new PassRecorder.Cue(click, bars, levelDb, sound.id());
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

    private static String busy(TransportState s) {
        return switch (s) {
            case OVERDUBBING -> "another pass is being recorded: stop it first";
            case RECORDING -> "a take is being recorded: stop it first";
            default -> "the recorder is " + s.wireName() + ": a pass starts when it is idle";
        };
    }
}
