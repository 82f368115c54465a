package org.taperoom.appliance.recording.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.wav.RiffChunks;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * A real track file beyond 4 GiB: recorded unpaced in 32-bit float, the recorder killed with
 * SIGKILL once the file has passed 4 GiB, recovered to RF64, and read back by sox and ffprobe,
 * with the samples around the 4 GiB boundary and at the end decoded by sox and compared. The
 * file is deleted afterwards.
 */
class LargeFileRecoveryTest {
    private static final long FOUR_GIB = 1L << 32;
    private static final int RATE = 96000;

    @Test
    void aFloatTakeKilledPast4GiBIsRecoveredAsRf64AndReadBackBySoxAndFfprobe(@TempDir Path dir) throws Exception {
        long usable = Files.getFileStore(dir).getUsableSpace();
        Assumptions.assumeTrue(usable > FOUR_GIB + (1L << 30),
                "skipped: the test writes a 4.1 GiB file and " + dir + " has " + (usable >> 20) + " MiB free");
        long t0 = System.nanoTime();
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"), LargeTakeTarget.class.getName(),
                dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path folder;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line = in.readLine();
                assertTrue(line != null && line.startsWith("take "), "the child started a take: " + line);
                folder = Path.of(line.substring(5));
            }
            Path file = folder.resolve("01-in-1.wav");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while ((!Files.exists(file) || Files.size(file) < FOUR_GIB + (32L << 20)) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(Files.size(file) > FOUR_GIB, "the file passed 4 GiB: " + Files.size(file));
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue());
            long writtenSeconds = (System.nanoTime() - t0) / 1_000_000_000L;

            TakeRecovery.recoverLibrary(dir);
            TakeInfo info = TakeJson.read(folder);
            assertEquals(TakeInfo.RECOVERED, info.state);
            assertTrue(info.frames * 4 > FOUR_GIB, info.frames + " frames");
            long dataOffset;
            try (var ch = java.nio.channels.FileChannel.open(file)) {
                RiffChunks.Header h = RiffChunks.read(ch);
                assertEquals("RF64", h.form());
                assertEquals(info.frames * 4, h.data().size());
                assertEquals(new RiffChunks.Ds64(Files.size(file) - 8, info.frames * 4, info.frames), h.ds64());
                dataOffset = h.data().payloadOffset();
            }
            assertEquals(info.frames, ExternalReaders.soxi(file).samples(), "sox reads the RF64 sizes");
            assertEquals(info.frames, ExternalReaders.ffprobe(file).durationTs(), "ffprobe reads the RF64 sizes");
            long boundary = (FOUR_GIB - dataOffset) / 4;
            SimOptions o = SimOptions.defaults().withSignals(SimSignal.INDEX);
            for (long from : new long[] {0, boundary - 500, info.frames - 1000}) {
                float[] got = soxWindow(file, from, 1000);
                for (int i = 0; i < got.length; i++) {
                    long frame = info.startFrame + from + i;
                    float want = SimSignal.sample(o.signalOf(0), 0, frame, RATE, 24, o.seed(), 1.0) * 0x1.0p-31f;
                    if (want != got[i]) assertEquals(want, got[i], "frame " + (from + i));
                }
            }
            System.out.printf("a %.2f GiB float file: written and killed in %d s, recovered and read back in %d s%n",
                    Files.size(file) / (double) (1L << 30), writtenSeconds, (System.nanoTime() - t0) / 1_000_000_000L - writtenSeconds);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** {@code frames} samples from {@code from} on, as sox decodes them (to 32-bit float). */
    private static float[] soxWindow(Path file, long from, int frames) throws Exception {
        Process p = new ProcessBuilder("sox", file.toString(), "-t", "f32", "-e", "floating-point", "-b", "32", "-L", "-",
                "trim", from + "s", frames + "s").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] raw = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "sox decodes " + file);
        float[] out = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        assertEquals(frames, out.length, "sox's window");
        return out;
    }
}
