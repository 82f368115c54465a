package org.taperoom.web.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.taperoom.appliance.inputs.InputSetup;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/** The inputs' names, arming and gain ({@link InputSetup}, shared with the transport). */
public final class InputsApi {
    private final InputSetup inputs;

    public InputsApi(InputSetup inputs) {
        this.inputs = inputs;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/inputs", Access.SESSION, this::list, "Every input: number (from 1), name, armed, gainDb."),
                Route.patch("/api/inputs/{n}", Access.CHANGE, this::change,
                        "Change input n: any of {\"name\": 1–40 characters, \"armed\": true|false, \"gainDb\": -60 to 24}."));
    }

    private void list(Context ctx) {
        ctx.json(inputs.inputs());
    }

    private void change(Context ctx) {
        int n = PathIds.number(ctx, "n", inputs.count());
        InputSetup.Input old = inputs.input(n);
        Body b = Body.of(ctx, Set.of("name", "armed", "gainDb"));
        String name = b.has("name") ? b.text("name", InputSetup.MAX_NAME_CHARS).strip() : old.name();
        if (name.isEmpty()) throw ApiError.badRequest("name", "must not be empty");
        boolean armed = b.has("armed") ? b.bool("armed") : old.armed();
        double gainDb = b.has("gainDb") ? b.number("gainDb", InputSetup.MIN_GAIN_DB, InputSetup.MAX_GAIN_DB) : old.gainDb();
        ctx.json(inputs.set(new InputSetup.Input(n, name, armed, gainDb)));
    }
}
