package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability claim where it can fail: a take started through the panel, the emulator killed at
 * a random moment (the guest's RAM and page cache are gone, as in a power cut), the same disk booted
 * again. serve recovers the take at start; every track opens in sox and ffmpeg; the audio lost is
 * at most the fsync interval (1 s), measured against the take length the panel last reported.
 */
@ExtendWith(Guest.Extension.class)
@Order(4)
class PowerCutInGuestIT {
    private static final Pattern ELAPSED = Pattern.compile("\"elapsedSeconds\"\\s*:\\s*([0-9.]+)");
    private static final Pattern TAKE = Pattern.compile("\"take\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void aTakeCutByPowerLossIsRecoveredWithAtMostOneSecondLost(@TempDir Path dir) throws Exception {
        Guest g = Guest.get();
        int rounds = Integer.getInteger("taperoom.vm.powercuts", 3);
        Random random = new Random();
        List<String> losses = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Guest.Panel panel = g.login();
            HttpResponse<String> started = panel.post("/api/transport/record");
            assertEquals(2, started.statusCode() / 100, started.body());
            Thread.sleep(4000 + random.nextInt(8000));
            String state = panel.get("/api/state").body();
            Matcher e = ELAPSED.matcher(state);
            Matcher t = TAKE.matcher(state);
            assertTrue(e.find() && t.find(), "not recording: " + state);
            double acknowledgedSeconds = Double.parseDouble(e.group(1));
            String take = t.group(1);

            Guest.Result boot = g.powerCutAndBoot();
            assertTrue(boot.output().contains("READY: "), "after the power cut: " + boot.output());

            String folder = g.check("find /var/lib/taperoom/library -mindepth 1 -maxdepth 3 -type d -name '" + take.replaceFirst("^[^_]*_", "") + "' | head -n 1");
            assertTrue(g.check("cat '" + folder + "/take.json'").contains("\"state\""), folder);
            List<Path> tracks = g.copyOutWavs(folder, dir.resolve("round" + round));
            assertTrue(!tracks.isEmpty(), "no track files recovered in " + folder);
            double worstLoss = 0;
            for (Path track : tracks) {
                double seconds = Double.parseDouble(Guest.host("sox", "--i", "-D", track.toString()).strip());
                String probe = Guest.host("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", track.toString()).strip();
                assertTrue(Math.abs(Double.parseDouble(probe) - seconds) < 0.01, track + ": ffprobe " + probe + " s, sox " + seconds + " s");
                worstLoss = Math.max(worstLoss, acknowledgedSeconds - seconds);
            }
            losses.add(String.format("%.3f", worstLoss));
            System.out.printf("power cut %d: %.2f s acknowledged, %.3f s lost (worst track of %d)%n", round, acknowledgedSeconds, worstLoss, tracks.size());
            assertTrue(worstLoss <= 1.0, "lost " + worstLoss + " s of a take (acknowledged " + acknowledgedSeconds + " s), more than the fsync interval");
        }
        System.out.println("power cuts: loss per round (s) " + losses);
    }
}
