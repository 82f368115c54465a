package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.audiofile.Sndfile;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.audiofile.SoundFileWriter;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.settings.RenderSettings;

/**
 * A punched pass is heard over its lane's earlier pass: the earlier pass up to the punch-in, the
 * punch from there to the punch-out, the earlier pass again after it, and at each boundary an
 * equal-power crossfade of the song's {@code punchCrossfadeMs} that lies inside the punch, placed
 * to the sample. Outside the fades each pass is heard exactly, bit for bit, and the render is
 * that lane through the song's mix and master.
 */
class PunchCrossfadeTest {
    private static final int BED_FRAMES = 30_000;
    private static final int IN = 10_007;
    private static final int OUT = 17_011;

    @TempDir
    Path library;

    private float[] bed;
    private float[] punch;

    private Song punchedSong(double crossfadeMs) throws Exception {
        bed = SongRig.as24Bit(SongRig.noise(BED_FRAMES, 0.25, 11));
        punch = SongRig.as24Bit(SongRig.noise(OUT - IN, 0.25, 12));
        String bedTake = SongRig.take(library, "100000-bed", List.of("vox"), List.of(bed));
        String punchTake = SongRig.take(library, "100100-punch", List.of("vox"), List.of(punch));
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Punched", bedTake);
        s = s.withLane(s.lane("vox").withNewPass(new Pass(punchTake, "01-vox", IN)));
        s = s.withStrip("vox", s.strip("vox").withPan(-1)).withMaster(s.master().withNormalize(false)).withPunchCrossfadeMs(crossfadeMs);
        songs.save(s);
        return songs.load(s.id());
    }

    @Test
    void theBoundariesOfAPunchAreEqualPowerCrossfadesAndEachPassIsExactOutsideThem() throws Exception {
        Song song = punchedSong(5);
        assertEquals(5, song.punchCrossfadeMs(), "the setting survives the song's document");
        int fade = 240; // 5 ms at 48 kHz
        float[] heard = lane(song);
        assertEquals(BED_FRAMES, heard.length, "the lane is as long as its earlier pass");
        for (int t = 0; t < IN; t++) same(bed[t], heard[t], "before the punch-in", t);
        for (int k = 0; k < fade; k++) {
            double theta = Math.PI / 2 * (k + 0.5) / fade;
            int t = IN + k;
            near(bed[t] * Math.cos(theta) + punch[k] * Math.sin(theta), heard[t], "the punch-in's fade", t);
        }
        for (int t = IN + fade; t < OUT - fade; t++) same(punch[t - IN], heard[t], "inside the punch", t);
        for (int k = 0; k < fade; k++) {
            double theta = Math.PI / 2 * (k + 0.5) / fade;
            int t = OUT - fade + k;
            near(punch[t - IN] * Math.cos(theta) + bed[t] * Math.sin(theta), heard[t], "the punch-out's fade", t);
        }
        for (int t = OUT; t < BED_FRAMES; t++) same(bed[t], heard[t], "after the punch-out", t);
        // The fade is placed to the sample: one frame later would not match.
        int shifted = 0;
        for (int k = 0; k < fade; k++) {
            double theta = Math.PI / 2 * (k + 0.5) / fade;
            int t = IN + 1 + k;
            if (Math.abs(bed[t] * Math.cos(theta) + punch[k] * Math.sin(theta) - heard[t]) > 1e-6) shifted++;
        }
        assertTrue(shifted > fade / 2, "a fade one frame late would be seen");
    }

    @Test
    void aCrossfadeOfZeroIsAButtSpliceOnTheBoundaryFrames() throws Exception {
        float[] heard = lane(punchedSong(0));
        for (int t = 0; t < BED_FRAMES; t++) {
            boolean inPunch = t >= IN && t < OUT;
            same(inPunch ? punch[t - IN] : bed[t], heard[t], inPunch ? "inside the punch" : "outside the punch", t);
        }
    }

    @Test
    void choosingTheEarlierPassAgainPlaysItAloneAndTheFirstPassOfALaneIsNotFaded() throws Exception {
        Song song = punchedSong(5);
        float[] heard = lane(song.withActivePass("vox", 0));
        assertEquals(BED_FRAMES, heard.length);
        for (int t = 0; t < BED_FRAMES; t++) same(bed[t], heard[t], "the earlier pass alone", t);
    }

    @Test
    void aMissingEarlierPassIsNamedAndThePunchStillPlays() throws Exception {
        Song song = punchedSong(5);
        java.nio.file.Files.delete(library.resolve("2026-12-07/100000-bed/01-vox.wav"));
        SongArrangement a = SongArrangement.of(song, library);
        assertEquals(1, a.missing().size(), a.missing().toString());
        assertTrue(a.missing().get(0).startsWith("lane vox (pass 1, beneath the active one): track 01-vox is missing"), a.missing().get(0));
        float[] heard = lane(song);
        assertEquals(OUT, heard.length, "the punch alone, at its place");
        for (int t = 0; t < IN; t++) same(0f, heard[t], "silence before the punch", t);
        for (int t = IN; t < OUT; t++) same(punch[t - IN], heard[t], "the punch, unfaded: nothing lies beneath it", t);
    }

    /**
     * The lane as the render hears it: the arrangement's track for it, read on the song's
     * timeline. And the render is that lane through the song's mix and master, bit for bit: the
     * song renders exactly as a take whose one track holds these samples (in float, so the fades
     * are not rounded).
     */
    private float[] lane(Song s) throws Exception {
        SongArrangement a = SongArrangement.of(s, library);
        assertEquals(1, a.tracks().tracks().size());
        float[] lane;
        try (SoundFileReader r = a.tracks().tracks().get(0).open()) {
            lane = new float[(int) r.frames()];
            int at = 0;
            int n;
            while (at < lane.length && (n = r.read(TEMP, Math.min(TEMP.length, lane.length - at))) > 0) {
                System.arraycopy(TEMP, 0, lane, at, n);
                at += n;
            }
        }
        RenderSettings settings = a.settings(RenderSettings.parse(SongRenderTest.TRANSPARENT));
        Path song = library.resolve("song-" + System.nanoTime() + ".wav");
        new Renderer(2).render(a.tracks(), settings, song, RenderProgress.NONE, () -> false);
        Path byHand = library.resolve("by-hand-" + System.nanoTime());
        java.nio.file.Files.createDirectories(byHand);
        try (SoundFileWriter w = SoundFileWriter.create(byHand.resolve("01-vox.wav"), Sndfile.SF_FORMAT_WAV | Sndfile.SF_FORMAT_FLOAT, SongRig.RATE, 1)) {
            w.writeFloat(lane, lane.length);
        }
        Path want = library.resolve("want-" + System.nanoTime() + ".wav");
        new Renderer(2).render(TakeTracks.find(byHand), settings, want, RenderProgress.NONE, () -> false);
        for (int c = 0; c < 2; c++) {
            float[] got = SongRig.channel(song, c);
            float[] expected = SongRig.channel(want, c);
            assertEquals(expected.length, got.length, "the render is the lane's length");
            for (int i = 0; i < got.length; i++) {
                if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(got[i])) {
                    throw new AssertionError("channel " + c + " frame " + i + ": the song renders " + got[i] + ", its lane as a take " + expected[i]);
                }
            }
        }
        return lane;
    }

    private static final float[] TEMP = new float[4096];

    private static void same(float want, float got, String where, int frame) {
        if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(got)) {
            throw new AssertionError(where + ", frame " + frame + ": heard " + got + ", the pass holds " + want);
        }
    }

    private static void near(double want, float got, String where, int frame) {
        if (Math.abs(want - got) > 1e-6) throw new AssertionError(where + ", frame " + frame + ": heard " + got + ", the crossfade is " + want);
    }
}
