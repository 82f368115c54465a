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
            Rig.Trace overdub = rig.trace(STATUS, 1500);
            rig.press(OVERDUB, 30);
            rig.awaitState(TransportState.IDLE);
            // 2 Hz, dark 100 ms of every 500: about 80 % lit and a rising edge every half second.
            assertTrue(overdub.litFraction() > 0.6 && overdub.litFraction() < 0.95, "mostly lit: " + overdub);
            assertTrue(overdub.risingEdges() >= 2, "it flickers: " + overdub);

            rig.press(RECORD, 30);
            rig.awaitState(TransportState.RECORDING);
            Rig.Trace take = rig.trace(STATUS, 600);
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.IDLE);
            assertEquals(1.0, take.litFraction(), "a take holds the LED solid");
            assertEquals(0, take.risingEdges());
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
