package org.taperoom.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.taperoom.appliance.config.MonitorKeys;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The monitor mix, live while the recorder runs and during an overdub pass: on or off, the output
 * pair, and per input a level, a pan and a mute. A change is heard at once on the live monitor
 * and kept for the next pass (both follow the same {@link MonitorChoice}) and written to the configuration file when the service has one
 * ({@code monitorOn}, {@code monitorOutputs}, {@code monitorMix}).
 */
public final class MonitorApi {
    private static final double MIN_LEVEL_DB = -60;
    private static final double MAX_LEVEL_DB = 12;

    private final MonitorChoice choice;
    private final java.nio.file.Path configFile;
    /** How many inputs the interface has now. */
    private final IntSupplier inputs;

    public MonitorApi(MonitorChoice choice, java.nio.file.Path configFile, IntSupplier inputs) {
        this.choice = choice;
        this.configFile = configFile;
        this.inputs = inputs;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/monitor", Access.SESSION, this::get,
                        "The monitor mix (live while recording, and of a pass): {\"on\", \"outputs\": \"3-4\", \"inputs\": [{\"input\", \"levelDb\", \"pan\", \"mute\"}], \"interfaceInputs\"}.").teachers(),
                Route.put("/api/monitor", Access.CHANGE, this::put,
                        "Replace the monitor mix: {\"on\": bool, \"outputs\": \"N-(N+1)\", \"inputs\": [{\"input\": 1–channels, \"levelDb\": -60–12, \"pan\": -1–1, \"mute\": bool}]} (each optional); heard at once while recording and in the next pass; 400 names the first wrong field.").teachers());
    }

    private void get(Context ctx) {
        ctx.json(doc(choice.get()));
    }

    private Map<String, Object> doc(MonitorRouting r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("on", r.on());
        m.put("outputs", r.outputs().toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (MonitorMix.Input in : r.mix().inputs()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("input", in.input());
            i.put("levelDb", in.levelDb());
            i.put("pan", in.pan());
            i.put("mute", in.muted());
            list.add(i);
        }
        m.put("inputs", list);
        m.put("interfaceInputs", inputs.getAsInt());
        return m;
    }

    private void put(Context ctx) {
        MonitorRouting now = choice.get();
        Body b = Body.of(ctx, Set.of("on", "outputs", "inputs"));
        boolean on = b.has("on") ? b.bool("on") : now.on();
        MonitorOutputs outputs = now.outputs();
        if (b.has("outputs")) {
            try {
                outputs = MonitorOutputs.parse(b.text("outputs", 16));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("outputs", e.getMessage());
            }
        }
        MonitorMix mix = b.has("inputs") ? mix(b.node("inputs")) : now.mix();
        MonitorRouting next = new MonitorRouting(on, outputs, mix);
        if (configFile != null) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put(MonitorKeys.MONITOR_ON.name(), Boolean.toString(on));
            texts.put(MonitorKeys.MONITOR_OUTPUTS.name(), outputs.toString());
            texts.put(MonitorKeys.MONITOR_MIX.name(), mix.toText());
            try {
                SettingsApi.writeKeys(configFile, texts);
            } catch (IOException e) {
                throw new ApiError(507, "could not write the configuration file: " + e.getMessage());
            }
        }
        choice.set(next);
        ctx.json(doc(next));
    }

    private MonitorMix mix(JsonNode n) {
        int count = inputs.getAsInt();
        if (!n.isArray()) throw ApiError.badRequest("inputs", "expected an array of {\"input\", \"levelDb\", \"pan\", \"mute\"}");
        List<MonitorMix.Input> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            String at = "inputs[" + i + "]";
            if (!e.isObject()) throw ApiError.badRequest(at, "expected {\"input\", \"levelDb\", \"pan\", \"mute\"}");
            for (var it = e.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!Set.of("input", "levelDb", "pan", "mute").contains(f)) throw ApiError.badRequest(at + "." + f, "unknown field; expected input, levelDb, pan, mute");
            }
            JsonNode input = e.get("input");
            if (input == null || !input.isInt() || input.intValue() < 1 || input.intValue() > count) {
                throw ApiError.badRequest(at + ".input", "expected an input number from 1 to " + count + ", got " + input);
            }
            int number = input.intValue();
            if (out.stream().anyMatch(x -> x.input() == number)) throw ApiError.badRequest(at + ".input", "input " + number + " is listed twice");
            double level = e.has("levelDb") ? Body.number(at + ".levelDb", e.get("levelDb"), MIN_LEVEL_DB, MAX_LEVEL_DB) : 0;
            double pan = e.has("pan") ? Body.number(at + ".pan", e.get("pan"), -1, 1) : 0;
            JsonNode mute = e.get("mute");
            if (mute != null && !mute.isBoolean()) throw ApiError.badRequest(at + ".mute", "expected true or false, got " + mute);
            out.add(new MonitorMix.Input(number, level, pan, mute != null && mute.booleanValue()));
        }
        return new MonitorMix(out);
    }
}
