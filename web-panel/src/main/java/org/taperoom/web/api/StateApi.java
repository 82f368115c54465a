package org.taperoom.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportView;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.publish.UploadService;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.web.publish.UploadDocs;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.Person;
import org.taperoom.web.takes.Owners;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.Route;

/**
 * {@code GET /api/state}: the transport and the engine at a glance. Without a login (a kiosk's
 * status screen) only how the transport is doing: state, elapsed time and recording time left;
 * the reason, the take and the device, which name the library's takes, need the session.
 */
public final class StateApi {
    /** What anyone on the network may read. */
    static final List<String> PUBLIC_KEYS = List.of("state", "elapsedSeconds", "freeDiskSeconds");

    private final Transport transport;
    private final Recorder recorder;
    /** The service's publisher, or null when nothing is published. */
    private final UploadService uploads;
    private final Supplier<PlaybackService.Gaps> playbackGaps;

    /**
     * @param uploads the service's publisher, or null
     * @param playbackGaps the playback engine's gaps since the service started
     */
    public StateApi(Transport transport, Recorder recorder, UploadService uploads, Supplier<PlaybackService.Gaps> playbackGaps) {
        this.transport = transport;
        this.recorder = recorder;
        this.uploads = uploads;
        this.playbackGaps = playbackGaps;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/state", Access.PUBLIC, this::get,
                "Without a session: state (idle, recording, stopping, waiting, error), elapsedSeconds and freeDiskSeconds only. "
                        + "With one also the reason, the take being recorded, the device and its format, overruns, the last error, "
                        + "the playback's underruns and starved periods since the service started, and uploads "
                        + "(queued, queuedBytes, failing, inFlight {file, bytes, totalBytes}, bytesPerSecond, done, failed, lastError; null when nothing is published).").students());
    }

    private void get(Context ctx) {
        if (ctx.attribute(Guard.SESSION_ATTRIBUTE) != null) {
            ctx.json(state(Guard.person(ctx)));
            return;
        }
        Map<String, Object> full = state();
        Map<String, Object> open = new LinkedHashMap<>();
        for (String key : PUBLIC_KEYS) open.put(key, full.get(key));
        ctx.json(open);
    }

    /**
     * The state as {@code p} may see it: a take another student records is not named to a student
     * (neither its id nor a reason, which may name it); they see only that the room is recording.
     */
    public Map<String, Object> state(Person p) {
        Map<String, Object> m = state();
        TakeRef take = transport.view().take();
        boolean theirs = take != null && p.maySee(Owners.ofFolder(take.folder()));
        if (take != null && !theirs) m.put("take", null);
        // The reason names takes ("take … finalized") long after they end: a student reads it only about their own.
        if (!p.isTeacher() && !theirs) m.put("reason", "");
        return m;
    }

    /** The state document, whole (a teacher's); with {@code type}, the WebSocket {@code state} message. */
    public Map<String, Object> state() {
        TransportView v = transport.view();
        RecorderStatus s = recorder.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", v.state().wireName());
        m.put("reason", v.reason() == null ? "" : v.reason());
        m.put("sinceMillis", v.sinceMillis());
        m.put("take", v.take() == null ? null : v.take().id());
        m.put("elapsedSeconds", s.rateHz() > 0 ? (double) s.takeFrames() / s.rateHz() : 0.0);
        m.put("freeDiskSeconds", s.freeDiskSeconds());
        m.put("device", s.device());
        m.put("devicePresent", s.devicePresent());
        m.put("channels", s.channels());
        m.put("rateHz", s.rateHz());
        m.put("bits", s.bits());
        m.put("overruns", s.overruns());
        m.put("lastError", s.lastError() == null ? "" : s.lastError());
        PlaybackService.Gaps gaps = playbackGaps.get();
        m.put("playbackUnderruns", gaps.underruns());
        m.put("playbackStarvedPeriods", gaps.starvedPeriods());
        m.put("uploads", uploads == null ? null : UploadDocs.figures(uploads.figures()));
        return m;
    }

    public String stateMessage(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "state");
        m.putAll(state(p));
        try {
            return Body.JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
