package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overdub's acceptance test through a kernel ALSA driver: in the guest, a full-duplex device
 * made of snd-aloop's two ends (an {@code asym} PCM in an alsaConfig file, playing into
 * {@code hw:Loopback,0,2} and capturing {@code hw:Loopback,1,2}: the loopback's third cable, so the
 * service's own stays untouched), opened and linked by the overdub as any interface would be. A
 * bed lane is recorded from the simulator, the device calibrated with {@code taperoom calibrate},
 * and a pass recorded over the bed with {@code taperoom overdub}: what the loopback brought back,
 * placed by the measured round trip, must null against the bed below -100 dBFS when the song is
 * rendered with the pass polarity-inverted at equal gain. Everything runs through the package's
 * own {@code taperoom} command as root, in a library of its own, with the service stopped.
 *
 * <p>The emulator sometimes stalls the guest for longer than the device buffer (0.68 s here): the
 * pass then either ends early or warns that the song or the capture gapped, which is the promise
 * (never silently out of sync). Such a pass is counted and another one recorded in a fresh song;
 * every pass that reports no fault must null, and at least one of {@link #ATTEMPTS} must be clean.
 * The CLI's JVM runs with C1 and the serial collector ({@link #EMULATOR_JVM}): under TCG, C2's and
 * ZGC's threads took the CPU the real-time threads needed (every pass gapped in trials).
 */
@ExtendWith(Guest.Extension.class)
@Order(3)
class OverdubNullInGuestIT {
    private static final String DEVICE = "taperoom_overdub";
    private static final String LIBRARY = "/root/overdub-library";
    private static final String CONFIG = "/root/overdub.conf";
    private static final int ATTEMPTS = 4;
    /** An emulator allowance (see the class comment); the package's own options otherwise. */
    private static final String EMULATOR_JVM = "export TAPEROOM_JAVA_OPTS='-XX:-UseZGC -XX:+UseSerialGC -XX:TieredStopAtLevel=1'; ";
    private static final Pattern ROUND_TRIP = Pattern.compile("\"round_trip_frames\"\\s*:\\s*([0-9]+)");
    private static final Pattern SPREAD = Pattern.compile("\"spread_frames\"\\s*:\\s*([0-9]+)");
    private static final Pattern PLACED = Pattern.compile("pass placed at song frame (-?[0-9]+)");

    @AfterAll
    static void startTheServiceAgain() throws Exception {
        Guest.get().check("systemctl start taperoom && systemctl is-active taperoom");
    }

    @Test
    void aPassRecordedThroughSndAloopNullsAgainstItsBedBelowMinus100Dbfs(@TempDir Path dir) throws Exception {
        Guest g = Guest.get();
        g.check("lsmod | grep -q '^snd_aloop'");
        g.check("systemctl stop taperoom");
        g.check("printf 'pcm.%s {\\n    type asym\\n    playback.pcm \"hw:Loopback,0,2\"\\n    capture.pcm \"hw:Loopback,1,2\"\\n}\\n' "
                + DEVICE + " > /root/overdub-alsa.conf");
        // Periods of 1024 frames, 32 to the buffer (0.68 s): the emulator pauses the guest for
        // far longer than a small buffer would ride out.
        g.check("rm -rf " + LIBRARY + " && mkdir -p " + LIBRARY + " && printf 'library = " + LIBRARY + "\\ndevice = " + DEVICE
                + "\\nalsaConfig = /root/overdub-alsa.conf\\nchannels = 2\\nbits = 24\\nalsaFormat = S32_LE\\nperiodFrames = 1024\\nbufferPeriods = 32\\n' > " + CONFIG);

        // The bed: three seconds of one input of the simulator's noise (the pass records four, so
        // that it covers the whole bed: a frame of bed outside the pass cannot null).
        String bed = g.check(EMULATOR_JVM + "taperoom record --config " + CONFIG
                + " --device sim --signal noise --channels 1 --seconds 3 --name bed --pre-roll-seconds 0 2>/dev/null | tail -n 1");
        String bedTake = bed.substring(0, bed.lastIndexOf('/')).replaceAll(".*/", "") + "_" + bed.substring(bed.lastIndexOf('/') + 1);

        String calibrated = g.check(EMULATOR_JVM + "taperoom calibrate --config " + CONFIG + " --json 2>/dev/null | tail -n 1");
        Matcher rt = ROUND_TRIP.matcher(calibrated);
        Matcher spread = SPREAD.matcher(calibrated);
        assertTrue(rt.find() && spread.find(), calibrated);
        assertEquals(0, Integer.parseInt(spread.group(1)), "the repeats of the calibration agree to the sample: " + calibrated);

        List<String> faulted = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // A fresh song each time: the bed alone, hard left, so output 1 carries exactly the bed.
            String song = g.check(EMULATOR_JVM + "taperoom song new --library " + LIBRARY + " --name Null" + attempt
                    + " --from-take " + bedTake + " 2>/dev/null | tail -n 1").replaceAll(".*/", "");
            g.check("sed -i 's/\"tracks\" : { }/\"tracks\" : { \"in-1\" : { \"pan\" : -1.0 } }/' " + LIBRARY + "/songs/" + song + "/song.json"
                    + " && grep -q '\"pan\" : -1.0' " + LIBRARY + "/songs/" + song + "/song.json");
            Guest.Result pass = g.sh(EMULATOR_JVM + "taperoom overdub --config " + CONFIG + " --song " + song
                    + " --inputs 1 --lanes dub --seconds 4 2>&1 | grep -v ' INFO ' | grep -v '^[[:space:]]*at '");
            String said = pass.output().strip();
            if (said.contains("ended early") || said.contains("warning:")) {
                assertTrue(said.contains("ended early") || said.contains("gap") || said.contains("lost frames"), "a fault said in words: " + said);
                faulted.add("attempt " + attempt + ": " + said.lines().filter(l -> l.contains("warning") || l.contains("early")).findFirst().orElse(said));
                continue;
            }
            Matcher placed = PLACED.matcher(said);
            assertTrue(placed.find(), said);

            String settings = "{\"mix\": {\"tracks\": {\"in-1\": {\"pan\": -1}, \"dub\": {\"pan\": -1, \"polarity_inverted\": true}}},"
                    + " \"master\": {\"normalize\": false}, \"output\": {\"sample_format\": \"f32\", \"tail_seconds\": 0}}";
            g.check("printf '%s' '" + settings + "' > /root/null.json && printf '%s' '" + settings.replace("\"polarity_inverted\": true", "\"mute\": true")
                    + "' > /root/bed.json");
            g.check(EMULATOR_JVM + "taperoom render --library " + LIBRARY + " --song " + song + " --settings /root/null.json --out /root/null.wav --quiet");
            g.check(EMULATOR_JVM + "taperoom render --library " + LIBRARY + " --song " + song + " --settings /root/bed.json --out /root/bed.wav --quiet");
            g.copyOut("/root/null.wav", dir);
            g.copyOut("/root/bed.wav", dir);
            double nullDb = peakDbfs(dir.resolve("null.wav"));
            double bedDb = peakDbfs(dir.resolve("bed.wav"));
            System.out.printf("guest overdub through snd-aloop (linked, 32 x 1024 frames): round trip %s frames (spread %s), pass placed at"
                    + " song frame %s, null %.1f dBFS, bed %.1f dBFS; passes the emulator faulted before this one: %d (reported, retried)%n",
                    rt.group(1), spread.group(1), placed.group(1), nullDb, bedDb, faulted.size());
            faulted.forEach(f -> System.out.println("  " + f));
            assertTrue(bedDb > -20, "the bed is there to null: " + bedDb + " dBFS");
            assertTrue(nullDb < -100, "bed minus pass peaks at " + nullDb + " dBFS (pass: " + said + ")");
            return;
        }
        throw new AssertionError("no pass of " + ATTEMPTS + " ran without a fault the emulator caused: " + faulted);
    }

    /** The sample peak of a WAV file in dBFS, as sox's stat reads it (-inf for digital silence). */
    private static double peakDbfs(Path wav) throws Exception {
        String out = Guest.host("sox", wav.toString(), "-n", "stat");
        Matcher max = Pattern.compile("Maximum amplitude:\\s*(\\S+)").matcher(out);
        Matcher min = Pattern.compile("Minimum amplitude:\\s*(\\S+)").matcher(out);
        assertTrue(max.find() && min.find(), out);
        double peak = Math.max(Math.abs(Double.parseDouble(max.group(1))), Math.abs(Double.parseDouble(min.group(1))));
        return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak);
    }
}
