package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.Normalisation;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/** The metronome click on the simulator's outputs: every onset at exactly round(n·60·rate/BPM) frames, accents on beat one. */
class ClickTest {
    /** Frames of digital silence that must precede an onset (the gap between ticks is far longer). */
    private static final int QUIET_BEFORE = 200;

    @Test
    void everyClickOfTheMetronomeStartsExactlyAtRoundOfNTimesSixtyTimesRateOverBpm() throws Exception {
        for (double bpm : new double[] {137.3, 60, 200, 93}) {
            int rate = bpm == 93 ? 44100 : 48000;
            ClickSettings settings = new ClickSettings(bpm, 3, 1, -6);
            float[] out = playMetronome(settings, rate, 12 * rate);
            List<Integer> onsets = onsets(out, 12 * rate);
            List<Integer> expected = new ArrayList<>();
            for (long n = 0; Math.round(n * 60.0 * rate / bpm) < 12L * rate - 1000; n++) expected.add((int) Math.round(n * 60.0 * rate / bpm));
            assertEquals(expected, onsets.subList(0, Math.min(onsets.size(), expected.size())), bpm + " BPM at " + rate + " Hz: the onsets");
            assertTrue(onsets.size() <= expected.size() + 1, "no extra clicks");
            double level = Math.pow(10, -6 / 20.0);
            for (int i = 0; i < expected.size(); i++) {
                double peak = Math.abs(out[2 * onsets.get(i)]);
                double want = i % 3 == 0 ? level : level / 2;
                assertEquals(want, peak, 1e-6, "beat " + i + "'s peak (accent on beat one of three)");
                assertEquals(out[2 * onsets.get(i)], out[2 * onsets.get(i) + 1], "left and right alike");
            }
        }
    }

    @Test
    void subdivisionTicksFallBetweenTheBeatsWhichStayOnTheirOwnFrames() throws Exception {
        int rate = 48000;
        ClickSettings settings = new ClickSettings(111, 4, 3, -12);
        float[] out = playMetronome(settings, rate, 6 * rate);
        List<Integer> onsets = onsets(out, 6 * rate);
        for (int k = 0; k < 30; k++) {
            long want = k % 3 == 0 ? Math.round((k / 3) * 60.0 * rate / 111) : Math.round(k * 60.0 * rate / (111 * 3));
            assertEquals(want, (long) onsets.get(k), "tick " + k);
        }
    }

    @Test
    void aPausedPlayerLaysTheClickOverItsOutputFromThePeriodAfterItIsSet(@TempDir Path dir) throws Exception {
        TakeTracks take = PlaybackRig.band(dir, 2);
        RenderSettings settings = RenderSettings.parse("{}");
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        PlaybackRig.Recorder rec = new PlaybackRig.Recorder(20 * PlaybackRig.RATE);
        sim.setOutputs(rec);
        ClickSettings click = new ClickSettings(150, 4, 1, -6);
        try (Player player = Player.open(take, settings, Normalisation.of(settings.master(), PlaybackRig.RATE, 0),
                sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE)), true)) {
            player.start();
            player.click(new ClickSource(click, PlaybackRig.RATE));
            PlaybackRig.waitUntil(() -> rec.frames >= 20 * PlaybackRig.RATE, "20 s of output");
        }
        List<Integer> onsets = onsets(rec.samples, 20 * PlaybackRig.RATE);
        int origin = onsets.get(0);
        assertEquals(0, origin % 256, "the click starts on a period boundary");
        for (int n = 0; n < onsets.size() - 1; n++) {
            assertEquals(origin + Math.round(n * 60.0 * PlaybackRig.RATE / 150), (long) onsets.get(n), "beat " + n);
        }
        assertTrue(onsets.size() >= 40, "about 49 beats in 20 s: " + onsets.size());
    }

    @Test
    void everySoundClicksOnTheSameFramesAtTheChosenLevelButSoundsDifferent() throws Exception {
        int rate = 48000;
        float[][] accents = new float[ClickSound.values().length][];
        for (ClickSound sound : ClickSound.values()) {
            float[] out = playMetronome(new ClickSettings(128, 4, 2, -9, sound), rate, 8 * rate);
            List<Integer> onsets = onsets(out, 8 * rate);
            double level = Math.pow(10, -9 / 20.0);
            for (int k = 0; k < 32; k++) {
                long want = k % 2 == 0 ? Math.round((k / 2) * 60.0 * rate / 128) : Math.round(k * 60.0 * rate / (128 * 2));
                assertEquals(want, (long) onsets.get(k), sound.id() + ": tick " + k);
                double peak = k % 8 == 0 ? level : k % 2 == 0 ? level / 2 : level / 4;
                assertEquals(peak, out[2 * onsets.get(k)], 1e-6, sound.id() + ": tick " + k + " starts at its peak");
                int first = onsets.get(k);
                for (int f = first; f < first + (int) Math.round(ClickSource.CLICK_SECONDS * rate); f++) {
                    assertTrue(Math.abs(out[2 * f]) <= peak + 1e-6, sound.id() + ": nothing in tick " + k + " louder than its first sample");
                }
            }
            int clickFrames = (int) Math.round(ClickSource.CLICK_SECONDS * rate);
            accents[sound.ordinal()] = new float[clickFrames];
            for (int f = 0; f < clickFrames; f++) accents[sound.ordinal()][f] = out[2 * (onsets.get(0) + f)];
        }
        for (int a = 0; a < accents.length; a++) {
            for (int b = a + 1; b < accents.length; b++) {
                double c = correlation(accents[a], accents[b]);
                assertTrue(Math.abs(c) < 0.5, ClickSound.values()[a].id() + " and " + ClickSound.values()[b].id() + " are different sounds: correlation " + c);
            }
        }
        assertTrue(zeroCrossings(accents[ClickSound.STICK.ordinal()]) > 2 * zeroCrossings(accents[ClickSound.BEEP.ordinal()]),
                "the stick's crack is brighter than the beep");
    }

    @Test
    void anUnknownClickSoundIsRefusedWithOneLineNamingTheSoundsThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClickSound.parse("cowbell"));
        assertEquals("the click sound must be beep, wood or stick, not cowbell", e.getMessage());
        assertEquals(ClickSound.WOOD, ClickSound.parse("wood"));
    }

    private static double correlation(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static int zeroCrossings(float[] w) {
        int n = 0;
        for (int i = 1; i < w.length; i++) if ((w[i - 1] < 0) != (w[i] < 0)) n++;
        return n;
    }

    @Test
    void aTempoOutsideTwentyToThreeHundredBpmIsRefusedWithOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClickSettings(400, 4, 1, -12));
        assertEquals("the tempo must be 20 to 300 BPM, not 400.0", e.getMessage());
    }

    private static float[] playMetronome(ClickSettings settings, int rate, int frames) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        PlaybackRig.Recorder rec = new PlaybackRig.Recorder(frames);
        sim.setOutputs(rec);
        try (Metronome m = new Metronome(sim.openPlayback("sim", new StreamConfig(2, rate, 256, 4, SampleFormat.FLOAT_LE)),
                new ClickSource(settings, rate))) {
            m.start();
            PlaybackRig.waitUntil(() -> rec.frames >= frames, frames + " frames of output");
        }
        return rec.samples;
    }

    /** Frames (of the left channel) where a click begins: a non-zero sample after at least QUIET_BEFORE zeros. */
    static List<Integer> onsets(float[] stereo, int frames) {
        List<Integer> out = new ArrayList<>();
        int zeros = QUIET_BEFORE;
        for (int f = 0; f < frames; f++) {
            if (stereo[2 * f] == 0f) {
                zeros++;
            } else {
                if (zeros >= QUIET_BEFORE) out.add(f);
                zeros = 0;
            }
        }
        return out;
    }
}
