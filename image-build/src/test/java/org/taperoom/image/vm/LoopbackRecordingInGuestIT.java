package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording from a kernel ALSA driver with real period timing: snd-aloop in the guest, the service
 * capturing hw:Loopback,1 (2 channels, S32_LE). A known signal played with aplay into
 * hw:Loopback,0 is in the track files sample for sample; and with the capture thread starved by
 * real-time CPU hogs above its priority, overruns happen, are counted in take.json with their
 * place and length, and the files stay whole and readable. The service stays on the loopback for
 * the guest tests after these (a restart each way costs a JVM start under the emulator).
 */
@ExtendWith(Guest.Extension.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopbackRecordingInGuestIT {
    private static final int SIGNAL_SECONDS = 6;
    private static final Pattern FILLED = Pattern.compile("\"filled\"\\s*:\\s*true");
    private static final Pattern OVERRUN = Pattern.compile("\\{[^{}]*\"droppedFrames\"\\s*:\\s*(-?[0-9]+)[^{}]*\\}");

    @BeforeAll
    static void captureFromTheLoopback() throws Exception {
        // Periods of 1024 frames, 16 in the buffer (341 ms): a loaded host pauses the emulator for
        // longer than the default 21 ms, which would overrun the bit-exact test's capture.
        LoopbackSignal.captureFromTheLoopback(Guest.get(), "periodFrames = 1024\\nbufferPeriods = 16\\n");
    }

    @Test
    @Order(1)
    void aSignalPlayedIntoTheLoopbackIsRecordedBitExactByTheService(@TempDir Path dir) throws Exception {
        LoopbackSignal.recordNoiseBitExact(Guest.get(), dir, SIGNAL_SECONDS);
    }

    @Test
    @Order(2)
    void aCaptureThreadStarvedOfCpuOverrunsAndTheTakeCountsTheGapsAndStaysValid(@TempDir Path dir) throws Exception {
        Guest g = Guest.get();
        Guest.Panel panel = g.login();
        String since = g.check("date '+%Y-%m-%d %H:%M:%S'");
        assertEquals(2, panel.post("/api/transport/record").statusCode() / 100);
        // Two bursts of SCHED_FIFO hogs above the capture thread's priority (70), one per vCPU:
        // the kernel's real-time throttling leaves everything else 5 % of each second. Short bursts,
        // so that the watchdog (10 s) is not what ends them.
        g.check("sleep 2; for burst in 1 2; do stress-ng --quiet --cpu 2 --sched fifo --sched-prio 90 --timeout 3s; sleep 2; done");
        String during = panel.get("/api/state").body();
        assertEquals(2, panel.post("/api/transport/stop").statusCode() / 100);
        String folder = g.newestCompleteTake();
        String takeJson = g.check("cat '" + folder + "/take.json'");

        Matcher m = OVERRUN.matcher(takeJson);
        int overruns = 0;
        long droppedFrames = 0;
        while (m.find()) {
            overruns++;
            long dropped = Long.parseLong(m.group(1));
            assertTrue(dropped > 0, "an overrun without its measured length: " + m.group());
            assertTrue(FILLED.matcher(m.group()).find(), "a gap not filled with silence: " + m.group());
            droppedFrames += dropped;
        }
        assertTrue(overruns > 0, "no overrun under starvation; take.json: " + takeJson);
        assertTrue(during.contains("\"overruns\":"), during);
        String journal = g.check("journalctl -b -u taperoom.service --since '" + since + "' --no-pager -q -o cat | grep -c 'overran' || true");
        assertTrue(Integer.parseInt(journal) > 0, "the take's overruns are not in the journal");

        List<Path> tracks = g.copyOutWavs(folder, dir.resolve("take"));
        assertEquals(2, tracks.size(), tracks.toString());
        long frames = -1;
        for (Path track : tracks) {
            long sox = Long.parseLong(Guest.host("sox", "--i", "-s", track.toString()).strip());
            String probe = Guest.host("ffprobe", "-v", "error", "-show_entries", "stream=duration_ts", "-of", "csv=p=0", track.toString()).strip();
            assertEquals(sox, Long.parseLong(probe), track + ": sox and ffprobe disagree on its length");
            if (frames >= 0) assertEquals(frames, sox, "tracks of one take differ in length");
            frames = sox;
        }
        // The gaps are silence at their place: the take holds the lost time, not less.
        assertTrue(frames > droppedFrames, frames + " frames in the files, " + droppedFrames + " lost");
        System.out.printf("starvation: %d overruns, %d frames (%.3f s) lost and filled, take %.3f s; state during: %s%n",
                overruns, droppedFrames, droppedFrames / 48000.0, frames / 48000.0, during);
    }
}
