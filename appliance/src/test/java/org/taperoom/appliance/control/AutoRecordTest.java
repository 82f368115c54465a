package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * Auto-record on the real engine with a scripted signal: the simulated interface's sines, silenced
 * and opened by its input gains at known capture positions.
 */
class AutoRecordTest {
    private static final int RATE = 48000;

    @TempDir
    Path dir;

    private Config config(int startMillis, double stopSeconds) {
        return Rig.baseConfig(dir)
                .with(ControlKeys.AUTO_RECORD, true)
                .with(ControlKeys.AUTO_START_DBFS, -30.0)
                .with(ControlKeys.AUTO_START_MILLIS, startMillis)
                .with(ControlKeys.AUTO_STOP_DBFS, -45.0)
                .with(ControlKeys.AUTO_STOP_SECONDS, stopSeconds)
                .with(RecordingKeys.PRE_ROLL_SECONDS, 2.0);
    }

    private static SimBackend silentSines() {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE));
        sim.gains().setLinear(0, 0f);
        sim.gains().setLinear(1, 0f);
        return sim;
    }

    @Test
    void aSignalHeldLongEnoughStartsATakeThatKeepsItsAttackAndSilenceStopsIt() throws Exception {
        try (Rig rig = new Rig(config(300, 0.6), silentSines())) {
            assertEquals(TransportState.WAITING, rig.state());
            Thread.sleep(2200);
            assertEquals(0, rig.engine.library().list().size(), "silence starts nothing");

            long onFrame = rig.engine.captureFrame();
            rig.sim.gains().setLinear(1, 1f); // input 2: a -6 dBFS sine from the next period
            rig.awaitState(TransportState.RECORDING);
            TakeRef take = rig.control.transport().view().take();
            Thread.sleep(500);
            long offFrame = rig.engine.captureFrame();
            rig.sim.gains().setLinear(1, 0f);
            rig.awaitState(TransportState.WAITING);

            TakeInfo info = TakeJson.read(take.folder());
            assertEquals("auto-record", info.source, "auto-started takes are marked as such");
            RiffReader track2 = new RiffReader(take.folder().resolve(info.tracks.get(1).file()));
            long onset = -1;
            for (long i = 0; i < track2.frames() && onset < 0; i++) if (track2.sampleS32(i) != 0) onset = i;
            long onsetFrame = info.startFrame + onset;
            long pressFrame = info.startFrame + info.preRollFrames;
            System.out.printf("auto-record: signal at frame %d, take started at %d (%.0f ms later), attack at file frame %d%n",
                    onsetFrame, pressFrame, (pressFrame - onsetFrame) * 1000.0 / RATE, onset);
            assertTrue(onset > 0, "the take holds silence before the attack, so the attack is whole");
            assertTrue(onsetFrame >= onFrame && onsetFrame <= onFrame + 3 * 256, "the attack is where the gain opened");
            assertTrue(pressFrame - onsetFrame >= 300 * RATE / 1000 - 256, "started only after 300 ms of signal");

            long endFrame = info.startFrame + info.frames;
            long quietFrames = endFrame - offFrame;
            System.out.printf("auto-record: silence from frame %d, take ended %.0f ms later (autoRecordStopSeconds 0.6)%n",
                    offFrame, quietFrames * 1000.0 / RATE);
            assertTrue(quietFrames >= 0.6 * RATE - 2 * 256, "stopped before 0.6 s of silence: " + quietFrames);
            assertTrue(quietFrames <= 0.6 * RATE + RATE, "kept recording long after the silence: " + quietFrames);
        }
    }

    @Test
    void aBurstShorterThanTheMinimumTimeStartsNothing() throws Exception {
        try (Rig rig = new Rig(config(500, 0.6), silentSines())) {
            Thread.sleep(300);
            long burstFrames = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3 && burstFrames > 250 * RATE / 1000; attempt++) {
                long on = rig.engine.captureFrame();
                rig.sim.gains().setLinear(0, 1f);
                Thread.sleep(60);
                rig.sim.gains().setLinear(0, 0f);
                burstFrames = rig.engine.captureFrame() - on;
                Thread.sleep(1000);
            }
            System.out.printf("auto-record: a burst of about %.0f ms against a 500 ms minimum%n", burstFrames * 1000.0 / RATE);
            assertTrue(burstFrames <= 250 * RATE / 1000, "this machine could not make a burst shorter than 250 ms");
            assertEquals(TransportState.WAITING, rig.state());
            assertEquals(0, rig.engine.library().list().size());
        }
    }

    @Test
    void aTakeStartedByHandWhileArmedIsNotStoppedBySilence() throws Exception {
        try (Rig rig = new Rig(config(300, 0.3), silentSines())) {
            rig.control.transport().send(new ControlEvent.Record("panel"));
            assertEquals(TransportState.RECORDING, rig.state());
            Thread.sleep(1200);
            assertEquals(TransportState.RECORDING, rig.state(), "silence only stops takes auto-record started");
            rig.control.transport().send(new ControlEvent.Stop("panel"));
            rig.awaitState(TransportState.WAITING);
        }
    }
}
