package org.taperoom.appliance.recording.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.writer.RiffReader;

/** A marker dropped after the last sync survives a SIGKILL as its audio does: in take.json and in the files. */
class MarkerKillTest {

    @Test
    void aMarkerFromTheLastSyncIntervalBeforeAKillIsRecoveredWithItsAudio(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MarkThenKillTarget.class.getName(),
                dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path folder = null;
        long marked = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("take ")) folder = Path.of(line.substring(5));
                if (line.startsWith("marked ")) marked = Long.parseLong(line.substring(7));
                // A second of audio after the marker: several write batches, no sync (60 s apart).
                if (line.startsWith("captured ") && marked >= 0 && Long.parseLong(line.substring(9)) > marked + 48_000) break;
            }
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertNotNull(folder, "the child said where its take is");
        assertTrue(marked >= 0, "the child dropped its marker");

        TakeRecovery.recoverLibrary(dir);
        TakeInfo info = TakeJson.read(folder);
        assertEquals(TakeInfo.RECOVERED, info.state);
        assertTrue(info.frames > marked - info.startFrame, "the audio after the marker is kept: " + info.frames + " frames");
        // Only the marker dropped from the CLI: a loaded machine may add overrun markers of its own.
        List<TakeInfo.Marker> ours = info.markers.stream().filter(m -> m.source().equals("cli")).toList();
        assertEquals(List.of("just before the kill"), ours.stream().map(TakeInfo.Marker::label).toList(), "take.json's markers");
        long frame = ours.get(0).frame();
        assertTrue(Math.abs(frame - (marked - info.startFrame)) < 48_000 / 10, "marker at " + frame + ", dropped near " + (marked - info.startFrame));
        for (TakeInfo.Track t : info.tracks) {
            List<RiffReader.Cue> cues = new RiffReader(folder.resolve(t.file())).cues();
            assertTrue(cues.stream().anyMatch(q -> q.sampleOffset() == frame && q.label().equals("just before the kill")), t.file() + ": " + cues);
        }
    }
}
