package org.taperoom.appliance.dsp.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tuner's detector: ±1 cent from E1 to C7, on sines and on a bass-like tone, with no octave errors. */
class PitchDetectorTest {
    private static final int E1 = 28;
    private static final int C7 = 96;

    /** Cents between a measurement and the truth. */
    private static double cents(double measured, double truth) {
        return 1200 * Math.log(measured / truth) / Math.log(2);
    }

    @Test
    void sinesFromE1ToC7ReadWithinOneCentAt44And48Khz() {
        Random rnd = new Random(1);
        for (int rate : new int[] {44100, 48000}) {
            PitchDetector p = new PitchDetector(rate);
            double worst = 0;
            for (int midi = E1; midi <= C7; midi++) {
                double truth = Tones.hz(midi, rnd.nextDouble() * 80 - 40);
                float[] x = Tones.sine(rate, truth, 0.1, 0.3);
                double hz = p.detect(x, x.length - p.samplesNeeded());
                double err = cents(hz, truth);
                worst = Math.max(worst, Math.abs(err));
                assertTrue(Math.abs(err) <= 1, rate + " Hz rate, note " + midi + ": " + truth + " Hz read as " + hz + " (" + err + " cents)");
            }
            System.out.printf("sines E1–C7 at %d Hz: worst error %.3f cents%n", rate, worst);
        }
    }

    @Test
    void aBassToneWithAWeakFundamentalReadsItsFundamentalWithinOneCent() {
        PitchDetector p = new PitchDetector(48000);
        double worst = 0;
        List<String> octaveErrors = new ArrayList<>();
        // Four-string bass range: E1 to G3 (the 12th fret of the G string is G3).
        for (int midi = E1; midi <= 55; midi++) {
            double truth = Tones.hz(midi, 0);
            float[] x = Tones.bass(48000, truth, 0.5, midi);
            // Readings through the note's decay: right after the attack and later.
            for (int start : new int[] {0, 4800, 12000}) {
                double hz = p.detect(x, start);
                double err = cents(hz, truth);
                if (Math.abs(Math.abs(err) - 1200) < 50 || Math.abs(Math.abs(err) - 1902) < 50) octaveErrors.add(midi + "@" + start + ": " + hz);
                worst = Math.max(worst, Math.abs(err));
                assertTrue(Math.abs(err) <= 1, "note " + midi + " at sample " + start + ": " + truth + " Hz read as " + hz + " (" + err + " cents)");
            }
        }
        assertEquals(List.of(), octaveErrors);
        System.out.printf("bass tone E1–G3: worst error %.3f cents%n", worst);
    }

    @Test
    void noiseAndSilenceGiveNoPitch() {
        PitchDetector p = new PitchDetector(48000);
        Random rnd = new Random(3);
        float[] noise = new float[p.samplesNeeded()];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.3 * rnd.nextGaussian());
        assertTrue(Double.isNaN(p.detect(noise, 0)), "white noise has no pitch");
        assertTrue(Double.isNaN(p.detect(new float[p.samplesNeeded()], 0)), "silence has no pitch");
    }

    @Test
    void theReferencePitchMovesTheNotesFrom415To466Hz() {
        assertEquals("A4", NoteReading.of(415, 415).note());
        assertEquals(0, NoteReading.of(415, 415).cents(), 1e-9);
        assertEquals("A#4", NoteReading.of(466, 440).note(), "466 Hz at A4 = 440 is A#4 (466.16 Hz)");
        assertEquals(0, NoteReading.of(466, 466).cents(), 1e-9);
        // 440 Hz against a baroque A4 = 415 Hz: a semitone higher, A#4, +1 cent.
        NoteReading r = NoteReading.of(440, 415);
        assertEquals("A#4", r.note());
        assertEquals(1200 * Math.log(440.0 / 415) / Math.log(2) - 100, r.cents(), 1e-9);
        assertEquals("E1", NoteReading.of(41.2034, 440).note());
        assertEquals("C7", NoteReading.of(2093.005, 440).note());
        assertEquals("{\"hz\":41.000,\"note\":\"E1\",\"cents\":-8.57}", NoteReading.of(41, 440).json());
    }
}
