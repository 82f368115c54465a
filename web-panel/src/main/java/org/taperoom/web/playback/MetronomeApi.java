package org.taperoom.web.playback;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSound;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.web.api.Body;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The metronome on the appliance's outputs, through the playback engine: over the take while one
 * plays, alone on the output otherwise.
 */
public final class MetronomeApi {
    private final PlaybackService playback;

    public MetronomeApi(PlaybackService playback) {
        this.playback = playback;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/metronome", Access.SESSION, this::state,
                        "The metronome: {\"on\", \"bpm\", \"beatsPerBar\", \"subdivisions\", \"levelDb\", \"sound\"} (the settings it plays, or the defaults when off).").students(),
                Route.post("/api/metronome", Access.CHANGE, this::start,
                        "Start the metronome on the output, or change it while it plays: {\"bpm\": 20–300, \"beatsPerBar\": 1–16, \"subdivisions\": 1–4, \"levelDb\": -60–0, \"sound\": \"beep\" | \"wood\" | \"stick\"} (each optional, the rest as it plays; beat one accented); 409 when the output cannot open.").students(),
                Route.post("/api/metronome/stop", Access.CHANGE, this::stop, "Stop the metronome (a take playing carries on).").students());
    }

    private void state(Context ctx) {
        ctx.json(doc());
    }

    private Map<String, Object> doc() {
        ClickSettings on = playback.metronome();
        ClickSettings s = on != null ? on : ClickSettings.DEFAULT;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("on", on != null);
        m.put("bpm", s.bpm());
        m.put("beatsPerBar", s.beatsPerBar());
        m.put("subdivisions", s.subdivisions());
        m.put("levelDb", s.levelDb());
        m.put("sound", s.sound().id());
        return m;
    }

    private void start(Context ctx) {
        ClickSettings base = playback.metronome() != null ? playback.metronome() : ClickSettings.DEFAULT;
        double bpm = base.bpm();
        int beats = base.beatsPerBar();
        int subdivisions = base.subdivisions();
        double levelDb = base.levelDb();
        ClickSound sound = base.sound();
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("bpm", "beatsPerBar", "subdivisions", "levelDb", "sound"));
            if (b.has("bpm")) bpm = b.number("bpm", ClickSettings.MIN_BPM, ClickSettings.MAX_BPM);
            if (b.has("beatsPerBar")) beats = whole(b, "beatsPerBar", ClickSettings.MAX_BEATS_PER_BAR);
            if (b.has("subdivisions")) subdivisions = whole(b, "subdivisions", ClickSettings.MAX_SUBDIVISIONS);
            if (b.has("levelDb")) levelDb = b.number("levelDb", ClickSettings.MIN_LEVEL_DB, 0);
            if (b.has("sound")) sound = sound("sound", b.node("sound"));
        }
        try {
            playback.startMetronome(new ClickSettings(bpm, beats, subdivisions, levelDb, sound));
        } catch (AudioDeviceException e) {
            throw ApiError.conflict("the output cannot play the metronome: " + e.getMessage());
        }
        ctx.json(doc());
    }

    /** One of the click's sounds by name from the body's {@code field}; the one-line 400 names them all. */
    public static ClickSound sound(String field, JsonNode n) {
        try {
            if (!n.isTextual()) throw new IllegalArgumentException("the click sound must be " + ClickSound.choices() + ", not " + n);
            return ClickSound.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(field, e.getMessage());
        }
    }

    private static int whole(Body b, String field, int max) {
        double v = b.number(field, 1, max);
        if (v != Math.rint(v)) throw ApiError.badRequest(field, "expected a whole number from 1 to " + max + ", got " + v);
        return (int) v;
    }

    private void stop(Context ctx) {
        playback.stopMetronome();
        ctx.json(doc());
    }
}
