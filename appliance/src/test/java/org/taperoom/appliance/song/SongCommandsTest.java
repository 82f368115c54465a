package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taperoom song} and {@code taperoom overdub} on the command line, run in-process. */
class SongCommandsTest {
    @TempDir
    Path library;

    @Test
    void aSongMadeFromATakeGetsAnOverdubbedPassWhoseTakeFolderIsPrintedLast() throws Exception {
        String take = SongRig.take(library, "101500-rehearsal", List.of("drums", "bass"),
                List.of(SongRig.noise(4800, 0.2, 1), SongRig.noise(4800, 0.2, 2)));
        Object[] made = SongRenderTest.taperoom("song", "new", "--library", library.toString(), "--name", "Night Bus", "--from-take", take);
        assertEquals(0, made[0], (String) made[2]);
        assertTrue(((String) made[1]).startsWith("song night-bus: 2 lane(s) at 48000 Hz"), (String) made[1]);

        Object[] dub = SongRenderTest.taperoom("overdub", "--library", library.toString(), "--song", "night-bus", "--inputs", "1",
                "--lanes", "vox", "--seconds", "0.1", "--device", "sim:unpaced,loopback=37", "--minFreeMinutes", "0");
        assertEquals(0, dub[0], (String) dub[2]);
        List<String> lines = ((String) dub[1]).lines().toList();
        Path folder = Path.of(lines.get(lines.size() - 1));
        assertTrue(Files.isRegularFile(folder.resolve("01-vox.wav")), "the last line is the pass's take folder: " + folder);
        assertTrue(((String) dub[2]).contains("round trip: 37 frames (uncalibrated: the simulator's loopback option)"), (String) dub[2]);
        Song s = new SongLibrary(library).load("night-bus");
        assertEquals(folder.getFileName().toString(), s.lane("vox").activePass().take().substring(11));

        Object[] list = SongRenderTest.taperoom("song", "list", "--library", library.toString());
        assertEquals("night-bus\tNight Bus\t3 lane(s)\tdrums (1), bass (1), vox (1)\n", list[1]);

        Object[] pick = SongRenderTest.taperoom("song", "pass", "--library", library.toString(), "--song", "night-bus", "--lane", "vox", "--pass", "2");
        assertEquals(2, pick[0]);
        assertTrue(((String) pick[2]).equals("taperoom song: --pass 2: expected an integer from 1 to 1\n"), (String) pick[2]);
    }

    @Test
    void overdubPunchesAndLoopsFromItsFlagsAndPrintsEachCycle() throws Exception {
        String take = SongRig.take(library, "101500-rehearsal", List.of("drums"), List.of(SongRig.noise(24000, 0.2, 1)));
        assertEquals(0, SongRenderTest.taperoom("song", "new", "--library", library.toString(), "--name", "Punch", "--from-take", take)[0]);
        String[] common = {"overdub", "--library", library.toString(), "--song", "punch", "--inputs", "1", "--device", "sim:unpaced,loopback=37",
                "--minFreeMinutes", "0"};
        Object[] punch = SongRenderTest.taperoom(concat(common, "--lanes", "vox", "--punch-in", "0.1", "--punch-out", "0.2"));
        assertEquals(0, punch[0], (String) punch[2]);
        assertTrue(((String) punch[1]).startsWith("pass placed at song frame 4800 "), (String) punch[1]);
        Pass vox = new SongLibrary(library).load("punch").lane("vox").activePass();
        assertEquals(4800, vox.offsetFrames());

        Object[] loop = SongRenderTest.taperoom(concat(common, "--lanes", "gtr", "--punch-in", "0.1", "--punch-out", "0.15", "--loop", "--cycles", "3"));
        assertEquals(0, loop[0], (String) loop[2]);
        List<String> lines = ((String) loop[1]).lines().toList();
        assertTrue(lines.get(lines.size() - 3).startsWith("cycle 1: ") && lines.get(lines.size() - 2).startsWith("cycle 2: "), (String) loop[1]);
        Lane gtr = new SongLibrary(library).load("punch").lane("gtr");
        assertEquals(3, gtr.passes().size());
        assertEquals(2, gtr.active());

        Object[] half = SongRenderTest.taperoom(concat(common, "--punch-in", "0.1"));
        assertEquals(2, half[0]);
        assertEquals("taperoom overdub: --punch-in S and --punch-out S go together (song positions in seconds)\n", half[2]);
        Object[] backwards = SongRenderTest.taperoom(concat(common, "--punch-in", "0.2", "--punch-out", "0.1"));
        assertEquals("taperoom overdub: --punch-out must come after --punch-in\n", backwards[2]);
        Object[] loopAlone = SongRenderTest.taperoom(concat(common, "--seconds", "1", "--loop"));
        assertEquals("taperoom overdub: --loop needs the region to loop: --punch-in S --punch-out S\n", loopAlone[2]);
    }

    @Test
    void overdubCountsInOnABarLineWithTheClickAndRefusesABadCountInInOneLine() throws Exception {
        String take = SongRig.take(library, "101500-rehearsal", List.of("drums"), List.of(SongRig.noise(24000, 0.2, 1)));
        assertEquals(0, SongRenderTest.taperoom("song", "new", "--library", library.toString(), "--name", "Count", "--from-take", take)[0]);
        String[] common = {"overdub", "--library", library.toString(), "--song", "count", "--inputs", "1", "--device", "sim:unpaced,loopback=37",
                "--minFreeMinutes", "0", "--seconds", "0.2"};
        Object[] counted = SongRenderTest.taperoom(concat(common, "--lanes", "vox", "--click", "--count-in", "1"));
        assertEquals(0, counted[0], (String) counted[2]);
        assertEquals(0, new SongLibrary(library).load("count").lane("vox").activePass().offsetFrames(), "after the count-in, on song frame 0");
        Object[] tooMany = SongRenderTest.taperoom(concat(common, "--count-in", "5"));
        assertEquals(2, tooMany[0]);
        assertEquals("taperoom overdub: --count-in 5: expected an integer from 0 to 4\n", tooMany[2]);
        Object[] notANumber = SongRenderTest.taperoom(concat(common, "--count-in", "two"));
        assertEquals("taperoom overdub: --count-in two: expected an integer from 0 to 4\n", notANumber[2]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badRequestsGetOneLineAndStatusTwo() throws Exception {
        Object[] noLib = SongRenderTest.taperoom("song", "list");
        assertEquals(2, noLib[0]);
        assertEquals("taperoom song: --library DIR is required (the take library)\n", noLib[2]);
        Object[] noTake = SongRenderTest.taperoom("song", "new", "--library", library.toString(), "--name", "X", "--from-take", "2026-01-01_000000-nope");
        assertEquals(2, noTake[0]);
        assertTrue(((String) noTake[2]).startsWith("taperoom song: no take 2026-01-01_000000-nope in "), (String) noTake[2]);
        Object[] noSong = SongRenderTest.taperoom("overdub", "--library", library.toString(), "--song", "nope", "--inputs", "1", "--seconds", "1");
        assertEquals(2, noSong[0]);
        assertEquals(1, ((String) noSong[2]).lines().count(), (String) noSong[2]);
    }
}
