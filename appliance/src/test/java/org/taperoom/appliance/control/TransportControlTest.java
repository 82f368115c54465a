package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;

/**
 * The transport's transitions alone, against a tiny in-test Recorder (the features built on them
 * are tested against the real engine in the other control tests).
 */
class TransportControlTest {
    private final ScriptedRecorder recorder = new ScriptedRecorder();
    private final List<TransportState> seen = new CopyOnWriteArrayList<>();
    private TransportControl transport;

    private TransportControl open(Config config) {
        transport = new TransportControl(recorder, config);
        transport.addListener(v -> seen.add(v.state()));
        return transport;
    }

    @AfterEach
    void close() {
        if (transport != null) transport.close();
    }

    private void awaitState(TransportState s) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (transport.view().state() != s && System.nanoTime() < end) Thread.sleep(1);
        assertEquals(s, transport.view().state());
    }

    @Test
    void aToggleStartsATakeAndTheNextStopsItThroughStopping() throws InterruptedException {
        open(Config.defaults());
        transport.send(new ControlEvent.Toggle("button"));
        assertEquals(TransportState.RECORDING, transport.view().state());
        assertEquals("button", recorder.requests.get(0).source());
        transport.send(new ControlEvent.Toggle("button"));
        awaitState(TransportState.IDLE);
        assertEquals(List.of(TransportState.RECORDING, TransportState.STOPPING, TransportState.IDLE), seen);
        assertEquals(1, recorder.stops);
    }

    @Test
    void eventsThatDoNotApplyAreIgnoredWithoutATransition() throws InterruptedException {
        open(Config.defaults());
        transport.send(new ControlEvent.Stop("panel"));
        transport.send(new ControlEvent.Marker("button", ""));
        transport.send(new ControlEvent.Reset("panel"));
        assertEquals(List.of(), seen);
        transport.send(new ControlEvent.Record("panel"));
        transport.send(new ControlEvent.Record("cli"));
        assertEquals(1, recorder.requests.size(), "record while recording is ignored");

        recorder.stopGate = new CountDownLatch(1);
        transport.send(new ControlEvent.Stop("panel"));
        assertEquals(TransportState.STOPPING, transport.view().state());
        transport.send(new ControlEvent.Record("button"));
        transport.send(new ControlEvent.Toggle("button"));
        recorder.stopGate.countDown();
        awaitState(TransportState.IDLE);
        Thread.sleep(50);
        assertEquals(1, recorder.requests.size(), "record while stopping is ignored, not queued");
        assertEquals(TransportState.IDLE, transport.view().state());
        assertEquals(List.of(TransportState.RECORDING, TransportState.STOPPING, TransportState.IDLE), seen);
    }

    @Test
    void aMarkerWhileRecordingReachesTheEngineWithItsLabel() {
        open(Config.defaults());
        transport.send(new ControlEvent.Record("panel"));
        transport.send(new ControlEvent.Marker("panel", "chorus"));
        transport.send(new ControlEvent.Marker("button", ""));
        assertEquals(List.of("chorus", "marker (button)"), recorder.markers);
    }

    @Test
    void aRefusedStartIsAnErrorWithTheEnginesReasonAndClearsWhenTheCauseIsGone() {
        open(Config.defaults());
        recorder.refuseStart = "the library has room for 2 minutes, below the minimum of 5";
        recorder.freeDiskSeconds = 120;
        transport.send(new ControlEvent.Record("button"));
        assertEquals(TransportState.ERROR, transport.view().state());
        assertEquals(recorder.refuseStart, transport.view().reason());

        transport.send(new ControlEvent.Reset("panel"));
        assertEquals(TransportState.ERROR, transport.view().state(), "reset is ignored while the disk is still full");
        transport.send(new ControlEvent.Record("button"));
        assertEquals(TransportState.ERROR, transport.view().state());

        recorder.freeDiskSeconds = 3600;
        transport.checkErrorCleared();
        assertEquals(TransportState.IDLE, transport.view().state());
    }

    @Test
    void aTakeEndedByTheEngineIsAnErrorWithItsReason() throws InterruptedException {
        open(Config.defaults());
        transport.send(new ControlEvent.Record("button"));
        recorder.devicePresent = false;
        for (RecorderListener l : recorder.listeners) {
            l.takeEnded(recorder.current, EndReason.DEVICE_GONE, "the device sim vanished");
            l.deviceChanged(false);
        }
        awaitState(TransportState.ERROR);
        assertEquals("the device sim vanished", transport.view().reason());

        recorder.devicePresent = true;
        for (RecorderListener l : recorder.listeners) l.deviceChanged(true);
        awaitState(TransportState.IDLE);
    }

    @Test
    void armingAutoRecordWaitsAndAnAutoTakeReturnsToWaiting() throws InterruptedException {
        open(Config.defaults());
        transport.send(new ControlEvent.AutoRecord("button", true));
        assertEquals(TransportState.WAITING, transport.view().state());
        transport.send(new ControlEvent.Record(TransportControl.AUTO_RECORD));
        assertTrue(transport.recordingAutoStartedTake());
        assertEquals("auto-record", recorder.requests.get(0).source());
        transport.send(new ControlEvent.Stop(TransportControl.AUTO_RECORD));
        awaitState(TransportState.WAITING);
        transport.send(new ControlEvent.AutoRecord("button", false));
        assertEquals(TransportState.IDLE, transport.view().state());
        assertEquals(List.of(TransportState.WAITING, TransportState.RECORDING, TransportState.STOPPING,
                TransportState.WAITING, TransportState.IDLE), seen);
    }

    @Test
    void autoRecordConfiguredOnStartsWaiting() {
        open(Config.defaults().with(ControlKeys.AUTO_RECORD, true));
        assertEquals(TransportState.WAITING, transport.view().state());
    }

    @Test
    void disarmedInputsAreLeftOutOfTheTakeAndNoArmedInputMeansNoTake() {
        open(Config.defaults());
        transport.arming().setArmed(1, false);
        transport.send(new ControlEvent.Record("panel"));
        assertEquals(List.of(2), recorder.requests.get(0).tracks());
        transport.send(new ControlEvent.Stop("panel"));

        TransportControl other = new TransportControl(recorder, Config.defaults());
        other.arming().setArmed(1, false);
        other.arming().setArmed(2, false);
        other.send(new ControlEvent.Record("panel"));
        assertEquals(TransportState.IDLE, other.view().state());
        other.close();
    }

    /** Just enough of a Recorder to drive transitions; takes are names, files are not written. */
    private static final class ScriptedRecorder implements Recorder {
        final List<TakeRequest> requests = new CopyOnWriteArrayList<>();
        final List<String> markers = new CopyOnWriteArrayList<>();
        final List<RecorderListener> listeners = new ArrayList<>();
        volatile String refuseStart;
        volatile long freeDiskSeconds = 36000;
        volatile boolean devicePresent = true;
        volatile CountDownLatch stopGate;
        volatile TakeRef current;
        volatile int stops;

        @Override public void start() {}

        @Override
        public TakeRef startTake(TakeRequest request) throws EngineException {
            if (refuseStart != null) throw new EngineException(refuseStart);
            requests.add(request);
            current = new TakeRef("take-" + requests.size(), Path.of("take-" + requests.size()));
            return current;
        }

        @Override
        public TakeRef stopTake() throws EngineException {
            try {
                if (stopGate != null) stopGate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stops++;
            TakeRef t = current;
            current = null;
            if (t == null) throw new EngineException("no take is recording");
            return t;
        }

        @Override public boolean addMarker(String label) { return current != null && markers.add(label); }
        @Override public void readMeters(MeterSnapshot into) {}

        @Override
        public RecorderStatus status() {
            return new RecorderStatus(true, devicePresent, "sim", 2, 48000, "24", current, 0, 0, freeDiskSeconds, "");
        }

        @Override public void addListener(RecorderListener listener) { listeners.add(listener); }
        @Override public void close() {}
    }
}
