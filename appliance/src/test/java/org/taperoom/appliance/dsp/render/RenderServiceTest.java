package org.taperoom.appliance.dsp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.testing.TestAudio;

/** The API the panel calls: settings get/put, background jobs with progress and cancel, the renders list, the quick mix. */
class RenderServiceTest {
    private static final int RATE = 48000;

    private static RenderService service() {
        return new RenderService(new Renderer(2), Clock.fixed(Instant.parse("2026-11-25T10:15:00Z"), ZoneOffset.UTC));
    }

    private static RenderJob.Snapshot await(RenderJob job) throws InterruptedException {
        for (int i = 0; i < 1200 && (job.state() == RenderJob.State.QUEUED || job.state() == RenderJob.State.RUNNING); i++) Thread.sleep(50);
        return job.snapshot();
    }

    @Test
    void settingsArePutValidatedAndReadBack(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, List.of("vox", "bass"), List.of(TestAudio.sine(RATE, 440, 0.2, 1), TestAudio.sine(RATE, 55, 0.2, 1)));
        try (RenderService s = service()) {
            s.putMixSettings(take, "{\"tracks\": {\"vox\": {\"fader_db\": -4.5}}}");
            assertEquals(-4.5, s.mixSettings(take).track("01-vox", "vox").faderDb());
            SettingsException e = assertThrows(SettingsException.class, () -> s.putMixSettings(take, "{\"tracks\": {\"drums\": {}}}"));
            assertTrue(e.getMessage().contains("mix.tracks.drums: no such track"), e.getMessage());
            assertEquals(-4.5, s.mixSettings(take).track("01-vox", "vox").faderDb(), "a rejected document leaves the stored one");
            s.putMasterSettings(take, "{\"preset\": \"broadcast\"}");
            assertEquals(-23, s.masterSettings(take).targetLufs());
            assertTrue(Files.isRegularFile(take.resolve("mix.json")) && Files.isRegularFile(take.resolve("master.json")));
        }
    }

    @Test
    void aJobReportsRisingProgressAndListsItsRender(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, 6, 5));
        try (RenderService s = service()) {
            s.putMasterSettings(take, "{\"preset\": \"apple\"}");
            RenderJob job = s.start(take, "master", "wav", "{\"tags\": {\"title\": \"t\"}}");
            List<Double> seen = Collections.synchronizedList(new ArrayList<>());
            while (job.state() == RenderJob.State.QUEUED || job.state() == RenderJob.State.RUNNING) {
                seen.add(job.snapshot().fraction());
                Thread.sleep(5);
            }
            RenderJob.Snapshot done = job.snapshot();
            assertEquals(RenderJob.State.DONE, done.state(), done.error());
            assertEquals(1.0, done.fraction());
            for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
            assertEquals("20261125-101500-master.wav", done.file().getFileName().toString());
            LoudnessFigures f = FileLoudness.measure(done.file());
            assertEquals(-16, f.integratedLufs(), 0.5);
            List<RenderService.RenderInfo> renders = s.renders(take);
            assertEquals(1, renders.size());
            assertEquals(-16.0, renders.get(0).record().at("/result/target_lufs").asDouble());
        }
    }

    @Test
    void aCancelledJobLeavesNoFileBehind(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, 30, 6));
        try (RenderService s = service()) {
            RenderJob job = s.start(take, "long", "flac", null);
            while (job.snapshot().fraction() < 0.05 && job.state() != RenderJob.State.DONE) Thread.sleep(5);
            job.cancel();
            RenderJob.Snapshot end = await(job);
            assertEquals(RenderJob.State.CANCELLED, end.state());
            Path renders = take.resolve("renders");
            if (Files.isDirectory(renders)) {
                try (Stream<Path> files = Files.list(renders)) {
                    assertEquals(List.of(), files.toList());
                }
            }
            assertTrue(end.fraction() < 1.0, "stopped before the end: " + end.fraction());
        }
    }

    @Test
    void theQuickMixLevelsTracksHighPassesAllButTheLowOnesAndRendersAnMp3(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        List<float[]> band = new ArrayList<>(TestAudio.band(RATE, 6, 8));
        // A quiet, bass-heavy track with an unhelpful name is detected by its content.
        float[] drone = TestAudio.sine(RATE, 45, 0.05, 6);
        band.add(drone);
        List<String> names = new ArrayList<>(TestAudio.BAND_NAMES);
        names.add("track6");
        TestAudio.writeTake(take, RATE, names, band);
        var settings = QuickMix.settingsFor(TakeTracks.find(take));
        assertFalse(settings.mix().track("01-kick", "kick").eq().highPass().on(), "kick by name");
        assertFalse(settings.mix().track("02-bass", "bass").eq().highPass().on(), "bass by name");
        assertFalse(settings.mix().track("06-track6", "track6").eq().highPass().on(), "bass by content");
        assertTrue(settings.mix().track("05-lead", "lead").eq().highPass().on());
        assertTrue(settings.mix().track("04-hats", "hats").eq().highPass().on());
        // Automatic levels: the quiet drone gets more gain than the loud kick.
        assertTrue(settings.mix().track("06-track6", "track6").faderDb() > settings.mix().track("01-kick", "kick").faderDb() + 6);
        try (RenderService s = service()) {
            RenderJob job = new QuickMix(s).start(take);
            RenderJob.Snapshot done = await(job);
            assertEquals(RenderJob.State.DONE, done.state(), done.error());
            Path mp3 = take.resolve("renders/quick-mix.mp3");
            LoudnessFigures f = FileLoudness.measure(mp3);
            assertEquals(-18, f.integratedLufs(), 0.5);
            assertTrue(f.truePeakDbtp() <= -1, "true peak " + f.truePeakDbtp());
        }
    }
}
