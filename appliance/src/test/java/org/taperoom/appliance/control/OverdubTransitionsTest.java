package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;

/**
 * The transport's overdub transitions alone, against an in-test pass recorder that ends its passes
 * when the test says (the real pass is tested in OverdubButtonTest and the panel's song tests).
 */
class OverdubTransitionsTest {
    /** Records what it was asked and hands the test each pass's end. */
    static final class HeldPasses implements PassRecorder {
        final List<Request> started = new CopyOnWriteArrayList<>();
        final List<Consumer<String>> ends = new CopyOnWriteArrayList<>();
        int stops;
        String refusal;

        @Override
        public void start(Request request, Consumer<String> ended) throws EngineException {
            if (refusal != null) throw new EngineException(refusal);
            started.add(request);
            ends.add(ended);
        }

        @Override
        public void stop() {
            stops++;
        }
    }

    private final HeldPasses passes = new HeldPasses();
    private final List<TransportState> seen = new CopyOnWriteArrayList<>();
    private RecordingEngine engine;
    private TransportControl transport;

    private TransportControl open() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("taperoom-overdub-");
        Config config = Recordings.config(dir, 2, 48000, "24");
        engine = RecordingSetup.engine(config, new SimBackend());
        transport = new TransportControl(engine, config, passes);
        transport.addListener(v -> seen.add(v.state()));
        return transport;
    }

    @AfterEach
    void close() {
        if (transport != null) transport.close();
        if (engine != null) engine.close();
    }

    @Test
    void aStopWhileOverdubbingEndsThePassAndTheTransportRestsOnlyWhenThePassIsFinal() throws Exception {
        open();
        assertNull(transport.submit(new ControlEvent.Overdub("panel", "song-a", List.of(1), List.of("vox"))));
        assertEquals(TransportState.OVERDUBBING, transport.view().state());
        assertEquals("song-a", passes.started.get(0).songId());
        assertEquals(List.of("vox"), passes.started.get(0).lanes());

        assertNull(transport.submit(new ControlEvent.Stop("panel")));
        assertEquals(TransportState.STOPPING, transport.view().state(), "stopping until the pass's files are final");
        assertEquals(1, passes.stops);
        passes.ends.get(0).accept(null);
        assertEquals(TransportState.IDLE, transport.view().state());
        assertTrue(transport.view().reason().contains("pass over song song-a recorded"), transport.view().reason());
        assertEquals(List.of(TransportState.OVERDUBBING, TransportState.STOPPING, TransportState.IDLE), seen);
    }

    @Test
    void whileAPassRecordsATakeAnotherPassAndAMarkerAreRefusedWithTheirReason() throws Exception {
        open();
        transport.send(new ControlEvent.Overdub("panel", "song-a", List.of(1), List.of()));
        assertEquals("a pass is being recorded: stop it first", transport.submit(new ControlEvent.Overdub("panel", "song-b", List.of(2), List.of())));
        assertTrue(transport.submit(new ControlEvent.Record("button")).contains("overdubbing"));
        assertTrue(transport.submit(new ControlEvent.Marker("button", "")) != null);
        assertEquals(1, passes.started.size());
        assertEquals(TransportState.OVERDUBBING, transport.view().state());
    }

    @Test
    void theOverdubButtonUsesTheSongUsedLastAndTheArmedInputsAndItsNextPressEndsThePass() throws Exception {
        open();
        transport.arming().setArmed(1, false);
        transport.send(new ControlEvent.UseSong("panel", "song-c"));
        transport.send(new ControlEvent.OverdubToggle("button"));
        assertEquals("song-c", passes.started.get(0).songId());
        assertEquals(List.of(2), passes.started.get(0).inputs());
        transport.send(new ControlEvent.OverdubToggle("button"));
        assertEquals(TransportState.STOPPING, transport.view().state());
        assertEquals(1, passes.stops);
    }

    @Test
    void aPassThatFailsLeavesTheTransportRestingWithTheReasonAndALateEndOfAnEarlierPassMovesNothing() throws Exception {
        open();
        transport.send(new ControlEvent.Overdub("panel", "song-a", List.of(1), List.of()));
        passes.ends.get(0).accept("the song stopped playing");
        assertEquals(TransportState.IDLE, transport.view().state());
        assertTrue(transport.view().reason().contains("failed: the song stopped playing"));

        transport.send(new ControlEvent.Overdub("panel", "song-a", List.of(1), List.of()));
        passes.ends.get(0).accept(null); // the first pass's end, again and late
        assertEquals(TransportState.OVERDUBBING, transport.view().state(), "the second pass still runs");

        passes.refusal = "song song-x is at 44100 Hz";
        transport.send(new ControlEvent.Stop("panel"));
        passes.ends.get(1).accept(null);
        String why = transport.submit(new ControlEvent.Overdub("panel", "song-x", List.of(1), List.of()));
        assertEquals("song song-x is at 44100 Hz", why, "a refused pass says why and changes nothing");
        assertEquals(TransportState.IDLE, transport.view().state());
        assertEquals(new ArrayList<>(List.of(TransportState.OVERDUBBING, TransportState.IDLE, TransportState.OVERDUBBING,
                TransportState.STOPPING, TransportState.IDLE)), new ArrayList<>(seen));
    }
}
