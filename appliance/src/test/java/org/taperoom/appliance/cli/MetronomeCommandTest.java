package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taperoom.appliance.cli.Run.taperoom;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code taperoom metronome} as a user meets it: it clicks for as long as asked, and bad input gets one line and exit 2. */
class MetronomeCommandTest {
    @Test
    void theMetronomePlaysOnTheSimulatedOutputForTheSecondsAsked() {
        long started = System.nanoTime();
        Run r = taperoom("metronome", "--device", "sim", "--bpm", "92.5", "--meter", "6/8", "--subdivisions", "2", "--seconds", "0.6");
        double elapsed = (System.nanoTime() - started) / 1e9;
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("metronome: 92.5 BPM, 6/8, 2 ticks a beat, -12.0 dBFS, beep, on sim"), r.err());
        assertTrue(r.out().matches("(?s)played 0\\.[5-7] s of metronome on sim\\s*"), r.out());
        assertTrue(elapsed >= 0.55, "the simulated output plays in real time: " + elapsed + " s");
    }

    @Test
    void theMetronomeClicksInTheSoundAsked() {
        Run r = taperoom("metronome", "--device", "sim", "--bpm", "100", "--sound", "wood", "--level-db", "-18", "--seconds", "0.3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("metronome: 100 BPM, 4/4, 1 tick a beat, -18.0 dBFS, wood, on sim"), r.err());
    }

    @Test
    void badInputGetsOneLineNamingWhatIsWrongAndExitTwo() {
        for (String[] argv : List.of(
                new String[] {"metronome"},
                new String[] {"metronome", "--device", "sim", "--bpm", "400"},
                new String[] {"metronome", "--device", "sim", "--meter", "5/3"},
                new String[] {"metronome", "--device", "sim", "--meter", "four"},
                new String[] {"metronome", "--device", "sim", "--subdivisions", "9"},
                new String[] {"metronome", "--device", "sim", "--level-db", "3"},
                new String[] {"metronome", "--device", "sim", "--sound", "cowbell"},
                new String[] {"metronome", "--device", "sim:colour=red", "--seconds", "1"})) {
            Run r = taperoom(argv);
            assertEquals(2, r.status(), String.join(" ", argv) + ": " + r.err());
            String err = r.err().strip();
            assertFalse(err.contains("\n") || err.contains("Exception"), "one line, no stack trace: " + err);
            assertFalse(err.isEmpty());
            if (argv.length > 3 && argv[3].equals("--sound")) assertTrue(err.contains("beep, wood or stick"), err);
        }
    }
}
