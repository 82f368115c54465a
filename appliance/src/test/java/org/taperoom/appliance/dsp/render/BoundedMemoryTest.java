package org.taperoom.appliance.dsp.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.Preset;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.testing.TestAudio;

/**
 * Long takes render in bounded heap: the master bus goes to a mapped temp file (a {@link BusTape})
 * instead of the heap, with the same bytes as the heap path, and a 20-minute take renders in a
 * JVM whose whole heap is 96 MiB (its bus alone is 12 bytes a frame, 660 MiB).
 */
class BoundedMemoryTest {
    private static final int RATE = 48000;

    @Test
    void aBusTapeInAFileGivesTheBytesOfTheHeap(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, 8, 11));
        Path outs = Files.createDirectories(dir.resolve("out"));
        // Normalised (the limiter's passes and the envelope read the tape) and not (the plain chain).
        List<RenderSettings> settings = List.of(
                RenderSettings.DEFAULT.withMaster(MasterSettings.DEFAULT.withPreset(Preset.STREAMING, Preset.STREAMING.targetLufs)),
                RenderSettings.parse("{\"master\": {\"normalize\": false, \"glue\": {\"on\": true}}}"));
        for (int s = 0; s < settings.size(); s++) {
            Path heap = outs.resolve("heap" + s + ".wav");
            Path file = outs.resolve("file" + s + ".wav");
            new Renderer(2, Long.MAX_VALUE).render(TakeTracks.find(take), settings.get(s), heap, RenderProgress.NONE, () -> false);
            new Renderer(2, 0).render(TakeTracks.find(take), settings.get(s), file, RenderProgress.NONE, () -> false);
            assertArrayEquals(Files.readAllBytes(heap), Files.readAllBytes(file), "settings " + s + ": tape file vs heap");
        }
        try (Stream<Path> left = Files.list(outs)) {
            List<String> names = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertTrue(names.isEmpty(), "temp files left behind: " + names);
        }
    }

    @Test
    void aTwentyMinuteTakeRendersInANinetySixMebibyteHeap(@TempDir Path dir) throws Exception {
        int seconds = 20 * 60;
        Path take = Files.createDirectories(dir.resolve("take"));
        // Two tracks: the bus's size depends on the take's length, not on its track count.
        TestAudio.run(List.of("sox", "-D", "-n", "-r", "48000", "-b", "16", "-c", "1", take.resolve("01-noise.wav").toString(),
                "synth", String.valueOf(seconds), "pinknoise", "tremolo", "1.7", "60", "vol", "0.25"));
        TestAudio.run(List.of("sox", "-D", "-n", "-r", "48000", "-b", "16", "-c", "1", take.resolve("02-sweep.wav").toString(),
                "synth", String.valueOf(seconds), "sine", "200-2000", "vol", "0.3"));

        Path out = dir.resolve("long.wav");
        long started = System.nanoTime();
        Child ok = child(dir, take, out, "default");
        System.out.printf("20-minute take in -Xmx96m: %.1f s, %s%n", (System.nanoTime() - started) / 1e9, ok.output.strip().replace('\n', ';'));
        assertEquals(0, ok.exitCode, ok.output);
        try (SoundFileReader r = SoundFileReader.open(out)) {
            assertEquals(2, r.channels());
            assertTrue(r.frames() >= (long) seconds * RATE, "frames " + r.frames());
        }
        LoudnessFigures f = FileLoudness.measure(out);
        assertTrue(f.truePeakDbtp() <= -1, "true peak " + f.truePeakDbtp());
        assertEquals(-14, f.integratedLufs(), 0.5, "integrated loudness");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tape")), "the tape file is deleted");
        }

        // The control: the same render with its bus on the heap does not fit in that heap.
        Files.delete(out);
        Child heap = child(dir, take, out, String.valueOf(Long.MAX_VALUE));
        assertEquals(3, heap.exitCode, "the heap path should run out of a 96 MiB heap: " + heap.output);
    }

    private record Child(int exitCode, String output) {}

    private static Child child(Path dir, Path take, Path out, String heapTapeBytes) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(java, "-Xmx96m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LongTakeChild.class.getName(), take.toString(), out.toString(), heapTapeBytes)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        return new Child(code, Files.readString(log, StandardCharsets.UTF_8));
    }
}
