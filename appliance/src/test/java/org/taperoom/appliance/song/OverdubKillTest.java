package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.recover.TakeRecovery;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;

/** A song survives SIGKILL during a pass: the pass recovers like any take and is still placed to the sample. */
class OverdubKillTest {
    @TempDir
    Path library;

    @Test
    void aPassKilledMidwayRecoversInItsPlace() throws Exception {
        float[] bed = SongRig.noise(4 * SongRig.RATE, 0.25, 11);
        String bedTake = SongRig.take(library, "100000-bed", List.of("bed"), List.of(bed));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Kill", bedTake);
        songs.save(song.withStrip("bed", song.strip("bed").withPan(-1)));

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OverdubKillTarget.class.getName(),
                library.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (songs.load("kill").lanes().size() < 2 && System.nanoTime() < deadline && child.isAlive()) Thread.sleep(20);
        assertEquals(2, songs.load("kill").lanes().size(), "the child started the pass");
        Thread.sleep(1500);
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        Pass pass = songs.load("kill").lane("dub").activePass();
        Path folder = TakeFolders.folderOf(library.toAbsolutePath().normalize(), pass.take());
        assertEquals(TakeInfo.RECORDING, TakeJson.read(folder).state, "the killed pass is unfinished");
        assertEquals(1, TakeRecovery.recoverLibrary(library).size(), "the pass is repaired like any take");
        TakeInfo info = TakeJson.read(folder);
        assertEquals(TakeInfo.RECOVERED, info.state);

        float[] recorded = SongRig.channel(folder.resolve(pass.track() + ".wav"), 0);
        float[] want = SongRig.as24Bit(bed);
        long covered = Math.min(bed.length, recorded.length + pass.offsetFrames());
        assertTrue(covered > SongRig.RATE / 2, "the recovered pass covers " + covered + " frames of the song");
        for (long s = 0; s < covered; s++) {
            assertEquals(Float.floatToRawIntBits(want[(int) s]), Float.floatToRawIntBits(recorded[(int) (s - pass.offsetFrames())]), "song frame " + s);
        }
        System.out.printf("killed pass: %d frames recovered, placed at %d, the first %d song frames line up%n", recorded.length, pass.offsetFrames(), covered);
    }
}
