package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.drivers.sim.SimBackend;

/**
 * The overdub button on Pi4J's mock board, with the real engine on the simulated interface and the
 * service's pass recorder: a pass over the song used last from the wall, and the status LED that
 * tells a pass from a take.
 */
class OverdubButtonTest {
    @TempDir
    Path dir;

    private static final int RECORD = 17;
    private static final int OVERDUB = 16;
    private static final int STATUS = 5;

    /** Fraction of 10 ms samples the pin was lit and its rising edges over {@code millis}. */
    private static double[] trace(Rig rig, long millis) throws InterruptedException {
        int samples = 0, lit = 0, rising = 0;
        boolean prev = rig.pins.isHigh(STATUS);
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            boolean now = rig.pins.isHigh(STATUS);
            samples++;
            if (now) lit++;
            if (now && !prev) rising++;
            prev = now;
            Thread.sleep(10);
        }
        System.out.printf("status LED over %d ms: lit %.0f%%, %d rising edges%n", millis, 100.0 * lit / samples, rising);
        return new double[] {(double) lit / samples, rising};
    }

    /** A take of about {@code millis} from the record button, made into a song; returns the song. */
    private static Song songFromATake(Rig rig, long millis) throws Exception {
        rig.press(RECORD, 30);
        rig.awaitState(TransportState.RECORDING);
        TakeRef take = rig.control.transport().view().take();
        Thread.sleep(millis);
        rig.press(RECORD, 30);
        rig.awaitState(TransportState.IDLE);
        return new SongLibrary(rig.engine.settings().library()).create("Bed", take.id());
    }

    @Test
    void theOverdubButtonRecordsAPassOverTheSongUsedLastAndTheNextPressEndsIt() throws Exception {
        try (Rig rig = new Rig(Rig.baseConfig(dir), new SimBackend())) {
            assertEquals(OVERDUB, rig.config.get(GpioKeys.OVERDUB_BUTTON), "the overdub button's default pin");
            Song song = songFromATake(rig, 600);
            rig.control.transport().send(new ControlEvent.UseSong("panel", song.id()));
            rig.control.arming().setArmed(2, false);

            rig.press(OVERDUB, 30);
            rig.awaitState(TransportState.OVERDUBBING);
            Thread.sleep(700);
            rig.press(OVERDUB, 30);
            rig.awaitState(TransportState.IDLE);

            Song after = new SongLibrary(rig.engine.settings().library()).load(song.id());
            assertEquals(3, after.lanes().size(), "the bed's two lanes and the pass's new one: " + after.lanes());
            Lane pass = after.lane("in1");
            assertEquals(1, pass.passes().size());
            assertTrue(rig.control.transport().view().reason().contains("recorded"), rig.control.transport().view().reason());
            Rig.await(() -> rig.engine.status().running() && rig.engine.status().devicePresent(), 10,
                    "the recorder to have its device again after the pass");
            assertEquals(2, rig.engine.library().list().size(), "the bed's take and the pass's take");
        }
    }

    @Test
    void whileAPassRecordsTheStatusLedFlickersWhereATakeHoldsItSolid() throws Exception {
        try (Rig rig = new Rig(Rig.baseConfig(dir), new SimBackend())) {
            Song song = songFromATake(rig, 600);
            rig.control.transport().send(new ControlEvent.UseSong("panel", song.id()));
            rig.press(OVERDUB, 30);
            rig.awaitState(TransportState.OVERDUBBING);
            double[] overdub = trace(rig, 1500);
            rig.press(OVERDUB, 30);
            rig.awaitState(TransportState.IDLE);
            // 2 Hz, dark 100 ms of every 500: about 80 % lit and a rising edge every half second.
            assertTrue(overdub[0] > 0.6 && overdub[0] < 0.95, "mostly lit: " + overdub[0]);
            assertTrue(overdub[1] >= 2, "it flickers: " + overdub[1] + " rising edges in 1.5 s");

            rig.press(RECORD, 30);
            rig.awaitState(TransportState.RECORDING);
            double[] take = trace(rig, 600);
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.IDLE);
            assertEquals(1.0, take[0], "a take holds the LED solid");
            assertEquals(0.0, take[1]);
        }
    }

    @Test
    void withNoSongUsedYetTheOverdubButtonRecordsNothingAndSaysWhy() throws Exception {
        try (Rig rig = new Rig(Rig.baseConfig(dir), new SimBackend())) {
            assertNull(rig.control.transport().lastSongId());
            String why = rig.control.transport().submit(new ControlEvent.OverdubToggle("button"));
            assertTrue(why != null && why.contains("no song"), "the refusal names the cause: " + why);
            rig.press(OVERDUB, 30);
            Thread.sleep(200);
            assertEquals(TransportState.IDLE, rig.state());
            assertEquals(List.of(), rig.engine.library().list());
        }
    }

    @Test
    void theOverdubPatternIsLitFourFifthsOfEveryHalfSecond() {
        assertEquals(LedPattern.OVERDUB, LedPattern.of(TransportState.OVERDUBBING, false));
        int lit = 0;
        for (long ms = 0; ms < 1000; ms++) if (LedPattern.OVERDUB.lit(ms)) lit++;
        assertEquals(800, lit);
        assertTrue(!LedPattern.OVERDUB.lit(0) && !LedPattern.OVERDUB.lit(500) && LedPattern.OVERDUB.lit(100));
    }
}
