package org.taperoom.appliance.recording.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.recording.writer.RiffReader;

/**
 * A take killed before any one of its file operations (every write, fdatasync, truncation and
 * rename from creation through the RF64 switch to the end of finishing) is recovered with every
 * frame it must keep, sample for sample, and nothing after them: no marker chunk read as audio.
 */
class FinishKillPointsTest {

    @Test
    void aTakeKilledBeforeAnyOfItsFileOperationsIsRecoveredSampleForSampleWithoutTrailingGarbage(@TempDir Path dir) throws Exception {
        FinishScenario whole = new FinishScenario();
        KillPoints none = new KillPoints(Long.MAX_VALUE);
        whole.run(dir.resolve("whole"), none, none::operations);
        long operations = none.operations();
        System.out.println(operations + " file operations in the scenario: " + String.join(" ", none.log));
        assertTrue(none.log.subList((int) whole.finishStartsAtOperation, none.log.size()).contains("rename"), "finishing renames take.json");
        assertTrue(Files.readString(FinishScenario.folder(dir.resolve("whole")).resolve("take.json")).contains("\"complete\""));
        for (long k = 0; k <= operations; k++) {
            Path library = dir.resolve("k" + k);
            FinishScenario run = new FinishScenario();
            KillPoints kill = new KillPoints(k);
            try {
                run.run(library, kill, kill::operations);
            } catch (KillPoints.Death expected) {
                // the process is gone; what it left is on disk
            }
            assertEquals(k < operations, kill.killed(), "killed before operation " + k);
            checkRecovered(library, whole.mustSurvive(k), "killed before operation " + k + " (" + (k < operations ? none.log.get((int) k) : "none") + ")",
                    k >= whole.finishStartsAtOperation);
        }
    }

    @Test
    void aTakeKilledBySigkillAtTheLastStepsOfFinishingIsRecoveredSampleForSample(@TempDir Path dir) throws Exception {
        FinishScenario whole = new FinishScenario();
        KillPoints none = new KillPoints(Long.MAX_VALUE);
        whole.run(dir.resolve("whole"), none, none::operations);
        List<String> log = none.log;
        // The window of issue 15: after the marker chunks are appended, before take.json says complete.
        int lastRename = log.lastIndexOf("rename");
        int lastForceBeforeIt = log.subList(0, lastRename).lastIndexOf("fdatasync");
        int firstTruncate = log.indexOf("truncate");
        int markersAppended = log.subList(firstTruncate, log.size()).indexOf("fdatasync") + firstTruncate + 2;
        for (int k : new int[] {markersAppended, lastForceBeforeIt, lastRename}) {
            Path library = dir.resolve("sigkill" + k);
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SigkillAtOperation.class.getName(),
                    library.toString(), String.valueOf(k)).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL before operation " + k + ": " + out);
            checkRecovered(library, FinishScenario.FRAMES, "SIGKILL before operation " + k + " (" + log.get(k) + ")", true);
        }
    }

    /** Recovers the library as the service does at start and checks the take against the scenario's samples. */
    static void checkRecovered(Path library, long mustFrames, String when, boolean externalReaders) throws Exception {
        Path folder = FinishScenario.folder(library);
        if (!Files.isRegularFile(folder.resolve("take.json"))) {
            assertEquals(0, mustFrames, when + ": no take.json but audio was synced");
            return;
        }
        TakeInfo before = TakeJson.read(folder);
        TakeRecovery.recoverLibrary(library);
        TakeInfo info = TakeJson.read(folder);
        assertTrue(TakeInfo.COMPLETE.equals(info.state) || TakeInfo.RECOVERED.equals(info.state), when + ": " + info.state);
        assertTrue(info.frames >= mustFrames, when + ": " + info.frames + " frames recovered, " + mustFrames + " were safe");
        assertTrue(info.frames <= FinishScenario.FRAMES, when + ": " + info.frames + " frames recovered of " + FinishScenario.FRAMES);
        if (TakeInfo.RECOVERED.equals(before.state) || TakeInfo.RECORDING.equals(before.state)) {
            OffsetDateTime end = OffsetDateTime.parse(info.started).plusNanos(info.frames * 1_000_000_000L / FinishScenario.RATE);
            assertEquals(end.toInstant(), OffsetDateTime.parse(info.ended).toInstant(), when + ": ended is the end of the audio");
        }
        List<String> wantLabels = new ArrayList<>();
        for (TakeInfo.Marker m : info.markers) if (m.frame() <= info.frames) wantLabels.add(m.label());
        for (int c = 0; c < FinishScenario.TRACKS; c++) {
            Path file = folder.resolve(info.tracks.get(c).file());
            if (!Files.isRegularFile(file) || Files.size(file) < 512) {
                // Killed before its header was written: it never held audio, and recovery says so.
                assertEquals(0, info.frames, when + ": a track file without a header");
                assertTrue(info.repairs.get(0).contains(info.tracks.get(c).file()), when + ": " + info.repairs);
                continue;
            }
            RiffReader r = new RiffReader(file);
            assertEquals(info.frames, r.frames(), when + ": " + file.getFileName() + " frames");
            int data = r.ids().indexOf("data");
            for (String id : r.ids().subList(data + 1, r.ids().size())) {
                assertTrue(id.equals("cue ") || id.equals("LIST"), when + ": chunk '" + id + "' after the data");
            }
            RiffReader.Chunk last = r.chunks.get(r.chunks.size() - 1);
            assertEquals(r.fileLength(), last.offset() + last.size() + (last.size() & 1), when + ": the chunks end at the end of the file");
            assertEquals(r.fileLength() - 8, r.riffSize, when + ": RIFF size");
            int[] samples = r.samplesS32();
            for (int f = 0; f < samples.length; f++) {
                int want = FinishScenario.sample(c, f);
                if (samples[f] != want) assertEquals(want, samples[f], when + ": " + file.getFileName() + " frame " + f);
            }
            assertEquals(wantLabels, r.cues().stream().map(RiffReader.Cue::label).toList(), when + ": markers in the file");
            if (externalReaders) assertEquals(info.frames, ExternalReaders.soxi(file).samples(), when + ": sox reads " + file.getFileName());
        }
    }
}
