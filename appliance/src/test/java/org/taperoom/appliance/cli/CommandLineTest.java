package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.recording.writer.WaveLayout;

/** The record and recover commands as a user runs them: a real process, its exit status, stdout and stderr. */
class CommandLineTest {

    record Result(int status, List<String> out, List<String> err) {}

    static Result taperoom(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out.lines().toList(), err.lines().filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ .*")).toList());
    }

    private static void assertUsageError(Result r, String mentions) {
        assertEquals(2, r.status(), "exit status; stderr: " + r.err());
        assertEquals(1, r.err().size(), "one line on stderr: " + r.err());
        assertTrue(r.err().get(0).contains(mentions), r.err().get(0));
        assertFalse(r.err().get(0).contains("Exception"), "no stack trace or exception name: " + r.err().get(0));
    }

    @Test
    void badInputGetsOneLineOnStderrAndExitStatusTwo(@TempDir Path dir) throws Exception {
        assertUsageError(taperoom("record", "--bogus", "1"), "--bogus");
        assertUsageError(taperoom("record", "--channels", "0", "--library", dir.toString()), "channels");
        assertUsageError(taperoom("record", "--rate", "88200", "--seconds", "1", "--library", dir.toString()), "44100, 48000 or 96000");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertUsageError(taperoom("record", "--seconds", "1", "--library", file.toString()), "is a file");
        assertUsageError(taperoom("record", "--bits", "12", "--library", dir.toString()), "16, 24 or 32f");
        assertUsageError(taperoom("record", "--signal", "pink", "--library", dir.toString()), "unknown signal 'pink'");
        assertUsageError(taperoom("recover", "--library", file.toString()), "is a file");
    }

    @Test
    void recordWritesATakeOfTheAskedLengthAndPrintsItsFolderLast(@TempDir Path dir) throws Exception {
        Result r = taperoom("record", "--device", "sim", "--channels", "3", "--rate", "44100", "--bits", "16",
                "--seconds", "0.5", "--library", dir.toString(), "--unpaced", "--name", "Soundcheck");
        assertEquals(0, r.status(), "stderr: " + r.err());
        Path folder = Path.of(r.out().get(r.out().size() - 1));
        assertTrue(folder.startsWith(dir) && folder.getFileName().toString().endsWith("-soundcheck"), folder.toString());
        TakeInfo info = TakeJson.read(folder);
        assertEquals(22050, info.frames);
        assertEquals("cli", info.source);
        assertEquals(3, info.tracks.size());
        ExternalReaders.SoxView sox = ExternalReaders.soxi(folder.resolve(info.tracks.get(2).file()));
        assertEquals(44100, sox.rateHz());
        assertEquals(16, sox.bits());
        assertEquals(22050, sox.samples());
    }

    @Test
    void sigtermEndsAnOpenEndedRecordingCleanlyAndStillPrintsTheFolderLast(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "record", "--channels", "2", "--library", dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(out::add);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // end of the child
            }
        });
        reader.start();
        // SIGTERM once the take is on disk (a fixed sleep lost the race to a slow JVM start on a busy machine).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!takeStarted(dir) && System.nanoTime() < deadline) Thread.sleep(100);
        assertTrue(takeStarted(dir), "the recording started within 60 s");
        Thread.sleep(500);
        // Process.destroy() would close our end of the pipes; send SIGTERM the way systemd or a shell does.
        assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        reader.join(10_000);
        assertFalse(out.isEmpty(), "printed the folder");
        Path folder = Path.of(out.get(out.size() - 1));
        TakeInfo info = TakeJson.read(folder);
        assertEquals(TakeInfo.COMPLETE, info.state, "finalized, not left for recovery");
        assertEquals(EndReason.STOPPED, info.endReason);
        assertTrue(info.frames > 0);
        assertEquals(info.frames, ExternalReaders.soxi(folder.resolve(info.tracks.get(0).file())).samples());
    }

    /** Whether a take.json exists anywhere below the library. */
    private static boolean takeStarted(Path library) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(library)) {
            return files.anyMatch(f -> f.getFileName().toString().equals("take.json"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // a file renamed under the walk (take.json is written through a temp file): look again
        }
    }

    @Test
    void recoverRepairsAnUnfinishedTakeAndSaysWhatItRepaired(@TempDir Path dir) throws Exception {
        Result made = taperoom("record", "--channels", "2", "--seconds", "0.25", "--unpaced", "--library", dir.toString());
        assertEquals(0, made.status(), "stderr: " + made.err());
        Path folder = Path.of(made.out().get(made.out().size() - 1));
        // Make it look like the recorder died before its first header update: sizes zero, state recording.
        TakeInfo info = TakeJson.read(folder);
        long frames = info.frames;
        info.state = TakeInfo.RECORDING;
        info.endReason = null;
        TakeJson.write(folder, info);
        for (TakeInfo.Track t : info.tracks) {
            try (FileChannel ch = FileChannel.open(folder.resolve(t.file()), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                WaveLayout layout = WaveLayout.read(ch);
                ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0), layout.dataOffset() - 4);
                ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0), 4);
            }
        }
        Result r = taperoom("recover", "--library", dir.toString());
        assertEquals(0, r.status(), "stderr: " + r.err());
        assertEquals(1, r.out().size(), r.out().toString());
        assertTrue(r.out().get(0).startsWith("repaired ") && r.out().get(0).contains(frames + " frames"), r.out().get(0));
        assertEquals(TakeInfo.RECOVERED, TakeJson.read(folder).state);
        assertEquals(frames, ExternalReaders.soxi(folder.resolve(info.tracks.get(1).file())).samples());
        Result again = taperoom("recover", "--library", dir.toString());
        assertEquals(List.of("nothing to repair in " + dir), again.out());
    }
}
