package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A known signal through snd-aloop in the guest: the service set to capture hw:Loopback,1, noise
 * played with aplay into hw:Loopback,0 during a take, and the take's tracks compared with it sample
 * for sample. Shared by the amd64 guest's recording test and the arm64 smoke test.
 */
final class LoopbackSignal {
    static final String CONFIG = "/etc/taperoom/taperoom.conf";

    private LoopbackSignal() {}

    /**
     * The service captures the loopback (2 channels, S32_LE), with {@code extra} configuration lines
     * ("key = value\n"), written over earlier ones; then a restart, which must be READY on it.
     */
    static void captureFromTheLoopback(Guest g, String extra) throws Exception {
        g.check("lsmod | grep -q '^snd_aloop'");
        g.check("sed -i '/^\\(device\\|channels\\|bits\\|alsaFormat\\|periodFrames\\|bufferPeriods\\) *=/d' " + CONFIG
                + " && printf 'device = hw:CARD=Loopback,DEV=1\\nchannels = 2\\nbits = 24\\nalsaFormat = S32_LE\\n" + extra + "' >> " + CONFIG);
        g.check("systemctl restart taperoom && systemctl is-active taperoom");
        String status = g.check("systemctl show -P StatusText taperoom");
        assertTrue(status.contains("Loopback"), status);
    }

    /**
     * Records a take through the panel while {@code seconds} of 24-bit noise play into the loopback,
     * and requires both tracks to hold the noise sample for sample (after the loopback's offset).
     * Returns the guest's take folder.
     */
    static String recordNoiseBitExact(Guest g, Path dir, int seconds) throws Exception {
        // The signal: 24-bit noise in a 32-bit container (the capture side's S32_LE), made by sox on the host.
        Path noise = dir.resolve("noise.wav");
        Guest.host("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", "-e", "signed-integer", noise.toString(),
                "synth", Integer.toString(seconds), "whitenoise", "whitenoise", "gain", "-6");
        // Half a second of silence after the noise: snd-aloop moves audio across on its timer, and
        // what is left when the playing side stops never arrives (without the pad the noise's last
        // 192 frames, one 4-ms kernel tick, came back as zeros). Only the noise is compared.
        Path signal = dir.resolve("signal.wav");
        Guest.host("sox", noise.toString(), "-b", "32", "-e", "signed-integer", signal.toString(), "pad", "0", "0.5");
        g.copyIn(signal, "/root/signal.wav");

        Guest.Panel panel = g.login();
        assertEquals(2, panel.post("/api/transport/record").statusCode() / 100);
        // aplay with half a second of buffer, so that the emulator's pauses on a loaded host do not
        // underrun the playing side (which would put silence into the loop, not an error of ours).
        g.check("sleep 1; aplay -q -D hw:Loopback,0 --buffer-time=500000 /root/signal.wav; sleep 1");
        assertEquals(2, panel.post("/api/transport/stop").statusCode() / 100);
        String folder = g.newestCompleteTake();
        String takeJson = g.check("cat '" + folder + "/take.json'");
        List<Path> tracks = g.copyOutWavs(folder, dir.resolve("take"));
        assertEquals(2, tracks.size(), tracks.toString());
        for (int channel = 0; channel < 2; channel++) {
            int[] played = Arrays.copyOf(samples(dir, signal, channel + 1), seconds * 48000);
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
            System.out.printf("guest: loopback channel %d bit-exact over %d samples after an offset of %d frames%n",
                    channel + 1, played.length, offset);
        }
        return folder;
    }

    /** Channel {@code channel} (1-based) of a WAV file as 32-bit samples (24-bit values shifted up), via sox. */
    static int[] samples(Path dir, Path wav, int channel) throws Exception {
        Path raw = dir.resolve(wav.getFileName() + "." + channel + ".s32");
        Guest.host("sox", wav.toString(), "-t", "s32", "-e", "signed-integer", "-b", "32", raw.toString(), "remix", Integer.toString(channel));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) out[i] = b.getInt();
        return out;
    }

    /** Where the first 64 samples of {@code needle} start in {@code haystack}, or -1. */
    static int find(int[] haystack, int[] needle) {
        for (int start = 0; start + 64 <= haystack.length; start++) {
            int i = 0;
            while (i < 64 && haystack[start + i] == needle[i]) i++;
            if (i == 64) return start;
        }
        return -1;
    }
}
