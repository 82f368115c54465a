package org.taperoom.appliance.dsp.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.testing.TestAudio;

/**
 * A two-track release in every output preset, read back as a distributor's tools would: ffprobe
 * and mediainfo for formats, tags and covers, libebur128 and ffmpeg for loudness and the ceiling.
 */
class ReleaseFolderTest {
    static final int RATE = 48000;
    @TempDir
    static Path dir;
    static Path library;
    static Path release;
    static ReleaseResult result;
    static final List<Double> fractions = new ArrayList<>();

    /** Writes two takes of the test band into a library: the second {@code quietDb} quieter. */
    static Path library(Path root, double quietDb) throws Exception {
        Path lib = root.resolve("library");
        List<float[]> band = TestAudio.band(RATE, 6, 7);
        TestAudio.writeTake(lib.resolve("2026-12-01/193000-blue-room"), RATE, TestAudio.BAND_NAMES, band);
        float scale = (float) Math.pow(10, -quietDb / 20);
        List<float[]> quiet = TestAudio.band(RATE, 6, 11).stream().map(t -> {
            float[] q = t.clone();
            for (int i = 0; i < q.length; i++) q[i] *= scale;
            return q;
        }).toList();
        TestAudio.writeTake(lib.resolve("2026-12-01/201500-slow-one"), RATE, TestAudio.BAND_NAMES, quiet);
        return lib;
    }

    static Path cover(Path root, int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 60, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path f = root.resolve("cover.png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    static Path document(Path root, String json) throws Exception {
        Path f = root.resolve("release.json");
        Files.writeString(f, json);
        return f;
    }

    @BeforeAll
    static void build() throws Exception {
        library = library(dir, 6);
        cover(dir, 600, 600);
        Path doc = document(dir, """
                {"album": "Blue Room Sessions", "album_artist": "The Taperoom Band", "year": "2026", "genre": "Rock",
                 "upc": "036000291452", "cover": "cover.png",
                 "loudness": {"preset": "streaming", "mode": "track"},
                 "tracks": [
                   {"take": "2026-12-01/193000-blue-room", "title": "Blue Room", "isrc": "GB-XYZ-26-00001"},
                   {"take": "2026-12-01/201500-slow-one", "title": "Slow One", "artist": "Ann & The Band", "isrc": "GBXYZ2600002"}]}""");
        Release r = ReleaseDocument.load(doc, library);
        release = dir.resolve("out/blue-room-sessions");
        RenderProgress progress = (stage, fraction) -> fractions.add(fraction);
        result = new ReleaseBuilder(new Renderer(2)).build(r, release, progress, () -> false);
    }

    private static Path file(OutputPreset preset, int track) {
        return result.tracks().get(track - 1).files().get(preset).path();
    }

    private static String probe(Path f) throws Exception {
        return TestAudio.run(List.of("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_name,codec_type,sample_rate,channels,bits_per_sample,bits_per_raw_sample,bit_rate:stream_disposition=attached_pic"
                        + ":format=bit_rate:format_tags:stream_tags", f.toString())).toLowerCase();
    }

    private static String mediainfo(Path f) throws Exception {
        return TestAudio.run(List.of("mediainfo", f.toString()));
    }

    @Test
    void theDistributorWavSetIsSixteenBitAt44100WithLoudnessAndCeilingHeldAfterConversion() throws Exception {
        for (int t = 1; t <= 2; t++) {
            Path wav = file(OutputPreset.DISTRIBUTOR_WAV, t);
            assertEquals("01 - Blue Room.wav", file(OutputPreset.DISTRIBUTOR_WAV, 1).getFileName().toString());
            String p = probe(wav);
            assertTrue(p.contains("codec_name=pcm_s16le") && p.contains("sample_rate=44100") && p.contains("channels=2"), p);
            LoudnessFigures ours = FileLoudness.measure(wav);
            TestAudio.FfmpegLoudness ffmpeg = TestAudio.ffmpegEbur128(wav);
            System.out.printf("%s: libebur128 I %.2f LUFS TP %.2f dBTP; ffmpeg I %.2f LUFS TP %.2f dBTP; correction %.3f dB%n",
                    wav.getFileName(), ours.integratedLufs(), ours.truePeakDbtp(), ffmpeg.integratedLufs(), ffmpeg.truePeakDbtp(),
                    result.tracks().get(t - 1).files().get(OutputPreset.DISTRIBUTOR_WAV).correctionDb());
            assertTrue(ours.truePeakDbtp() <= -1.0, "libebur128 true peak " + ours.truePeakDbtp());
            assertTrue(ffmpeg.truePeakDbtp() <= -1.0, "ffmpeg true peak " + ffmpeg.truePeakDbtp());
            assertEquals(-14, ours.integratedLufs(), 0.5, "libebur128 loudness");
            assertEquals(-14, ffmpeg.integratedLufs(), 0.5, "ffmpeg loudness");
            assertEquals(6.0, ours.durationSeconds(), 0.1, "no time lost or added by the conversion (the tail aside)");
        }
    }

    @Test
    void theHiResWavSetIsTwentyFourBitAt48000() throws Exception {
        String p = probe(file(OutputPreset.HIRES_WAV, 1));
        assertTrue(p.contains("codec_name=pcm_s24le") && p.contains("sample_rate=48000"), p);
        assertTrue(p.contains("tag:title=blue room") && p.contains("tag:album=blue room sessions"), p);
        assertTrue(FileLoudness.measure(file(OutputPreset.HIRES_WAV, 1)).truePeakDbtp() <= -1.0);
    }

    @Test
    void flacCarriesVorbisCommentsAndTheCoverAsAPictureBlock() throws Exception {
        Path flac = file(OutputPreset.FLAC, 2);
        String p = probe(flac);
        assertTrue(p.contains("codec_name=flac") && p.contains("sample_rate=48000") && p.contains("bits_per_raw_sample=24"), p);
        assertTrue(p.contains("codec_name=png") && p.contains("attached_pic=1"), "cover as a picture stream: " + p);
        for (String tag : List.of("tag:title=slow one", "tag:artist=ann & the band", "tag:album=blue room sessions",
                "tag:album_artist=the taperoom band", "tag:date=2026", "tag:genre=rock", "tag:track=2", "tag:isrc=gbxyz2600002",
                "tag:barcode=036000291452")) {
            assertTrue(p.contains(tag), tag + " in " + p);
        }
        String m = mediainfo(flac);
        assertTrue(m.matches("(?s).*Cover\\s*:\\s*Yes.*"), m);
        assertTrue(m.matches("(?s).*ISRC\\s*:\\s*GBXYZ2600002.*"), m);
        assertTrue(m.matches("(?s).*Track name/Total\\s*:\\s*2.*"), m);
    }

    @Test
    void mp3IsConstant320kAt44100WithAnId3v24TagAndApicCover() throws Exception {
        Path mp3 = file(OutputPreset.MP3, 1);
        byte[] head = Files.readAllBytes(mp3);
        assertTrue(head[0] == 'I' && head[1] == 'D' && head[2] == '3' && head[3] == 4, "ID3v2.4 header, got version " + head[3]);
        String p = probe(mp3);
        assertTrue(p.contains("codec_name=mp3") && p.contains("sample_rate=44100") && p.contains("bit_rate=320000"), p);
        assertTrue(p.contains("codec_name=png") && p.contains("attached_pic=1"), "APIC cover: " + p);
        for (String tag : List.of("tag:title=blue room", "tag:artist=the taperoom band", "tag:album_artist=the taperoom band",
                "tag:track=1/2", "tag:tsrc=gbxyz2600001", "tag:genre=rock", "tag:date=2026")) {
            assertTrue(p.contains(tag), tag + " in " + p);
        }
        String m = mediainfo(mp3);
        assertTrue(m.matches("(?s).*Version\\s*:\\s*Version 1.*") || m.contains("MPEG Audio"), m);
        assertTrue(m.matches("(?s).*Cover\\s*:\\s*Yes.*"), m);
        assertTrue(m.matches("(?s).*Bit rate mode\\s*:\\s*Constant.*"), m);
        assertTrue(FileLoudness.measure(mp3).truePeakDbtp() <= -1.0, "the ceiling holds in the decoded MP3");
    }

    @Test
    void opusCarriesTheSameTagsAsFlacAndTheCoverAsAMetadataBlockPicture() throws Exception {
        Path opus = file(OutputPreset.OPUS, 2);
        String p = probe(opus);
        assertTrue(p.contains("codec_name=opus") && p.contains("sample_rate=48000"), p);
        assertTrue(p.contains("codec_name=png") && p.contains("attached_pic=1"), "cover as a picture stream: " + p);
        for (String tag : List.of("tag:title=slow one", "tag:artist=ann & the band", "tag:album=blue room sessions",
                "tag:album_artist=the taperoom band", "tag:date=2026", "tag:genre=rock", "tag:track=2", "tag:tracktotal=2",
                "tag:isrc=gbxyz2600002", "tag:barcode=036000291452")) {
            assertTrue(p.contains(tag), tag + " in " + p);
        }
        String m = mediainfo(opus);
        System.out.println("mediainfo of the Opus file:\n" + m);
        assertTrue(m.matches("(?s).*Cover\\s*:\\s*Yes.*"), m);
        assertTrue(m.matches("(?s).*ISRC\\s*:\\s*GBXYZ2600002.*"), m);
        assertTrue(m.matches("(?s).*Album/Performer\\s*:\\s*The Taperoom Band.*"), m);
        // The audio pages moved behind a longer header: ffmpeg decodes the whole file without an error.
        String decoded = TestAudio.run(List.of("ffmpeg", "-v", "error", "-i", opus.toString(), "-f", "null", "-"));
        assertEquals("", decoded.strip(), "ffmpeg's complaints about the stream");
        assertEquals(6.0, FileLoudness.measure(opus).durationSeconds(), 0.1, "every audio page is still there");
    }

    @Test
    void theFolderHoldsATrackListACueSheetPerWavSetAndAZipOfEverything() throws Exception {
        String cue = Files.readString(release.resolve("wav-16bit-44k1/Blue Room Sessions.cue"));
        assertTrue(cue.contains("CATALOG 0036000291452\r\n"), cue);
        assertTrue(cue.contains("FILE \"02 - Slow One.wav\" WAVE\r\n  TRACK 02 AUDIO\r\n    TITLE \"Slow One\"\r\n"
                + "    PERFORMER \"Ann & The Band\"\r\n    ISRC GBXYZ2600002\r\n    INDEX 01 00:00:00"), cue);
        assertTrue(Files.isRegularFile(release.resolve("wav-24bit-48k/Blue Room Sessions.cue")));
        String list = Files.readString(release.resolve("tracklist.txt"));
        assertTrue(list.contains("02  Slow One - Ann & The Band  ISRC GBXYZ2600002  0:06"), list);
        assertTrue(list.contains("Cover cover.png, 600x600 pixels (most stores ask for 3000x3000)"), list);
        List<String> entries;
        try (ZipFile zip = new ZipFile(result.zip().toFile())) {
            entries = zip.stream().map(e -> e.getName()).sorted().toList();
        }
        assertEquals(release.resolve("Blue Room Sessions.zip"), result.zip());
        assertEquals(5 * 2 + 2 + 3, entries.size(), entries.toString());
        assertTrue(entries.contains("Blue Room Sessions/flac-24bit-48k/02 - Slow One.flac"), entries.toString());
        assertTrue(entries.contains("Blue Room Sessions/cover.png") && entries.contains("Blue Room Sessions/tracklist.txt"), entries.toString());
        try (var files = Files.list(release.getParent())) {
            assertEquals(List.of(release), files.toList(), "no work folder left beside the release");
        }
        try (var walk = Files.walk(release)) {
            assertTrue(walk.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no part files or masters left inside");
        }
    }

    @Test
    void progressRisesFromZeroToOne() {
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1) - 1e-9, "fell at " + i + ": " + fractions.get(i - 1) + " -> " + fractions.get(i));
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }
}
