package org.taperoom.appliance.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.music.Key;

/** Transposing spells every chord for the key it lands in, in all 24 keys and all 12 shifts. */
class TranspositionSpellingTest {
    /** Major scales as written, by tonic (the usual key of each pitch class). */
    private static final String[][] MAJOR = {
            {"C", "D", "E", "F", "G", "A", "B"}, {"Db", "Eb", "F", "Gb", "Ab", "Bb", "C"}, {"D", "E", "F#", "G", "A", "B", "C#"},
            {"Eb", "F", "G", "Ab", "Bb", "C", "D"}, {"E", "F#", "G#", "A", "B", "C#", "D#"}, {"F", "G", "A", "Bb", "C", "D", "E"},
            {"F#", "G#", "A#", "B", "C#", "D#", "E#"}, {"G", "A", "B", "C", "D", "E", "F#"}, {"Ab", "Bb", "C", "Db", "Eb", "F", "G"},
            {"A", "B", "C#", "D", "E", "F#", "G#"}, {"Bb", "C", "D", "Eb", "F", "G", "A"}, {"B", "C#", "D#", "E", "F#", "G#", "A#"}};
    /** Natural minor scales as written, by tonic. */
    private static final String[][] MINOR = {
            {"C", "D", "Eb", "F", "G", "Ab", "Bb"}, {"C#", "D#", "E", "F#", "G#", "A", "B"}, {"D", "E", "F", "G", "A", "Bb", "C"},
            {"Eb", "F", "Gb", "Ab", "Bb", "Cb", "Db"}, {"E", "F#", "G", "A", "B", "C", "D"}, {"F", "G", "Ab", "Bb", "C", "Db", "Eb"},
            {"F#", "G#", "A", "B", "C#", "D", "E"}, {"G", "A", "Bb", "C", "D", "Eb", "F"}, {"G#", "A#", "B", "C#", "D#", "E", "F#"},
            {"A", "B", "C", "D", "E", "F", "G"}, {"Bb", "C", "Db", "Eb", "F", "Gb", "Ab"}, {"B", "C#", "D", "E", "F#", "G", "A"}};
    /** ♭VII of each major key by tonic pitch class (Cb avoided in Db: B). */
    private static final String[] FLAT_SEVEN = {"Bb", "B", "C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A"};
    private static final String[] MAJOR_SUFFIXES = {"", "m7", "m", "maj7", "7", "m", "dim"};
    private static final String[] MINOR_SUFFIXES = {"m", "dim", "", "m7", "m", "", "7"};

    /** A sheet in {@code key}: every diatonic chord with a suffix, I over its third, ♭VII in major, and N.C. */
    private static String sheet(int tonicPc, boolean minor) {
        String[] s = (minor ? MINOR : MAJOR)[tonicPc];
        String[] suffix = minor ? MINOR_SUFFIXES : MAJOR_SUFFIXES;
        StringBuilder b = new StringBuilder("{key: " + s[0] + (minor ? "m" : "") + "}\n");
        for (int d = 0; d < 7; d++) b.append('[').append(s[d]).append(suffix[d]).append("]la ");
        b.append('[').append(s[0]).append(minor ? "m" : "").append('/').append(s[2]).append("]end");
        if (!minor) b.append(" [").append(FLAT_SEVEN[tonicPc]).append("]borrowed");
        b.append(" [N.C.]stop\n");
        return b.toString();
    }

    @Test
    void everyKeyTransposedByEveryShiftIsSpelledAsItsScale() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (boolean minor : new boolean[] {false, true}) {
            for (int from = 0; from < 12; from++) {
                SongSheet original = ChordPro.parse(sheet(from, minor));
                for (int shift = -11; shift <= 11; shift++) {
                    int to = Math.floorMod(from + shift, 12);
                    String expected = sheet(to, minor);
                    String actual = ChordPro.write(original.transpose(shift));
                    checked++;
                    if (!expected.equals(actual)) wrong.add((minor ? MINOR : MAJOR)[from][0] + (minor ? "m" : "") + " " + shift + ": " + actual.strip());
                }
            }
        }
        assertEquals(24 * 23, checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void keysAreNamedTheUsualWay() {
        List<String> major = new ArrayList<>(), minor = new ArrayList<>();
        for (int pc = 0; pc < 12; pc++) {
            major.add(Key.of(pc, false).chordProName());
            minor.add(Key.of(pc, true).chordProName());
        }
        assertEquals(List.of("C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"), major);
        assertEquals(List.of("Cm", "C#m", "Dm", "Ebm", "Em", "Fm", "F#m", "Gm", "G#m", "Am", "Bbm", "Bm"), minor);
    }

    @Test
    void aCapoMovesTheShapesAndKeepsTheSoundingKey() throws Exception {
        SongSheet song = ChordPro.parse("{key: A}\n[A]one [D]two [E7]three [F#m]four\n");
        SongSheet capo2 = song.withCapo(2);
        assertEquals("{key: A}\n{capo: 2}\n[G]one [C]two [D7]three [Em]four\n", ChordPro.write(capo2));
        assertEquals(ChordPro.write(song), ChordPro.write(capo2.withCapo(0)));
        // Up a tone with the capo still on: sounds in B, fingered in A.
        assertEquals("{key: B}\n{capo: 2}\n[A]one [D]two [E7]three [F#m]four\n", ChordPro.write(capo2.transpose(2)));
    }

    @Test
    void aSheetWithoutAKeyIsSpelledFromItsFirstChord() throws Exception {
        SongSheet song = ChordPro.parse("[F]one [Bb]two [C7]three [Dm]four\n");
        assertEquals("[F#]one [B]two [C#7]three [D#m]four\n", ChordPro.write(song.transpose(1)));
        // Naming the key respells in it: transposing by nothing in Gb writes Gb's flats.
        assertEquals("{key: Gb}\n[Gb]one [Cb]two [Db7]three [Ebm]four\n", ChordPro.write(song.transpose(1).with("key", "Gb").transpose(0)));
        assertEquals("[Eb]one [Ab]two [Bb7]three [Cm]four\n", ChordPro.write(song.transpose(-2)));
    }
}
