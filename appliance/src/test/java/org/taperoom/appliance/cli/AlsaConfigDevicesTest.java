package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taperoom.appliance.cli.Run.taperoom;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.drivers.alsa.VirtualRig;
import org.taperoom.drivers.audio.SampleFormat;

/**
 * {@code taperoom overdub} and {@code taperoom calibrate} open their device as {@code record} does:
 * a PCM defined in the configuration's alsaConfig file, in its alsaFormat. Here a full-duplex PCM
 * of alsa-lib's file plugin: it captures from a file and writes what is played into another, so
 * the bytes played show the device was opened and played into.
 */
class AlsaConfigDevicesTest {
    @TempDir
    Path dir;

    private Path duplexConfig(Path played) throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), 2, 20 * 48000L, SampleFormat.S32_LE);
        return Files.writeString(dir.resolve("duplex.conf"), "pcm.duplex { type file slave.pcm { type null } file \"" + played
                + "\" infile \"" + in + "\" format \"raw\" }\n");
    }

    @Test
    void anOverdubPlaysTheSongIntoADeviceTheAlsaConfigDefinesAndRecordsItsPass() throws Exception {
        Path library = dir.resolve("library");
        Run bed = taperoom("record", "--library", library.toString(), "--device", "sim", "--signal", "noise", "--channels", "1",
                "--seconds", "0.5", "--name", "bed", "--pre-roll-seconds", "0");
        assertEquals(0, bed.status(), bed.err());
        Path folder = Path.of(bed.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        String takeId = folder.getParent().getFileName() + "_" + folder.getFileName();
        Run song = taperoom("song", "new", "--library", library.toString(), "--name", "Bed", "--from-take", takeId);
        assertEquals(0, song.status(), song.err());

        Path played = dir.resolve("played.raw");
        Run pass = taperoom("overdub", "--library", library.toString(), "--song", "bed", "--inputs", "1", "--lanes", "dub",
                "--seconds", "0.5", "--device", "duplex", "--alsaConfig", duplexConfig(played).toString(), "--alsaFormat", "S32_LE",
                "--channels", "2", "--realtimePriority", "0");
        assertEquals(0, pass.status(), pass.err());
        assertTrue(nonZeroBytes(played) > 48000, "the song was played into the device: " + nonZeroBytes(played) + " non-zero bytes");
        Path passFolder = Path.of(pass.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(Files.size(passFolder.resolve("01-dub.wav")) > 48000, "the pass's track in " + passFolder);
    }

    @Test
    void aCalibrationPlaysItsTestSignalIntoADeviceTheAlsaConfigDefines() throws Exception {
        Path played = dir.resolve("played.raw");
        Run r = taperoom("calibrate", "--library", dir.resolve("library").toString(), "--device", "duplex", "--alsaConfig",
                duplexConfig(played).toString(), "--alsaFormat", "S32_LE", "--channels", "2", "--realtimePriority", "0", "--repeats", "1");
        // The file plugin's capture is a file, not a cable: no round trip is found in it, but the
        // test signal went out through the device the configuration defines.
        assertFalse(r.err().contains("duplex") && r.err().contains("open"), "the device opened: " + r.err());
        assertTrue(nonZeroBytes(played) > 1000, "the test signal was played into the device: " + nonZeroBytes(played)
                + " non-zero bytes; " + r.err());
    }

    private static long nonZeroBytes(Path file) throws Exception {
        if (!Files.exists(file)) return 0;
        long n = 0;
        for (byte b : Files.readAllBytes(file)) if (b != 0) n++;
        return n;
    }
}
