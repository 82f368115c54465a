package org.taperoom.appliance.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.master.Dither;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.testing.TestAudio;

/** Every output format, read back by ffprobe (codec, word length, tags) and measured again. */
class ExportFormatsTest {
    private static final int RATE = 48000;
    @TempDir
    static Path dir;
    static Path take;

    @BeforeAll
    static void writeTake() throws Exception {
        take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, 5, 7));
    }

    private static String render(String fileName, String sampleFormat) throws Exception {
        RenderSettings s = RenderSettings.parse("""
                {"tags": {"title": "Blue Room", "artist": "The Taperoom Band", "album": "Rehearsals", "date": "2026-11-25",
                          "comment": "take 3, quick mix"},
                 "output": {"sample_format": "%s"}}""".formatted(sampleFormat));
        Path out = dir.resolve(fileName);
        new Renderer(2).render(TakeTracks.find(take), s, out, RenderProgress.NONE, () -> false);
        LoudnessFigures f = FileLoudness.measure(out);
        assertTrue(f.truePeakDbtp() <= -1.0, fileName + " true peak " + f.truePeakDbtp());
        assertEquals(-14, f.integratedLufs(), 0.5, fileName + " loudness");
        assertEquals(5.0, f.durationSeconds(), 0.1, fileName + " duration");
        return TestAudio.run(List.of("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_name,sample_fmt,bits_per_raw_sample,bits_per_sample,channels,sample_rate:format_tags:stream_tags",
                out.toString()));
    }

    private static void assertTags(String probe, boolean yearOnly) {
        String p = probe.toLowerCase();
        assertTrue(p.contains("tag:title=blue room"), probe);
        assertTrue(p.contains("tag:artist=the taperoom band"), probe);
        assertTrue(p.contains("tag:album=rehearsals"), probe);
        assertTrue(p.contains(yearOnly ? "tag:date=2026" : "tag:date=2026-11-25"), probe);
        assertTrue(p.contains("tag:comment=take 3, quick mix"), probe);
    }

    @Test
    void wav16IsDitheredPcmWithInfoTags() throws Exception {
        String p = render("mix16.wav", "s16");
        assertTrue(p.contains("codec_name=pcm_s16le") && p.contains("channels=2") && p.contains("sample_rate=48000"), p);
        assertTags(p, false);
    }

    @Test
    void wav24IsPcm24() throws Exception {
        String p = render("mix24.wav", "s24");
        assertTrue(p.contains("codec_name=pcm_s24le"), p);
        assertTags(p, false);
    }

    @Test
    void wav32IsFloat() throws Exception {
        String p = render("mix32.wav", "f32");
        assertTrue(p.contains("codec_name=pcm_f32le"), p);
    }

    @Test
    void flacKeepsItsWordLengthAndVorbisComments() throws Exception {
        String p16 = render("mix16.flac", "s16");
        assertTrue(p16.contains("codec_name=flac") && p16.contains("bits_per_raw_sample=16"), p16);
        String p24 = render("mix24.flac", "s24");
        assertTrue(p24.contains("bits_per_raw_sample=24"), p24);
        assertTags(p24, false);
    }

    @Test
    void mp3IsLameWithId3TagsWhoseDateIsTheYear() throws Exception {
        String p = render("mix.mp3", "s24");
        assertTrue(p.contains("codec_name=mp3") && p.contains("channels=2"), p);
        assertTags(p, true);
    }

    @Test
    void opusIsOggOpusWithComments() throws Exception {
        String p = render("mix.opus", "s24");
        assertTrue(p.contains("codec_name=opus") && p.contains("channels=2"), p);
        assertTags(p, false);
    }

    @Test
    void tpdfDitherKeepsASignalBelowOneLsb() {
        // A 1 kHz tone at half an LSB of 16 bits: plain rounding would give silence.
        int n = 48000;
        float[] x = new float[n];
        double lsb = 1.0 / 32768;
        for (int i = 0; i < n; i++) x[i] = (float) (0.5 * lsb * Math.sin(2 * Math.PI * 1000 * i / 48000.0));
        int[] q = new int[n];
        new Dither(16, 1).quantise(x, q, n);
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
            double v = (q[i] >> 16) * lsb;
            re += v * Math.sin(2 * Math.PI * 1000 * i / 48000.0);
            im += v * Math.cos(2 * Math.PI * 1000 * i / 48000.0);
        }
        double amplitude = 2 * Math.hypot(re, im) / n;
        assertEquals(0.5 * lsb, amplitude, 0.1 * lsb, "the tone survives quantisation on average");
    }
}
