package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.Tmpfs;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimSignal;

/**
 * A full disk ends the take cleanly: the files hold valid audio up to where the disk ran out, the
 * error is in take.json, the engine keeps running. The library is a real 1 MiB tmpfs, mounted by
 * the test where this process may mount one (probed; skipped with the reason otherwise).
 */
class DiskFullTest {

    @Test
    void aTakeOnARealFullTmpfsEndsCleanlyWithValidFilesAndTheErrorInTakeJson(@TempDir Path dir) throws Exception {
        String refusal = Tmpfs.mountRefusal(dir);
        assumeTrue(refusal == null, () -> "skipped: " + refusal);
        Path library = dir.resolve("small");
        Files.createDirectories(library);
        Tmpfs.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", library.toString());
        try {
            SimBackend sim = Recordings.unpaced(SimSignal.NOISE, SimSignal.INDEX);
            try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(library, 4, 48000, "24"), sim)) {
                CompletableFuture<String[]> ended = new CompletableFuture<>();
                engine.addListener(new RecorderListener() {
                    @Override
                    public void takeEnded(TakeRef take, EndReason reason, String detail) {
                        ended.complete(new String[] {reason.name(), detail, take.folder().toString()});
                    }
                });
                engine.start();
                engine.startTake(TakeRequest.everything("test"), 48000L * 60);
                String[] end = ended.get(60, TimeUnit.SECONDS);
                assertEquals("DISK_FULL", end[0], end[1]);
                assertTrue(end[1].contains("disk is full"), end[1]);
                Path folder = Path.of(end[2]);
                TakeInfo info = TakeJson.read(folder);
                assertEquals(TakeInfo.COMPLETE, info.state);
                assertEquals(EndReason.DISK_FULL, info.endReason);
                assertTrue(info.error.contains("No space left"), info.error);
                assertTrue(info.frames > 10_000, "audio up to the full disk was kept: " + info.frames);
                for (TakeInfo.Track t : info.tracks) {
                    Path file = folder.resolve(t.file());
                    assertEquals(info.frames, ExternalReaders.soxi(file).samples(), "sox reads " + t.file());
                    assertEquals(info.frames, ExternalReaders.ffprobe(file).durationTs(), "ffprobe reads " + t.file());
                    RiffReader r = new RiffReader(file);
                    int c = t.input() - 1;
                    for (long i = 0; i < info.frames; i++) {
                        int want = Recordings.expected(sim.options(), c, info.startFrame + i, 48000, 24);
                        if (want != r.sampleS32(i)) assertEquals(want, r.sampleS32(i), t.file() + " frame " + i);
                    }
                }
                assertTrue(engine.status().running(), "the engine keeps running");
                assertTrue(engine.status().lastError().contains("disk is full"), engine.status().lastError());
                assertTrue(!engine.status().recording());
                // With minFreeMinutes set, the next take is refused with a sentence, not started on a full disk.
                try (RecordingEngine strict = RecordingSetup.engine(Recordings.config(library, 4, 48000, "24")
                        .with(RecordingKeys.MIN_FREE_MINUTES, 1), Recordings.unpaced(SimSignal.NOISE))) {
                    strict.start();
                    EngineException e = assertThrows(EngineException.class, () -> strict.startTake(TakeRequest.everything("test")));
                    assertTrue(e.getMessage().contains("minutes of free space"), e.getMessage());
                }
            }
        } finally {
            Tmpfs.run("umount", library.toString());
        }
    }

    @Test
    void aReadOnlyLibraryIsRefusedAtStartWithASentence(@TempDir Path dir) throws Exception {
        String refusal = Tmpfs.mountRefusal(dir);
        assumeTrue(refusal == null, () -> "skipped: " + refusal);
        Path library = dir.resolve("ro");
        Files.createDirectories(library);
        Tmpfs.run("mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", library.toString());
        try {
            RecordingEngine engine = RecordingSetup.engine(Recordings.config(library, 2, 48000, "24"), Recordings.unpaced(SimSignal.SINE));
            EngineException e = assertThrows(EngineException.class, engine::start);
            assertTrue(e.getMessage().contains("not writable") && e.getMessage().contains(library.toString()), e.getMessage());
        } finally {
            Tmpfs.run("umount", library.toString());
        }
    }
}
