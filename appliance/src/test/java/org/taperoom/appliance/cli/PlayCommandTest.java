package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.testing.TestAudio;

/** {@code taperoom play} as a user meets it: it plays for as long as asked, and bad input gets one line and exit 2. */
class PlayCommandTest {
    private record Run(int status, String out, String err) {}

    private static synchronized Run taperoom(String... argv) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true); PrintStream e = new PrintStream(err, true)) {
            System.setOut(o);
            System.setErr(e);
            int status = Main.run(List.of(argv), o, e);
            return new Run(status, out.toString(), err.toString());
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    private static Path take(Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, 48000, List.of("tone"), List.of(TestAudio.sine(48000, 440, 0.2, 3)));
        return take;
    }

    @Test
    void aTakePlaysOnTheSimulatedOutputForTheSecondsAskedFromWhereAsked(@TempDir Path dir) throws Exception {
        Path take = take(dir);
        long started = System.nanoTime();
        Run r = taperoom("play", "--take", take.toString(), "--device", "sim", "--from", "1", "--seconds", "0.5");
        double elapsed = (System.nanoTime() - started) / 1e9;
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("played take from 00:01.0 to 00:01.5"), r.out());
        assertTrue(r.err().contains("no render yet"), "says that nothing normalises it: " + r.err());
        assertTrue(elapsed >= 0.45, "the simulated output plays in real time: " + elapsed + " s");
    }

    @Test
    void badInputGetsOneLineNamingWhatIsWrongAndExitTwo(@TempDir Path dir) throws Exception {
        Path take = take(dir);
        for (String[] argv : List.of(
                new String[] {"play", "--device", "sim"},
                new String[] {"play", "--take", take.toString()},
                new String[] {"play", "--take", dir.resolve("nope").toString(), "--device", "sim"},
                new String[] {"play", "--take", take.toString(), "--device", "sim", "--from", "99"},
                new String[] {"play", "--take", take.toString(), "--device", "sim", "--seconds", "-1"},
                new String[] {"play", "--take", take.toString(), "--device", "sim:colour=red"})) {
            Run r = taperoom(argv);
            assertEquals(2, r.status(), String.join(" ", argv) + ": " + r.err());
            String err = r.err().strip();
            assertFalse(err.contains("\n") || err.contains("Exception"), "one line, no stack trace: " + err);
            assertFalse(err.isEmpty());
        }
    }
}
