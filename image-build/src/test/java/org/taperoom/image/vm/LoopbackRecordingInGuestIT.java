package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording from a kernel ALSA driver with real period timing: a known signal (24-bit white noise,
 * different on each channel) played with aplay into snd-aloop's hw:Loopback,0 inside the guest,
 * captured by taperoom.service through hw:Loopback,1; every track file matches its channel sample
 * for sample once the loopback's own offset is found.
 */
@ExtendWith(Guest.Extension.class)
class LoopbackRecordingInGuestIT {
    private static final int SIGNAL_SECONDS = 6;

    @Test
    void aSignalPlayedIntoTheLoopbackIsRecordedBitExactByTheService(@TempDir Path dir) throws Exception {
        Guest g = Guest.get();
        // The signal: 24-bit noise in a 32-bit container (the capture side's S32_LE), made by sox on the host.
        Path noise = dir.resolve("noise.wav");
        host("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", "-e", "signed-integer", noise.toString(),
                "synth", Integer.toString(SIGNAL_SECONDS), "whitenoise", "whitenoise", "gain", "-6");
        Path signal = dir.resolve("signal.wav");
        host("sox", noise.toString(), "-b", "32", "-e", "signed-integer", signal.toString());
        g.copyIn(signal, "/root/signal.wav");

        g.check("printf 'device = hw:CARD=Loopback,DEV=1\\nchannels = 2\\nbits = 24\\nalsaFormat = S32_LE\\n' >> /etc/taperoom/taperoom.conf");
        g.check("systemctl restart taperoom && systemctl is-active taperoom");
        String status = g.check("systemctl show -P StatusText taperoom");
        assertTrue(status.contains("Loopback"), status);

        Guest.Panel panel = g.login();
        assertEquals(2, panel.post("/api/transport/record").statusCode() / 100);
        g.check("sleep 1; aplay -q -D hw:Loopback,0 /root/signal.wav; sleep 1");
        assertEquals(2, panel.post("/api/transport/stop").statusCode() / 100);
        String folder = g.check("for i in $(seq 1 60); do f=$(ls -td /var/lib/taperoom/library/*/*/ | head -n 1);"
                + " grep -q '\"complete\"' \"$f/take.json\" 2>/dev/null && { echo \"$f\"; exit 0; }; sleep 1; done; exit 1");
        Path copy = Files.createDirectories(dir.resolve("take"));
        g.copyOut(folder, copy);
        List<Path> tracks;
        try (Stream<Path> s = Files.walk(copy)) {
            tracks = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        assertEquals(2, tracks.size(), tracks.toString());
        for (int channel = 0; channel < 2; channel++) {
            int[] played = samples(dir, signal, channel + 1);
            int[] recorded = samples(dir, tracks.get(channel), 1);
            int offset = find(recorded, played);
            assertTrue(offset >= 0, "the played signal is not in " + tracks.get(channel).getFileName());
            for (int i = 0; i < played.length; i++) {
                if (recorded[offset + i] != played[i]) {
                    throw new AssertionError("channel " + (channel + 1) + " differs at sample " + i + " after offset " + offset);
                }
            }
            System.out.printf("loopback: channel %d bit-exact over %d samples after an offset of %d frames%n", channel + 1, played.length, offset);
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

    /** Where {@code needle} starts in {@code haystack} whole, or -1. */
    private static int find(int[] haystack, int[] needle) {
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            int i = 0;
            while (i < 64 && haystack[start + i] == needle[i]) i++;
            if (i == 64) return start;
        }
        return -1;
    }

    private static void host(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}
