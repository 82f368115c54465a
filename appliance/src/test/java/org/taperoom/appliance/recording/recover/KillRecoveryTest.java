package org.taperoom.appliance.recording.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * A recorder killed with SIGKILL at a random moment leaves a take that recovery repairs: every file
 * opens in sox and ffmpeg and holds all the audio captured up to one sync interval before the kill,
 * sample for sample.
 */
class KillRecoveryTest {
    private static final int SYNC_MILLIS = 500;
    private static final int RATE = 48000;

    private record Progress(long nanos, long frame) {}

    @Test
    void aTakeKilledAtRandomMomentsIsRecoveredWithAllAudioUpToOneSyncIntervalBeforeTheKill(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("kill moments from seed " + seed);
        for (int round = 0; round < 3; round++) {
            Path library = dir.resolve("lib" + round);
            long killAfterMillis = 50 + random.nextInt(2950); // from before the first sync to several syncs in
            killAndRecover(library, killAfterMillis);
        }
    }

    private void killAndRecover(Path library, long killAfterMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillTarget.class.getName(),
                library.toString(), String.valueOf(SYNC_MILLIS)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Progress> progress = new CopyOnWriteArrayList<>();
        Path[] folder = new Path[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("take ")) folder[0] = Path.of(line.substring(5));
                    if (line.startsWith("captured ")) progress.add(new Progress(System.nanoTime(), Long.parseLong(line.substring(9))));
                }
            } catch (Exception e) {
                // the child died: that is the point
            }
        });
        reader.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (progress.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(!progress.isEmpty(), "the child started recording");
        Thread.sleep(killAfterMillis);
        long killNanos = System.nanoTime();
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        reader.join(5000);
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertNotNull(folder[0], "the child said where its take is");

        // What had been captured one sync interval before the kill must survive.
        long mustHave = 0;
        for (Progress p : progress) if (p.nanos() <= killNanos - SYNC_MILLIS * 1_000_000L) mustHave = Math.max(mustHave, p.frame());
        long capturedAtKill = progress.get(progress.size() - 1).frame();

        assertEquals(TakeInfo.RECORDING, TakeJson.read(folder[0]).state, "the killed take is unfinished");
        List<TakeRecovery.Repair> repairs = TakeRecovery.recoverLibrary(library);
        assertEquals(1, repairs.size(), "one take repaired");
        System.out.println("killed after " + killAfterMillis + " ms: " + repairs.get(0).summary());
        TakeInfo info = TakeJson.read(folder[0]);
        assertEquals(TakeInfo.RECOVERED, info.state);
        assertEquals(1, info.repairs.size());
        long mustFrames = Math.max(0, mustHave - info.startFrame);
        assertTrue(info.frames >= mustFrames, "recovered " + info.frames + " frames, captured " + mustFrames
                + " one interval before the kill");
        assertTrue(info.frames <= capturedAtKill - info.startFrame + RATE, "no more than was captured");
        SimOptions o = SimOptions.defaults().withSignals(SimSignal.INDEX, SimSignal.NOISE);
        for (TakeInfo.Track t : info.tracks) {
            Path file = folder[0].resolve(t.file());
            assertEquals(info.frames, ExternalReaders.soxi(file).samples(), "sox reads " + t.file());
            assertEquals(info.frames, ExternalReaders.ffprobe(file).durationTs(), "ffprobe reads " + t.file());
            int[] decoded = ExternalReaders.ffmpegDecode(file);
            assertEquals(info.frames, decoded.length);
            int c = t.input() - 1;
            for (int i = 0; i < decoded.length; i++) {
                int want = org.taperoom.drivers.sim.SimSignal.sample(o.signalOf(c), c, info.startFrame + i, RATE, 24, o.seed(), 1.0);
                if (want != decoded[i]) assertEquals(want, decoded[i], t.file() + " frame " + i);
            }
            assertEquals(info.frames, new RiffReader(file).frames());
        }
        // A second recovery finds nothing left to do.
        assertEquals(List.of(), new ArrayList<>(TakeRecovery.recoverLibrary(library)));
        assertTrue(Files.isRegularFile(folder[0].resolve("take.json")));
    }
}
