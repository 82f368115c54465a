package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * The GPIO front panel on Pi4J's mock board driving the real engine on the simulated interface:
 * what a person at the wall gets from the button, the marker button and the encoder.
 */
class FrontPanelTest {
    @TempDir
    Path dir;

    private static final int RECORD = 17;
    private static final int MARKER = 27;
    private static final int PUSH = 24;

    private static SimBackend index() {
        return new SimBackend(SimOptions.defaults().withSignals(SimSignal.INDEX));
    }

    private static long indexAt(RiffReader r, long i) {
        return r.sampleS32(i) >> 8; // 24-bit files
    }

    @Test
    void aBouncingPressStartsATakeAndTheNextPressStopsIt() throws Exception {
        try (Rig rig = new Rig(Rig.baseConfig(dir), index())) {
            rig.press(RECORD, 50);
            rig.awaitState(TransportState.RECORDING);
            TakeRef take = rig.control.transport().view().take();
            Thread.sleep(300);
            rig.press(RECORD, 50);
            rig.awaitState(TransportState.IDLE);
            TakeInfo info = TakeJson.read(take.folder());
            assertEquals(TakeInfo.COMPLETE, info.state);
            assertEquals("button", info.source);
            assertEquals(1, rig.engine.library().list().size(), "one press, one take: the bounce started nothing else");
        }
    }

    @Test
    void theTakesFirstSampleAfterThePreRollIsWithinOnePeriodPlusTheDebounceOfThePress() throws Exception {
        Config c = Rig.baseConfig(dir).with(RecordingKeys.PRE_ROLL_SECONDS, 0.5);
        try (Rig rig = new Rig(c, index())) {
            Thread.sleep(800);
            long pinNanos = System.nanoTime();
            rig.pins.drive(RECORD, false);
            rig.awaitState(TransportState.RECORDING);
            rig.pins.drive(RECORD, true);
            TakeRef take = rig.control.transport().view().take();
            Thread.sleep(200);
            rig.control.transport().send(new ControlEvent.Stop("test"));
            rig.awaitState(TransportState.IDLE);

            TakeInfo info = TakeJson.read(take.folder());
            long pressFrame = info.startFrame + info.preRollFrames;
            RiffReader r = new RiffReader(take.folder().resolve(info.tracks.get(0).file()));
            assertEquals(SimSignal.indexValue(0, pressFrame, 24), indexAt(r, info.preRollFrames),
                    "the sample after the pre-roll is the one captured at the press");
            int period = c.get(RecordingKeys.PERIOD_FRAMES);
            long debounceFrames = c.get(GpioKeys.DEBOUNCE_MILLIS) * 48L;
            // The truth is the simulated device's own clock at the moment the pin moved (no overruns
            // here, so ring frames are device frames), not the frames read so far, which lag it by
            // up to a period plus the capture thread's scheduling delay.
            long latency = pressFrame - rig.sim.lastCapture().deviceFrameAt(pinNanos);
            System.out.printf("press to take: %d frames (%.1f ms); bound: period %d + debounce %d frames (%.1f ms)%n",
                    latency, latency / 48.0, period, debounceFrames, (period + debounceFrames) / 48.0);
            // The take is anchored at the contact's first edge (not at the end of the debounce), so
            // the press maps to within about one period of the frame the device captured then.
            assertTrue(latency >= -period, "the take starts before the press: " + latency);
            assertTrue(latency <= period + debounceFrames, "press to take took " + latency + " frames");
        }
    }

    @Test
    void aTakeStartedByTheButtonHoldsThePreRollSampleContinuously() throws Exception {
        Config c = Rig.baseConfig(dir).with(RecordingKeys.PRE_ROLL_SECONDS, 1.0);
        try (Rig rig = new Rig(c, index())) {
            Thread.sleep(1500);
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.RECORDING);
            TakeRef take = rig.control.transport().view().take();
            Thread.sleep(400);
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.IDLE);

            TakeInfo info = TakeJson.read(take.folder());
            assertEquals(48000, info.preRollFrames, "a full second before the press");
            for (int ch = 0; ch < 2; ch++) {
                RiffReader r = new RiffReader(take.folder().resolve(info.tracks.get(ch).file()));
                assertTrue(r.frames() > info.preRollFrames + 48000 * 3 / 10);
                for (long i = 0; i < r.frames(); i++) {
                    long want = SimSignal.indexValue(ch, info.startFrame + i, 24);
                    if (indexAt(r, i) != want) {
                        throw new AssertionError("channel " + (ch + 1) + " frame " + i + " (pre-roll ends at " + info.preRollFrames
                                + "): " + indexAt(r, i) + ", expected " + want);
                    }
                }
            }
        }
    }

    @Test
    void markerButtonPressesAreCuePointsInEveryTrackAndInTakeJson() throws Exception {
        try (Rig rig = new Rig(Rig.baseConfig(dir), index())) {
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.RECORDING);
            TakeRef take = rig.control.transport().view().take();
            Thread.sleep(200);
            rig.press(MARKER, 30);
            Thread.sleep(200);
            rig.press(MARKER, 30);
            Thread.sleep(200);
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.IDLE);

            TakeInfo info = TakeJson.read(take.folder());
            List<TakeInfo.Marker> buttonMarkers = info.markers.stream().filter(m -> m.source().equals("button")).toList();
            assertEquals(2, buttonMarkers.size(), info.markers.toString());
            for (TakeInfo.Track t : info.tracks) {
                List<RiffReader.Cue> cues = new RiffReader(take.folder().resolve(t.file())).cues();
                assertEquals(2, cues.size());
                for (int i = 0; i < 2; i++) {
                    assertEquals("marker (button)", cues.get(i).label());
                    assertEquals(buttonMarkers.get(i).frame(), cues.get(i).sampleOffset());
                }
                long apart = cues.get(1).sampleOffset() - cues.get(0).sampleOffset();
                assertTrue(apart > 48000 / 10, "the two presses 0.2 s apart are " + apart + " frames apart");
            }
        }
    }

    @Test
    void aLongPressOfTheMarkerButtonArmsAutoRecordAndAnotherDisarmsIt() throws Exception {
        Config c = Rig.baseConfig(dir).with(GpioKeys.LONG_PRESS_MILLIS, 400);
        try (Rig rig = new Rig(c, index())) {
            rig.press(MARKER, 600);
            assertEquals(TransportState.WAITING, rig.state());
            rig.press(MARKER, 100);
            assertEquals(TransportState.WAITING, rig.state(), "a short press only drops a marker (ignored while idle)");
            rig.press(MARKER, 600);
            assertEquals(TransportState.IDLE, rig.state());
            assertEquals(0, rig.engine.library().list().size(), "no take came from the long presses");
        }
    }

    @Test
    void theEncoderSelectsAnInputPushAndTurnSetsItsGainAndAPushDisarmsIt() throws Exception {
        Config c = Rig.baseConfig(dir);
        try (Rig rig = new Rig(c, new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE)))) {
            rig.turn(1);
            assertEquals(2, rig.control.arming().selected());
            rig.turn(-3);
            assertEquals(1, rig.control.arming().selected(), "selection wraps around the inputs");
            rig.turn(1);

            rig.bounce(PUSH, false);
            Thread.sleep(c.get(GpioKeys.DEBOUNCE_MILLIS) * 3L);
            rig.turn(-6);
            rig.bounce(PUSH, true);
            Thread.sleep(c.get(GpioKeys.DEBOUNCE_MILLIS) * 3L);
            assertTrue(rig.control.arming().isArmed(2), "push-and-turn changes gain, not arming");
            Thread.sleep(100);
            MeterSnapshot m = new MeterSnapshot(2);
            rig.engine.readMeters(m);
            assertEquals(-6.0, m.peakDbfs[0], 0.3, "input 1 untouched");
            assertEquals(-12.0, m.peakDbfs[1], 0.3, "input 2 turned down 6 dB");

            rig.press(PUSH, 30);
            assertTrue(!rig.control.arming().isArmed(2));
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.RECORDING);
            TakeRef take = rig.control.transport().view().take();
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.IDLE);
            TakeInfo info = TakeJson.read(take.folder());
            assertEquals(1, info.tracks.size());
            assertEquals(1, info.tracks.get(0).input());
        }
    }

    @Test
    void twoFunctionsOnOnePinStopTheStartWithAnErrorNamingThePin() throws Exception {
        Config c = Rig.baseConfig(dir).with(GpioKeys.CLIP_LED, 17);
        try (org.taperoom.appliance.recording.engine.RecordingEngine engine = RecordingSetup.engine(c, index())) {
            org.taperoom.drivers.gpio.GpioException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.taperoom.drivers.gpio.GpioException.class, () -> ControlService.start(engine, c, InputGain.NONE));
            assertEquals("GPIO BCM 17 is configured twice: for the record button and the clip LED", e.getMessage());
        }
    }
}
