package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * Tap tempo on the encoder, on Pi4J's mock board with the real engine on the simulated interface:
 * a long push enters it, pushes tap the tempo (heard by the tempo listeners: the song used last,
 * the metronome), turning nudges it, and another long push goes back to arming inputs.
 */
class TapTempoOnTheEncoderTest {
    @TempDir
    Path dir;

    private static final int PUSH = 24;

    /** Four pushes {@code everyMillis} apart, timed from the first (the press is its first edge). */
    private static void tapFour(Rig rig, long everyMillis) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            long due = start + i * everyMillis * 1_000_000L;
            while (System.nanoTime() < due) Thread.sleep(1);
            rig.bounce(PUSH, false);
            Thread.sleep(40);
            rig.bounce(PUSH, true);
        }
        Thread.sleep(100);
    }

    @Test
    void aLongPushEntersTapTempoPushesTapTheTempoATurnNudgesItAndAnotherLongPushLeaves() throws Exception {
        Config c = Rig.baseConfig(dir);
        long longPress = c.get(GpioKeys.LONG_PRESS_MILLIS);
        try (Rig rig = new Rig(c, new SimBackend(SimOptions.defaults()))) {
            List<Double> heard = new CopyOnWriteArrayList<>();
            rig.control.transport().addTempoListener((bpm, song) -> heard.add(bpm));
            InputArming arming = rig.control.arming();
            boolean armedBefore = arming.isArmed(arming.selected());

            rig.press(PUSH, longPress + 300);
            assertEquals(armedBefore, arming.isArmed(arming.selected()), "the long push does not toggle the input");
            assertTrue(heard.isEmpty(), "entering tap tempo sets no tempo");

            tapFour(rig, 500);
            assertEquals(3, heard.size(), "a tempo from the second tap on: " + heard);
            double tapped = heard.get(heard.size() - 1);
            assertEquals(120, tapped, 3, "four taps half a second apart are 120 BPM");
            assertEquals(armedBefore, arming.isArmed(arming.selected()), "taps do not toggle the input");

            rig.turn(2);
            Thread.sleep(100);
            assertEquals(TapTempo.clamp(tapped + 2), rig.control.transport().tappedTempoBpm(), 1e-9, "two detents clockwise: 2 BPM faster");
            int selected = arming.selected();

            rig.press(PUSH, longPress + 300);
            rig.press(PUSH, 30);
            assertFalse(armedBefore == arming.isArmed(selected), "after the second long push a push toggles the input again");
            int tapsHeard = heard.size();
            rig.turn(1);
            Thread.sleep(100);
            assertEquals(tapsHeard, heard.size(), "turning selects an input again, no tempo");
        }
    }

    @Test
    void aPauseStartsANewCountSoTheNewTempoIsNotAveragedWithTheOld() {
        TapTempo taps = new TapTempo();
        long t = 0;
        assertTrue(Double.isNaN(taps.tap(t)));
        assertEquals(120, taps.tap(t += 500_000_000L), 1e-9);
        assertEquals(120, taps.tap(t += 500_000_000L), 1e-9);
        t += TapTempo.RESET_NANOS + 1;
        assertTrue(Double.isNaN(taps.tap(t)), "after the pause the first tap only starts the count");
        assertEquals(60, taps.tap(t + 1_000_000_000L), 1e-9, "then the new tempo alone");
    }
}
