package org.taperoom.web.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.web.school.Quota;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.Person;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.Owners;

/**
 * Record, stop and markers: each is one {@link ControlEvent} to the transport (source "panel"),
 * exactly what a GPIO button sends; the panel never drives the engine itself. The answer is the
 * state after the event (202: the transport may still be getting there).
 */
public final class TransportApi {
    private static final String SOURCE = "panel";
    private final Transport transport;
    private final StateApi state;

    /** Each student's share; a student whose quota is used up cannot start a take (409). */
    private final Quota quota;

    public TransportApi(Transport transport, StateApi state, Quota quota) {
        this.transport = transport;
        this.state = state;
        this.quota = quota;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/transport/record", Access.CHANGE, this::record, "Start a take (ignored unless idle or waiting); answers the state.").students(),
                Route.post("/api/transport/stop", Access.CHANGE, this::stop, "Stop the take (ignored unless recording); answers the state.").students(),
                Route.post("/api/transport/auto-record", Access.CHANGE, this::autoRecord, "Arm or disarm auto-record: {\"armed\": true|false}.").teachers(),
                Route.post("/api/transport/reset", Access.CHANGE, this::reset, "Leave the error state once its cause is gone.").teachers(),
                Route.post("/api/markers", Access.CHANGE, this::marker, "Drop a marker at the current position of the take being recorded: {\"label\": \"…\"} (optional).").students());
    }

    private void record(Context ctx) throws java.io.IOException {
        Person p = Guard.person(ctx);
        if (p.isStudent() && quota.limited() && quota.leftSeconds(p.id(), null) < 1) {
            throw ApiError.conflict("quota: your takes hold all " + Math.round(quota.limitSeconds() / 60)
                    + " minutes you may keep; delete some or ask a teacher");
        }
        // The source is written into take.json: it is what makes the take this student's.
        transport.send(new ControlEvent.Record(Owners.source(p, SOURCE)));
        ctx.status(202).json(state.state(Guard.person(ctx)));
    }

    private void stop(Context ctx) {
        requireOwnTake(ctx, "stop");
        transport.send(new ControlEvent.Stop(SOURCE));
        ctx.status(202).json(state.state(Guard.person(ctx)));
    }

    private void autoRecord(Context ctx) {
        Body b = Body.of(ctx, Set.of("armed"));
        transport.send(new ControlEvent.AutoRecord(SOURCE, b.bool("armed")));
        ctx.status(202).json(state.state(Guard.person(ctx)));
    }

    private void reset(Context ctx) {
        transport.send(new ControlEvent.Reset(SOURCE));
        ctx.status(202).json(state.state(Guard.person(ctx)));
    }

    private void marker(Context ctx) {
        String label = "";
        if (ctx.bodyAsBytes().length > 0) {
            Body b = Body.of(ctx, Set.of("label"));
            if (b.has("label")) label = b.text("label", 80);
        }
        if (transport.view().state() != TransportState.RECORDING) {
            throw ApiError.conflict("no take is being recorded: markers go into a running take");
        }
        requireOwnTake(ctx, "mark");
        transport.send(new ControlEvent.Marker(SOURCE, label));
        ctx.status(202).json(java.util.Map.of("label", label));
    }

    /** A student changes only their own take: stopping or marking another student's (or a teacher's) is refused. */
    private void requireOwnTake(Context ctx, String what) {
        Person p = Guard.person(ctx);
        TakeRef take = transport.view().take();
        if (p.isStudent() && take != null && !p.maySee(Owners.ofFolder(take.folder()))) {
            throw ApiError.conflict("the take being recorded is not yours to " + what);
        }
    }
}
