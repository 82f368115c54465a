package org.taperoom.appliance.music;

import java.util.Locale;

/**
 * A major or minor key: its tonic pitch class (0 = C … 11 = B) and how the tonic is spelled
 * ({@code letter} 0 = C … 6 = B plus {@code accidental} in semitones), because "F# major" and
 * "Gb major" sound alike and are written differently.
 */
public record Key(int tonicPc, boolean minor, int letter, int accidental) {
    private static final String[] LETTERS = {"C", "D", "E", "F", "G", "A", "B"};
    /** Pitch class of each natural letter. */
    static final int[] LETTER_PC = {0, 2, 4, 5, 7, 9, 11};

    public Key {
        if (tonicPc < 0 || tonicPc > 11) throw new IllegalArgumentException("tonic pitch class 0..11: " + tonicPc);
        if (Math.floorMod(LETTER_PC[letter] + accidental, 12) != tonicPc) throw new IllegalArgumentException("spelling does not match the tonic");
    }

    /**
     * The key on a pitch class spelled as musicians usually write it: the spelling with fewer
     * accidentals in its signature (Db not C# major, F# major not Gb, Eb minor not D# minor).
     */
    public static Key of(int tonicPc, boolean minor) {
        int pc = Math.floorMod(tonicPc, 12);
        // Major tonics by pitch class; a minor key takes its relative major's side.
        String[] major = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
        String[] minorNames = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};
        return parse((minor ? minorNames : major)[pc] + (minor ? "m" : ""));
    }

    /**
     * Reads {@code C}, {@code F#m}, {@code Bb minor}, {@code A minor}, {@code Ebmaj} … as
     * ChordPro's {@code {key:}} and the analysis write keys.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Key parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || "ABCDEFG".indexOf(Character.toUpperCase(t.charAt(0))) < 0) {
            throw new IllegalArgumentException("not a key: '" + text + "' (expected e.g. C, F#m, Bb minor)");
        }
        int letter = "CDEFGAB".indexOf(Character.toUpperCase(t.charAt(0)));
        int i = 1;
        int acc = 0;
        while (i < t.length() && (t.charAt(i) == '#' || t.charAt(i) == 'b' || t.charAt(i) == '♯' || t.charAt(i) == '♭')) {
            // "Bb" is B flat; a lone "b" after the letter is always the flat sign here.
            acc += (t.charAt(i) == '#' || t.charAt(i) == '♯') ? 1 : -1;
            i++;
        }
        String mode = t.substring(i).trim().toLowerCase(Locale.ROOT);
        boolean minor = switch (mode) {
            case "", "maj", "major", "dur" -> false;
            case "m", "min", "minor", "moll", "-" -> true;
            default -> throw new IllegalArgumentException("not a key: '" + text + "' (expected e.g. C, F#m, Bb minor)");
        };
        if (Math.abs(acc) > 1) throw new IllegalArgumentException("not a key: '" + text + "' (at most one sharp or flat)");
        return new Key(Math.floorMod(LETTER_PC[letter] + acc, 12), minor, letter, acc);
    }

    /** The tonic as written: {@code F#}, {@code Bb}. */
    public String tonicName() {
        return LETTERS[letter] + accidentalText(accidental);
    }

    /** "A minor", "Bb major": the analysis's {@code key}. */
    public String displayName() {
        return tonicName() + (minor ? " minor" : " major");
    }

    /** "Am", "Bb": ChordPro's {@code {key:}}. */
    public String chordProName() {
        return tonicName() + (minor ? "m" : "");
    }

    /** The same mode {@code semitones} away, conventionally spelled; this key itself for a whole number of octaves. */
    public Key transpose(int semitones) {
        if (Math.floorMod(semitones, 12) == 0) return this;
        return of(tonicPc + semitones, minor);
    }

    /** The pitch classes of this key's scale (natural minor for minor keys), starting at the tonic. */
    public int[] scale() {
        int[] steps = minor ? new int[] {0, 2, 3, 5, 7, 8, 10} : new int[] {0, 2, 4, 5, 7, 9, 11};
        int[] pcs = new int[7];
        for (int d = 0; d < 7; d++) pcs[d] = Math.floorMod(tonicPc + steps[d], 12);
        return pcs;
    }

    /**
     * How a pitch class is written in this key. Scale notes take their own letter (E# in F#
     * major, Cb in Gb major); other notes are spelled as the chromatic degree they usually are
     * (♭II, ♭III, ♯IV, ♭VI, ♭VII in major; ♭II, ♯IV, ♮VI, ♮VII in minor) unless that needs a double
     * accidental or a white-key enharmonic, in which case the key's side (sharps or flats) wins.
     */
    public String spell(int pc) {
        int p = Math.floorMod(pc, 12);
        int interval = Math.floorMod(p - tonicPc, 12);
        int[] scale = scale();
        for (int d = 0; d < 7; d++) {
            if (scale[d] == p) return letterSpelling(d, p, true);
        }
        // Degree (0-based scale step) a chromatic note is usually written as, by interval above the tonic.
        int degree = minor
                ? new int[] {0, 1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 6}[interval]
                : new int[] {0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6}[interval];
        String byDegree = letterSpelling(degree, p, false);
        if (byDegree != null) return byDegree;
        boolean flatSide = accidental < 0 || (accidental == 0 && flatSideNatural());
        return flatSide ? FLAT_NAMES[p] : SHARP_NAMES[p];
    }

    static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};

    private boolean flatSideNatural() {
        // C major / A minor: neutral, flats for chromatic notes (Bb, Eb) as lead sheets write them;
        // F major and D, G, C minor are on the flat side by signature.
        int signatureMajorPc = minor ? Math.floorMod(tonicPc + 3, 12) : tonicPc;
        return signatureMajorPc == 0 || signatureMajorPc == 5;
    }

    /** The spelling of {@code pc} on the letter {@code degree} steps above the tonic's; null if not clean. */
    private String letterSpelling(int degree, int pc, boolean diatonic) {
        int l = (letter + degree) % 7;
        int acc = pc - LETTER_PC[l];
        if (acc > 6) acc -= 12;
        if (acc < -6) acc += 12;
        if (Math.abs(acc) > (diatonic ? 2 : 1)) return null;
        String name = LETTERS[l] + accidentalText(acc);
        if (!diatonic && (name.equals("Cb") || name.equals("Fb") || name.equals("E#") || name.equals("B#"))) return null;
        return name;
    }

    private static String accidentalText(int acc) {
        return acc > 0 ? "#".repeat(acc) : "b".repeat(-acc);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
