package org.taperoom.appliance.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progression offered to a sheet: the cycle the detected chords repeat, not every span. */
class ProgressionTest {
    private static MusicAnalysis chords(String... names) {
        List<MusicAnalysis.ChordSpan> spans = new ArrayList<>();
        double t = 0;
        for (String n : names) {
            spans.add(new MusicAnalysis.ChordSpan(t, t + 2, n));
            t += 2;
        }
        return new MusicAnalysis(120.0, new double[0], "4/4", "A minor", 0.8, spans);
    }

    @Test
    void aRepeatedProgressionIsOfferedOnceWithoutNoChordOrRepeats() {
        MusicAnalysis a = chords("N", "Am", "F", "C", "G", "Am", "F", "N", "F", "C", "G", "Am", "F", "C", "G", "Am", "F", "C");
        assertEquals(List.of("Am", "F", "C", "G"), a.progression());
    }

    @Test
    void aProgressionWithOneWrongChordIsStillFound() {
        MusicAnalysis a = chords("C", "F", "G", "F", "C", "F", "G", "F", "C", "Dm", "G", "F", "C", "F", "G", "F");
        assertEquals(List.of("C", "F", "G", "F"), a.progression());
    }

    @Test
    void chordsThatDoNotRepeatAreOfferedAsPlayedUpToSixteen() {
        assertEquals(List.of("C", "D", "E", "F", "G"), chords("C", "D", "E", "F", "G").progression());
        List<String> many = new ArrayList<>();
        String[] names = {"C", "Dm", "Em", "F", "G", "Am", "Bb", "D"};
        for (int i = 0; i < 20; i++) many.add(names[(i * 3) % 8] + (i >= 8 ? "7" : ""));
        assertEquals(many.subList(0, 16), chords(many.toArray(String[]::new)).progression());
        assertEquals(List.of(), chords("N", "N").progression());
    }
}
