package org.taperoom.web.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taperoom.appliance.control.InputArming;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The inputs: arming is the transport's own {@link InputArming} (what the next take records);
 * gain goes to the interface's gain control through {@link InputGain}, and is refused with 409
 * where the interface has none; names label the meters and name the next take's tracks (kept in
 * the same {@link InputArming}, which the transport reads when it starts a take).
 */
public final class InputsApi {
    public static final double MIN_GAIN_DB = -60;
    public static final double MAX_GAIN_DB = 24;
    private static final int MAX_NAME_CHARS = 40;

    private final InputArming arming;
    private final InputGain gain;
    /**
     * Guarded by this. gainDb as last set by input number, NaN where the interface has no gain
     * control; null until read from the interface (inputs come and go with the device's channels).
     */
    private final Map<Integer, Double> gainDb = new HashMap<>();

    public InputsApi(InputArming arming, InputGain gain) {
        this.arming = arming;
        this.gain = gain;
    }

    /** The input's gain as the interface has it; the caller holds this lock. */
    private double gainOf(int n) {
        return gainDb.computeIfAbsent(n, input -> gain.adjust(input, 0));
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/inputs", Access.SESSION, this::list, "Every input: number (from 1), name, armed, gainDb (null where the interface has no gain control).").students(),
                Route.patch("/api/inputs/{n}", Access.CHANGE, this::change,
                        "Change input n: any of {\"name\": 1–40 characters, \"armed\": true|false, \"gainDb\": -60 to 24}.").teachers());
    }

    private void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int n = 1; n <= arming.inputs(); n++) out.add(doc(n));
        ctx.json(out);
    }

    private void change(Context ctx) {
        int n = PathIds.number(ctx, "n", arming.inputs());
        Body b = Body.of(ctx, Set.of("name", "armed", "gainDb"));
        String name = null;
        if (b.has("name")) {
            name = b.text("name", MAX_NAME_CHARS).strip();
            if (name.isEmpty() || name.contains("\n")) throw ApiError.badRequest("name", "expected 1 to " + MAX_NAME_CHARS + " characters on one line");
        }
        Boolean armed = b.has("armed") ? b.bool("armed") : null;
        Double wantDb = b.has("gainDb") ? b.number("gainDb", MIN_GAIN_DB, MAX_GAIN_DB) : null;
        if (wantDb != null) {
            double now;
            synchronized (this) {
                now = gainOf(n);
            }
            if (Double.isNaN(now)) throw ApiError.conflict("gainDb: input " + n + " has no gain control on this interface");
            double reached = gain.adjust(n, wantDb - now);
            synchronized (this) {
                gainDb.put(n, reached);
            }
        }
        if (armed != null) arming.setArmed(n, armed);
        if (name != null) arming.setName(n, name);
        ctx.json(doc(n));
    }

    private synchronized Map<String, Object> doc(int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", n);
        m.put("name", arming.name(n));
        m.put("armed", arming.isArmed(n));
        double db = gainOf(n);
        m.put("gainDb", Double.isNaN(db) ? null : db);
        return m;
    }
}
