package org.taperoom.appliance.dsp.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.export.WavWriter;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.settings.Tags;
import org.taperoom.appliance.testing.TestAudio;

/** Track mode evens the songs out; album mode keeps their differences; conversion never breaks the ceiling. */
class ReleaseLoudnessTest {
    private static ReleaseResult build(Path dir, String mode) throws Exception {
        Path library = ReleaseFolderTest.library(dir, 8);
        Path doc = ReleaseFolderTest.document(dir, """
                {"album": "Two Songs", "album_artist": "The Taperoom Band",
                 "loudness": {"preset": "broadcast", "mode": "%s"}, "outputs": ["distributor-wav"],
                 "tracks": [{"take": "2026-12-01/193000-blue-room", "title": "Loud"},
                            {"take": "2026-12-01/201500-slow-one", "title": "Quiet"}]}""".formatted(mode));
        return new ReleaseBuilder(new Renderer(2)).build(ReleaseDocument.load(doc, library), dir.resolve("release"),
                RenderProgress.NONE, () -> false);
    }

    private static double lufs(ReleaseResult r, int track) throws Exception {
        return FileLoudness.measure(r.tracks().get(track - 1).files().get(OutputPreset.DISTRIBUTOR_WAV).path()).integratedLufs();
    }

    @Test
    void trackModeBringsEverySongToTheTarget(@TempDir Path dir) throws Exception {
        ReleaseResult r = build(dir, "track");
        assertEquals(-23, lufs(r, 1), 0.3);
        assertEquals(-23, lufs(r, 2), 0.3);
    }

    @Test
    void albumModeKeepsTheQuietSongQuietAndTheWholeReleaseAtTheTarget(@TempDir Path dir) throws Exception {
        ReleaseResult r = build(dir, "album");
        double loud = lufs(r, 1);
        double quiet = lufs(r, 2);
        System.out.printf("album mode: gain %+.2f dB (release measured %.2f LUFS); loud %.2f, quiet %.2f LUFS%n",
                r.albumGainDb(), r.albumLufs(), loud, quiet);
        // The takes differ by 8 dB at the tracks; the same mix and master keeps most of that.
        assertTrue(loud - quiet > 6, "difference kept: " + (loud - quiet) + " LU");
        assertEquals(r.tracks().get(0).masterGainDb(), r.tracks().get(1).masterGainDb(), 0.1, "one gain for both");
        assertEquals(r.albumGainDb(), r.tracks().get(0).masterGainDb(), 0.1, "and it is the album gain");
        // The two files played one after the other measure the target.
        Path joined = dir.resolve("joined.wav");
        TestAudio.run(List.of("sox", r.tracks().get(0).files().get(OutputPreset.DISTRIBUTOR_WAV).path().toString(),
                r.tracks().get(1).files().get(OutputPreset.DISTRIBUTOR_WAV).path().toString(), joined.toString()));
        assertEquals(-23, FileLoudness.measure(joined).integratedLufs(), 0.3, "the release as a whole");
    }

    @Test
    void aConversionThatWouldBreakTheCeilingComesOutLowerAndSaysByHowMuch(@TempDir Path dir) throws Exception {
        // A float master whose true peak is 0.5 dB over a -1 dBTP ceiling: the conversion must take it down.
        Path master = dir.resolve("master.wav");
        float[] sine = TestAudio.sine(48000, 997, Math.pow(10, -0.5 / 20), 3);
        float[] stereo = new float[2 * sine.length];
        for (int i = 0; i < sine.length; i++) stereo[2 * i] = stereo[2 * i + 1] = sine[i];
        try (WavWriter w = new WavWriter(master, 48000, 2, 32, null)) {
            w.writeFloats(stereo, sine.length);
        }
        Path out = dir.resolve("out.wav");
        Conversion.Result c = Conversion.convert(master, OutputPreset.DISTRIBUTOR_WAV, out, Tags.NONE, -1.0, part -> {});
        LoudnessFigures f = FileLoudness.measure(out);
        TestAudio.FfmpegLoudness ffmpeg = TestAudio.ffmpegEbur128(out);
        System.out.printf("corrected %.3f dB in %d attempts: libebur128 TP %.2f, ffmpeg TP %.2f dBTP%n", c.gainDb(), c.attempts(),
                f.truePeakDbtp(), ffmpeg.truePeakDbtp());
        assertTrue(f.truePeakDbtp() <= -1.0 && ffmpeg.truePeakDbtp() <= -1.0, f.truePeakDbtp() + " / " + ffmpeg.truePeakDbtp());
        assertEquals(-0.5, c.gainDb(), 0.1, "the excess and a hair more, not a blanket cut");
    }
}
