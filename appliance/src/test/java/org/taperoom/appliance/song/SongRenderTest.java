package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.testing.TestAudio;

/**
 * A song renders like a take: each lane's active pass at its offset, silence around it, bit for
 * bit what the same audio placed by hand in a take renders to.
 */
class SongRenderTest {
    /** Float output without dither: the render's bits are the chain's. */
    static final String TRANSPARENT = """
            {"output": {"sample_format": "f32", "tail_seconds": 0}}""";

    @TempDir
    Path library;

    @Test
    void aPassAtOffsetNLandsAtFrameNOfTheRenderBitForBit() throws Exception {
        float[] source = SongRig.noise(9000, 0.2, 7);
        int offset = 12_345;
        String take = SongRig.take(library, "203000-bed", List.of("bed"), List.of(source));
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Offsets", take);
        s = s.withLane(new Lane("bed", 0, List.of(new Pass(take, "01-bed", offset))));
        s = s.withStrip("bed", s.strip("bed").withPan(-1)).withMaster(s.master().withNormalize(false));
        songs.save(s);
        float[][] song = renderSong(songs.load(s.id()), "song.wav");

        // The same audio placed by hand: a take whose track starts with N frames of silence.
        float[] padded = new float[offset + source.length];
        System.arraycopy(source, 0, padded, offset, source.length);
        float[][] byHand = renderTake(List.of("bed"), List.of(padded), s.mix().tracks(), "by-hand.wav");
        assertEquals(offset + source.length, song[0].length, "the render ends with the pass");
        assertSameBits(byHand, song);
        for (int i = 0; i < offset; i++) assertEquals(0, Float.floatToRawIntBits(song[0][i]), "silence before the pass, frame " + i);
        assertTrue(song[0][offset] != 0, "the pass starts at frame " + offset);
    }

    @Test
    void aPassThatBeganBeforeTheSongIsCutAtFrameZeroAndTwoLanesSumInPlace() throws Exception {
        float[] bed = SongRig.noise(6000, 0.2, 8);
        float[] early = SongRig.noise(6000, 0.2, 9);
        String a = SongRig.take(library, "203000-bed", List.of("bed"), List.of(bed));
        String b = SongRig.take(library, "203100-early", List.of("early"), List.of(early));
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Two", a);
        s = s.withLane(new Lane("early", 0, List.of(new Pass(b, "01-early", -1000))));
        s = s.withStrip("bed", s.strip("bed").withPan(-1)).withStrip("early", s.strip("early").withPan(0.3))
                .withMaster(s.master().withNormalize(false));
        float[][] song = renderSong(s, "two.wav");

        float[] cut = new float[5000];
        System.arraycopy(early, 1000, cut, 0, 5000);
        float[][] byHand = renderTake(List.of("bed", "early"), List.of(bed, cut), s.mix().tracks(), "by-hand.wav");
        assertEquals(6000, song[0].length, "the longest lane sets the length");
        assertSameBits(byHand, song);
    }

    @Test
    void aPassThatEndedBeforeTheSongsStartOrHoldsNoFramesIsSilenceNotAnError() throws Exception {
        // What an overdub that failed at once leaves (a pass of 0 frames, placed a round trip
        // before frame 0), and a short pass placed wholly before the song: both play as silence.
        float[] bed = SongRig.noise(6000, 0.2, 8);
        String a = SongRig.take(library, "203000-bed", List.of("bed"), List.of(bed));
        String empty = SongRig.take(library, "203100-empty", List.of("dub"), List.of(new float[0]));
        String early = SongRig.take(library, "203200-early", List.of("early"), List.of(SongRig.noise(500, 0.2, 9)));
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Before", a);
        s = s.withLane(new Lane("dub", 0, List.of(new Pass(empty, "01-dub", -49_344))))
                .withLane(new Lane("early", 0, List.of(new Pass(early, "01-early", -1000))));
        s = s.withStrip("bed", s.strip("bed").withPan(-1)).withMaster(s.master().withNormalize(false));
        float[][] song = renderSong(s, "before.wav");
        float[][] byHand = renderTake(List.of("bed"), List.of(bed), s.mix().tracks(), "by-hand.wav");
        assertEquals(6000, song[0].length, "the bed sets the length");
        assertSameBits(byHand, song);
    }

    private float[][] renderSong(Song s, String name) throws Exception {
        Path out = library.resolve(name);
        SongArrangement a = SongArrangement.of(s, library);
        new Renderer(2).render(a.tracks(), a.settings(RenderSettings.parse(TRANSPARENT)), out, RenderProgress.NONE, () -> false);
        return new float[][] {SongRig.channel(out, 0), SongRig.channel(out, 1)};
    }

    private float[][] renderTake(List<String> names, List<float[]> tracks, java.util.Map<String, TrackSettings> strips, String name) throws Exception {
        Path dir = library.resolve("by-hand");
        TestAudio.writeTake(dir, SongRig.RATE, names, tracks);
        RenderSettings settings = RenderSettings.parse(TRANSPARENT);
        settings = settings.withMix(settings.mix().withTracks(strips)).withMaster(settings.master().withNormalize(false));
        Path out = library.resolve(name);
        new Renderer(2).render(TakeTracks.find(dir), settings, out, RenderProgress.NONE, () -> false);
        return new float[][] {SongRig.channel(out, 0), SongRig.channel(out, 1)};
    }

    private static void assertSameBits(float[][] want, float[][] got) {
        for (int c = 0; c < 2; c++) {
            assertEquals(want[c].length, got[c].length, "frames");
            for (int i = 0; i < want[c].length; i++) {
                if (Float.floatToRawIntBits(want[c][i]) != Float.floatToRawIntBits(got[c][i])) {
                    throw new AssertionError("channel " + c + " frame " + i + ": song " + got[c][i] + ", placed by hand " + want[c][i]);
                }
            }
        }
    }

    @Test
    void renderSongOnTheCommandLineNamesAMissingPassAndRendersTheRest() throws Exception {
        String take = SongRig.take(library, "203000-bed", List.of("bed", "keys"), List.of(SongRig.noise(4800, 0.2, 1), SongRig.noise(4800, 0.2, 2)));
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Cli", take);
        songs.save(s.withLane(s.lane("keys").withNewPass(new Pass("2026-12-07_010101-gone", "01-keys", 0))));
        Path settings = library.resolve("s.json");
        java.nio.file.Files.writeString(settings, TRANSPARENT);
        Object[] r = taperoom("render", "--song", "cli", "--library", library.toString(), "--out", library.resolve("cli.wav").toString(),
                "--settings", settings.toString(), "--quiet");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("note: lane keys: take 2026-12-07_010101-gone is missing from the library; rendering without it"), (String) r[2]);
        assertEquals(4800, SongRig.channel(library.resolve("cli.wav"), 0).length);

        Object[] bad = taperoom("render", "--song", "nope", "--library", library.toString(), "--out", library.resolve("x.wav").toString());
        assertEquals(2, bad[0]);
        assertEquals("taperoom render: no song nope in " + library.toAbsolutePath().normalize() + "\n", bad[2]);
    }

    /** Runs the command line in-process: {status, stdout, stderr}. */
    static Object[] taperoom(String... argv) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        Method run = Class.forName("org.taperoom.appliance.cli.Main").getDeclaredMethod("run", List.class, PrintStream.class, PrintStream.class);
        run.setAccessible(true);
        try (PrintStream o = new PrintStream(out, true); PrintStream e = new PrintStream(err, true)) {
            System.setOut(o);
            System.setErr(e);
            int status = (int) run.invoke(null, List.of(argv), o, e);
            return new Object[] {status, out.toString(), err.toString()};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
