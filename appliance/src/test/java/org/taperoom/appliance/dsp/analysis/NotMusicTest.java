package org.taperoom.appliance.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.pitch.Tones;

/** What is not music gets no tempo, no beats and no chords rather than a guess. */
class NotMusicTest {
    @Test
    void aHeldToneHasNoTempoAndALoneNoteIsNoChord() {
        MusicAnalysis a = MusicAnalyzer.analyze(Signal.decimated(Tones.sine(48000, 300, 10, 0.5), 48000));
        assertNull(a.tempoBpm(), "tempo of a held tone");
        assertEquals(0, a.beatsSeconds().length);
        assertNull(a.timeSignature());
        assertEquals(1, a.chords().size(), a.chords().toString());
        assertEquals("N", a.chords().get(0).chord());
    }

    @Test
    void hissHasNoTempo() {
        float[] x = new float[48000 * 10];
        Random rnd = new Random(5);
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 * rnd.nextGaussian());
        MusicAnalysis a = MusicAnalyzer.analyze(Signal.decimated(x, 48000));
        assertNull(a.tempoBpm(), "tempo of white noise");
        assertEquals(0, a.beatsSeconds().length);
    }
}
