package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    private static final String CONFIG = "/etc/taperoom/taperoom.conf";
    private static final Pattern FILLED = Pattern.compile("\"filled\"\\s*:\\s*true");
    private static final Pattern OVERRUN = Pattern.compile("\\{[^{}]*\"droppedFrames\"\\s*:\\s*(-?[0-9]+)[^{}]*\\}");

    @BeforeAll
    static void captureFromTheLoopback() throws Exception {
        Guest g = Guest.get();
        g.check("lsmod | grep -q '^snd_aloop'");
        // Periods of 1024 frames, 16 in the buffer (341 ms): a loaded host pauses the emulator for
        // longer than the default 21 ms, which would overrun the bit-exact test's capture.
        setDevice(g, "periodFrames = 1024\\nbufferPeriods = 16\\n");
    }

    /** The loopback's capture side with {@code extra} lines, written over earlier ones, and a restart. */
    private static void setDevice(Guest g, String extra) throws Exception {
        g.check("sed -i '/^\\(device\\|channels\\|bits\\|alsaFormat\\|periodFrames\\|bufferPeriods\\) *=/d' " + CONFIG
                + " && printf 'device = hw:CARD=Loopback,DEV=1\\nchannels = 2\\nbits = 24\\nalsaFormat = S32_LE\\n" + extra + "' >> " + CONFIG);
        g.check("systemctl restart taperoom && systemctl is-active taperoom");
        String status = g.check("systemctl show -P StatusText taperoom");
        assertTrue(status.contains("Loopback"), status);
    }

    @Test
    @Order(1)
    void aSignalPlayedIntoTheLoopbackIsRecordedBitExactByTheService(@TempDir Path dir) throws Exception {
        Guest g = Guest.get();
        // The signal: 24-bit noise in a 32-bit container (the capture side's S32_LE), made by sox on the host.
        Path noise = dir.resolve("noise.wav");
        host("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", "-e", "signed-integer", noise.toString(),
                "synth", Integer.toString(SIGNAL_SECONDS), "whitenoise", "whitenoise", "gain", "-6");
        // Half a second of silence after the noise: snd-aloop moves audio across on its timer, and
        // what is left when the playing side stops never arrives (without the pad the noise's last
        // 192 frames, one 4-ms kernel tick, came back as zeros). Only the noise is compared.
        Path signal = dir.resolve("signal.wav");
        host("sox", noise.toString(), "-b", "32", "-e", "signed-integer", signal.toString(), "pad", "0", "0.5");
        g.copyIn(signal, "/root/signal.wav");

        Guest.Panel panel = g.login();
        assertEquals(2, panel.post("/api/transport/record").statusCode() / 100);
        // aplay with half a second of buffer, so that the emulator's pauses on a loaded host do not
        // underrun the playing side (which would put silence into the loop, not an error of ours).
        g.check("sleep 1; aplay -q -D hw:Loopback,0 --buffer-time=500000 /root/signal.wav; sleep 1");
        assertEquals(2, panel.post("/api/transport/stop").statusCode() / 100);
        String folder = g.newestCompleteTake();
        String takeJson = g.check("cat '" + folder + "/take.json'");
        List<Path> tracks = copyTracks(g, folder, dir.resolve("take"));
        assertEquals(2, tracks.size(), tracks.toString());
        for (int channel = 0; channel < 2; channel++) {
            int[] played = Arrays.copyOf(samples(dir, signal, channel + 1), SIGNAL_SECONDS * 48000);
            int[] recorded = samples(dir, tracks.get(channel), 1);
            int offset = find(recorded, played);
            assertTrue(offset >= 0, "the played signal's start is not in " + tracks.get(channel).getFileName() + "; take.json: " + takeJson);
            assertTrue(offset + played.length <= recorded.length, "the recording ends inside the signal");
            for (int i = 0; i < played.length; i++) {
                if (recorded[offset + i] != played[i]) {
                    throw new AssertionError("channel " + (channel + 1) + " differs at sample " + i + " after offset " + offset
                            + " (played " + played[i] + ", recorded " + recorded[offset + i] + "); take.json: " + takeJson);
                }
            }
            System.out.printf("loopback: channel %d bit-exact over %d samples after an offset of %d frames%n", channel + 1, played.length, offset);
        }
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

        List<Path> tracks = copyTracks(g, folder, dir.resolve("take"));
        assertEquals(2, tracks.size(), tracks.toString());
        long frames = -1;
        for (Path track : tracks) {
            long sox = Long.parseLong(host("sox", "--i", "-s", track.toString()).strip());
            String probe = host("ffprobe", "-v", "error", "-show_entries", "stream=duration_ts", "-of", "csv=p=0", track.toString()).strip();
            assertEquals(sox, Long.parseLong(probe), track + ": sox and ffprobe disagree on its length");
            if (frames >= 0) assertEquals(frames, sox, "tracks of one take differ in length");
            frames = sox;
        }
        // The gaps are silence at their place: the take holds the lost time, not less.
        assertTrue(frames > droppedFrames, frames + " frames in the files, " + droppedFrames + " lost");
        System.out.printf("starvation: %d overruns, %d frames (%.3f s) lost and filled, take %.3f s; state during: %s%n",
                overruns, droppedFrames, droppedFrames / 48000.0, frames / 48000.0, during);
    }

    private static List<Path> copyTracks(Guest g, String folder, Path into) throws Exception {
        Files.createDirectories(into);
        g.copyOut(folder, into);
        try (Stream<Path> s = Files.walk(into)) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }

    /** Channel {@code channel} (1-based) of a WAV file as 32-bit samples (24-bit values shifted up), via sox. */
    private static int[] samples(Path dir, Path wav, int channel) throws Exception {
        Path raw = dir.resolve(wav.getFileName() + "." + channel + ".s32");
        host("sox", wav.toString(), "-t", "s32", "-e", "signed-integer", "-b", "32", raw.toString(), "remix", Integer.toString(channel));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) out[i] = b.getInt();
        return out;
    }

    /** Where the first 64 samples of {@code needle} start in {@code haystack}, or -1. */
    private static int find(int[] haystack, int[] needle) {
        for (int start = 0; start + 64 <= haystack.length; start++) {
            int i = 0;
            while (i < 64 && haystack[start + i] == needle[i]) i++;
            if (i == 64) return start;
        }
        return -1;
    }

    private static String host(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
