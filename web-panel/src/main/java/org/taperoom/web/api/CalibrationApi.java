package org.taperoom.web.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.PassRecorder;
import org.taperoom.appliance.control.Transport;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The round-trip calibration from the panel: one {@link ControlEvent.Calibrate} to the transport,
 * which runs it on the service's interface (state {@code calibrating}, then idle again, over
 * {@code /ws}); and what the round trip passes are placed with stands on now, for the interface's
 * current device, rate, period and buffer: a stored measurement or the driver's estimate.
 */
public final class CalibrationApi {
    private static final String SOURCE = "panel";
    private final Transport transport;

    public CalibrationApi(Transport transport) {
        this.transport = transport;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/calibration", Access.SESSION, this::get,
                        "The round trip overdubs are placed with for the current device, rate, period and buffer: {available, device, rateHz, periodFrames, bufferPeriods, calibrated, roundTripFrames, roundTripMs, spreadFrames, source, running, lastProblem}; calibrated false: the delays the driver reports are used.").teachers(),
                Route.post("/api/calibration", Access.CHANGE, this::calibrate,
                        "Measure the round trip through a loopback from an output to an input and store it for the current settings: {\"output\": 1, \"input\": 1} (both optional); 202 while it runs (state calibrating), 409 while a take or pass records.").teachers());
    }

    private void get(Context ctx) {
        ctx.json(doc(transport.calibration()));
    }

    private void calibrate(Context ctx) {
        int output = 1;
        int input = 1;
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("output", "input"));
            if (b.has("output")) output = whole(b, "output");
            if (b.has("input")) input = whole(b, "input");
        }
        if (transport.calibration() == null) throw ApiError.conflict("calibration is not available here: this appliance records no overdubs");
        String refused = transport.submit(new ControlEvent.Calibrate(SOURCE, output, input));
        if (refused != null) throw ApiError.conflict(refused);
        ctx.status(202).json(doc(transport.calibration()));
    }

    private static int whole(Body b, String field) {
        double v = b.number(field, 1, 64);
        if (v != Math.rint(v)) throw ApiError.badRequest(field, "a whole number from 1 to 64, got " + v);
        return (int) v;
    }

    private static Map<String, Object> doc(PassRecorder.Calibration c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("available", c != null);
        if (c == null) return d;
        d.put("device", c.device());
        d.put("rateHz", c.rateHz());
        d.put("periodFrames", c.periodFrames());
        d.put("bufferPeriods", c.bufferPeriods());
        d.put("calibrated", c.calibrated());
        d.put("roundTripFrames", c.roundTripFrames());
        d.put("roundTripMs", Math.round(c.roundTripFrames() * 1_000_000.0 / c.rateHz()) / 1000.0);
        d.put("spreadFrames", c.spreadFrames());
        d.put("source", c.source());
        d.put("running", c.running());
        d.put("lastProblem", c.lastProblem());
        return d;
    }
}
