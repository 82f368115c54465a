package org.taperoom.appliance.dsp.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.Preset;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.testing.TestAudio;

/**
 * The master's promises on varied material: integrated loudness within 0.5 LU of the target
 * where the ceiling allows it (otherwise the result says how far short and why), the true peak
 * of the file never above the ceiling, and the figures agreeing with ffmpeg's ebur128 filter
 * (0.1 LU, 0.2 dB).
 */
class MasterGuaranteesTest {
    private static final int RATE = 48000;
    private static final double SECONDS = 12;

    private static RenderSettings preset(Preset p) {
        return RenderSettings.DEFAULT.withMaster(MasterSettings.DEFAULT.withPreset(p, p.targetLufs));
    }

    private static RenderResult render(Path take, RenderSettings s, Path out) throws Exception {
        return new Renderer(2).render(TakeTracks.find(take), s, out, RenderProgress.NONE, () -> false);
    }

    /** Checks the promises on a finished render, measuring the file afresh. */
    private static LoudnessFigures assertPromisesKept(RenderResult r, double target, double ceiling) throws Exception {
        LoudnessFigures f = FileLoudness.measure(r.file());
        assertNotNull(f.truePeakDbtp());
        assertTrue(f.truePeakDbtp() <= ceiling, r.file().getFileName() + ": true peak " + f.truePeakDbtp() + " above ceiling " + ceiling);
        if (r.shortfallLu() == null) {
            assertEquals(target, f.integratedLufs(), 0.5, r.file().getFileName() + " integrated loudness");
        } else {
            assertTrue(r.shortfallLu() > 0.5 && r.note() != null && f.integratedLufs() < target - 0.5,
                    "a shortfall is reported with its reason: " + r.shortfallLu() + " / " + r.note());
        }
        return f;
    }

    private static void assertFfmpegAgrees(Path file, LoudnessFigures ours) throws Exception {
        TestAudio.FfmpegLoudness theirs = TestAudio.ffmpegEbur128(file);
        System.out.printf("%s: ours I %.2f LUFS TP %.2f dBTP; ffmpeg I %.2f LUFS TP %.2f dBTP%n", file.getFileName(),
                ours.integratedLufs(), ours.truePeakDbtp(), theirs.integratedLufs(), theirs.truePeakDbtp());
        assertEquals(theirs.integratedLufs(), ours.integratedLufs(), 0.1, "integrated loudness vs ffmpeg");
        assertEquals(theirs.truePeakDbtp(), ours.truePeakDbtp(), 0.2, "true peak vs ffmpeg");
    }

    @Test
    void aBandReachesEveryPresetTargetUnderTheCeiling(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, SECONDS, 1));
        for (Preset p : List.of(Preset.STREAMING, Preset.APPLE, Preset.BROADCAST, Preset.REHEARSAL)) {
            RenderResult r = render(take, preset(p), dir.resolve(p.jsonName() + ".wav"));
            LoudnessFigures f = assertPromisesKept(r, p.targetLufs, -1);
            assertNull(r.shortfallLu(), p + " fell short: " + r.note());
            if (p == Preset.STREAMING || p == Preset.BROADCAST) assertFfmpegAgrees(r.file(), f);
        }
    }

    @Test
    void aCustomTargetAndCeilingAreHonoured(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, SECONDS, 2));
        RenderSettings s = RenderSettings.parse("{\"master\": {\"preset\": \"custom\", \"target_lufs\": -11, \"ceiling_dbtp\": -2}}");
        RenderResult r = render(take, s, dir.resolve("loud.wav"));
        LoudnessFigures f = assertPromisesKept(r, -11, -2);
        assertTrue(r.limiterMaxReductionDb() < -1, "-11 LUFS under -2 dBTP needs the limiter: " + r.limiterMaxReductionDb());
        assertFfmpegAgrees(r.file(), f);
    }

    @Test
    void sparseTransientsFallShortAndSayWhy(@TempDir Path dir) throws Exception {
        float[] clicks = new float[(int) (RATE * SECONDS)];
        Random rnd = new Random(3);
        for (int start = 0; start + 240 < clicks.length; start += RATE) {
            for (int i = 0; i < 240; i++) clicks[start + i] = (float) ((rnd.nextDouble() * 2 - 1) * 0.9 * Math.exp(-i / 40.0));
        }
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, List.of("clicks"), List.of(clicks));
        RenderResult r = render(take, preset(Preset.STREAMING), dir.resolve("clicks.wav"));
        assertPromisesKept(r, -14, -1);
        assertNotNull(r.shortfallLu(), "1 click a second cannot reach -14 LUFS with 6 dB of limiting");
        assertTrue(r.note().contains("max_limiting_db"), r.note());
    }

    @Test
    void silenceStaysSilentAndSaysSo(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, List.of("nothing"), List.of(new float[RATE * 4]));
        RenderResult r = render(take, preset(Preset.STREAMING), dir.resolve("silence.wav"));
        LoudnessFigures f = FileLoudness.measure(r.file());
        assertNull(f.integratedLufs());
        assertTrue(f.samplePeakDbfs() == null || f.samplePeakDbfs() < -130, "dither of silence stays at most 1 LSB: " + f.samplePeakDbfs());
        assertTrue(r.note().contains("silent"), r.note());
    }

    @Test
    void aDcOffsetDoesNotEatTheHeadroom(@TempDir Path dir) throws Exception {
        float[] dc = TestAudio.sine(RATE, 330, 0.1, SECONDS);
        for (int i = 0; i < dc.length; i++) dc[i] += 0.6f;
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, List.of("offset"), List.of(dc));
        RenderResult r = render(take, preset(Preset.STREAMING), dir.resolve("dc.wav"));
        assertPromisesKept(r, -14, -1);
        assertNull(r.shortfallLu(), "a 5 Hz DC blocker leaves the tone's headroom: " + r.note());
    }

    @Test
    void aClippedInputIsBroughtUnderTheCeiling(@TempDir Path dir) throws Exception {
        float[] a = TestAudio.sine(RATE, 110, 3, SECONDS);
        float[] b = TestAudio.sine(RATE, 165, 3, SECONDS);
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(-1, Math.min(1, a[i]));
            b[i] = Math.max(-1, Math.min(1, b[i]));
        }
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, List.of("fuzz", "fuzz2"), List.of(a, b));
        RenderResult r = render(take, preset(Preset.STREAMING), dir.resolve("clipped.wav"));
        LoudnessFigures f = assertPromisesKept(r, -14, -1);
        assertNull(r.shortfallLu(), r.note());
        assertTrue(r.before().truePeakDbtp() > 0, "the input was over full scale: " + r.before().truePeakDbtp());
        assertFfmpegAgrees(r.file(), f);
    }

    @Test
    void theSameSettingsGiveTheSameBytesWhateverTheThreads(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, 6, 4));
        RenderSettings s = RenderSettings.parse("""
                {"mix": {"tracks": {"lead": {"reverb_send_db": -10, "delay_send_db": -12, "pan": 0.3,
                                             "compressor": {"on": true}}},
                         "delay": {"sync": "1/4"}},
                 "output": {"sample_format": "s16"}}""");
        List<byte[]> files = new ArrayList<>();
        int i = 0;
        // 5 threads on this machine's 2 cores: tasks move between threads from round to round.
        for (int threads : new int[] {1, 2, 2, 5}) {
            Path out = dir.resolve("mix" + i++ + ".flac");
            new Renderer(threads).render(TakeTracks.find(take), s, out, RenderProgress.NONE, () -> false);
            files.add(Files.readAllBytes(out));
        }
        assertArrayEquals(files.get(0), files.get(1), "1 thread vs 2 threads");
        assertArrayEquals(files.get(1), files.get(2), "the same render twice");
        assertArrayEquals(files.get(0), files.get(3), "1 thread vs 5 threads");
    }

    @Test
    void aTrackNameTheTakeDoesNotHaveIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, List.of("vox"), List.of(TestAudio.sine(RATE, 440, 0.1, 1)));
        SettingsException e = org.junit.jupiter.api.Assertions.assertThrows(SettingsException.class,
                () -> render(take, RenderSettings.parse("{\"mix\": {\"tracks\": {\"voks\": {}}}}"), dir.resolve("x.wav")));
        assertTrue(e.getMessage().startsWith("mix.tracks.voks: no such track"), e.getMessage());
    }
}
