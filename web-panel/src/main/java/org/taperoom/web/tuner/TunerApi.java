package org.taperoom.web.tuner;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.taperoom.appliance.dsp.pitch.NoteReading;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.tuner.LiveTuner;
import org.taperoom.web.api.Body;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The chromatic tuner on one input of the running recorder, beside recording and always-on
 * capture: start, stop, and its readings over the live socket (at most {@link #SEND_HZ} a second).
 */
public final class TunerApi implements AutoCloseable {
    /** Readings sent over the live socket a second, at most: a needle moves smoothly at that rate. */
    static final int SEND_HZ = 15;
    private final Recorder recorder;
    private final LiveTuner tuner;
    /** When the last reading went out (System.nanoTime); tuner thread only. */
    private long lastSentNanos;

    /** @param send takes each live message (a JSON text) */
    public TunerApi(Recorder recorder, Consumer<String> send) {
        this.recorder = recorder;
        this.tuner = new LiveTuner(recorder, r -> {
            if (r.atNanos() - lastSentNanos < 1_000_000_000L / SEND_HZ) return;
            lastSentNanos = r.atNanos();
            send.accept(message(r));
        });
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/tuner", Access.SESSION, this::state,
                        "The tuner: {\"on\", \"input\", \"a4Hz\", \"inputs\", \"reading\": {\"note\", \"cents\", \"hz\"} or null, \"problem\": why it stopped by itself (its input gone after a reopen) or null}; readings also go over /ws as tuner messages. A device reopened at another rate is followed.").students(),
                Route.post("/api/tuner", Access.CHANGE, this::start,
                        "Tune an input while the recorder runs (records or not): {\"input\": 1…channels, \"a4Hz\": 415–466} (a4Hz optional, 440); 409 when the recorder is not running.").students(),
                Route.post("/api/tuner/stop", Access.CHANGE, this::stop, "Stop the tuner.").students());
    }

    private void state(Context ctx) {
        ctx.json(doc());
    }

    private Map<String, Object> doc() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("on", tuner.on());
        d.put("input", tuner.input());
        d.put("a4Hz", tuner.a4Hz());
        d.put("inputs", recorder.status().channels());
        LiveTuner.Reading r = tuner.latest();
        d.put("reading", r == null ? null : reading(r.note()));
        d.put("problem", tuner.problem());
        return d;
    }

    private static Map<String, Object> reading(NoteReading n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("note", n.note());
        m.put("cents", Math.round(n.cents() * 100) / 100.0);
        m.put("hz", Math.round(n.hz() * 1000) / 1000.0);
        return m;
    }

    /** The live message of one reading. */
    static String message(LiveTuner.Reading r) {
        NoteReading n = r.note();
        return String.format(Locale.ROOT, "{\"type\":\"tuner\",\"note\":\"%s\",\"cents\":%.2f,\"hz\":%.3f,\"input\":%d,\"a4Hz\":%.1f}",
                n.note(), n.cents(), n.hz(), r.input(), r.a4Hz());
    }

    private void start(Context ctx) {
        Body b = Body.of(ctx, Set.of("input", "a4Hz"));
        if (!b.has("input")) throw ApiError.badRequest("input", "required: the input to tune, 1 to " + recorder.status().channels());
        int channels = Math.max(1, recorder.status().channels());
        double input = b.number("input", 1, channels);
        if (input != Math.rint(input)) throw ApiError.badRequest("input", "expected a whole number from 1 to " + channels + ", got " + input);
        double a4 = b.has("a4Hz") ? b.number("a4Hz", NoteReading.MIN_A4_HZ, NoteReading.MAX_A4_HZ) : 440;
        if (!recorder.status().running()) throw ApiError.conflict("the recorder is not running, so there is no input to tune");
        try {
            tuner.start((int) input, a4);
        } catch (IllegalArgumentException e) {
            throw ApiError.conflict(e.getMessage());
        }
        ctx.json(doc());
    }

    private void stop(Context ctx) {
        tuner.stop();
        ctx.json(doc());
    }

    @Override
    public void close() {
        tuner.close();
    }
}
