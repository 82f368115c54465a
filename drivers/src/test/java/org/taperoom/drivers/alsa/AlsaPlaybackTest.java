package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/** Playback through real alsa-lib: the file plugin writes what the device was given to a file. */
class AlsaPlaybackTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SampleFormat.class)
    void playedSamplesReachTheDeviceBitExactInItsFormat(SampleFormat format) throws Exception {
        int channels = 4;
        int periodFrames = 128;
        int periods = 20;
        Path out = dir.resolve("out.raw");
        String conf = "pcm.out { type file slave.pcm { type null } file \"" + out + "\" format \"raw\" }\n";
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, conf)) {
            AlsaPlaybackStream s = alsa.openPlayback("out", new StreamConfig(channels, 48000, periodFrames, 4, format));
            s.start();
            int[] period = new int[periodFrames * channels];
            for (int p = 0; p < periods; p++) {
                for (int i = 0; i < period.length; i++) {
                    period[i] = VirtualRig.expected(i % channels, (long) p * periodFrames + i / channels, format);
                }
                assertEquals(ReadStatus.OK, s.writePeriod(period));
            }
            s.drainAndClose();
            assertEquals(0, s.underruns());
        }
        Path want = VirtualRig.writeInfile(dir.resolve("want.raw"), channels, (long) periods * periodFrames, format);
        assertArrayEquals(Files.readAllBytes(want), Files.readAllBytes(out), format + ": the bytes the device got");
    }
}
