package org.taperoom.appliance.music;

import java.util.Optional;

/**
 * A chord as lead sheets write it: a root, a suffix kept as written ({@code m}, {@code 7},
 * {@code maj7}, {@code sus4}, {@code m7b5} …) and an optional bass ({@code /E}).
 *
 * @param rootPc pitch class of the root, 0 = C
 * @param root   the root as written ({@code F#}, {@code Bb})
 * @param suffix everything between root and slash, may be empty
 * @param bassPc pitch class of the bass after a slash, or -1
 * @param bass   the bass as written, or null
 */
public record ChordSymbol(int rootPc, String root, String suffix, int bassPc, String bass) {

    /** A chord symbol, or empty for text that is not one ({@code N.C.}, {@code *Riff}, {@code x2}). */
    public static Optional<ChordSymbol> parse(String text) {
        String t = text.trim();
        int[] end = new int[1];
        int rootPc = note(t, 0, end);
        if (rootPc < 0) return Optional.empty();
        String root = t.substring(0, end[0]);
        int slash = t.indexOf('/', end[0]);
        String suffix = slash < 0 ? t.substring(end[0]) : t.substring(end[0], slash);
        if (!suffix.matches("[A-Za-z0-9#b+\\-()°ø△,]*")) return Optional.empty();
        if (slash < 0) return Optional.of(new ChordSymbol(rootPc, root, suffix, -1, null));
        int bassPc = note(t, slash + 1, end);
        if (bassPc < 0 || end[0] != t.length()) return Optional.empty();
        return Optional.of(new ChordSymbol(rootPc, root, suffix, bassPc, t.substring(slash + 1)));
    }

    /** The pitch class of a note name at {@code from}; sets {@code end[0]} past it; -1 if none. */
    private static int note(String t, int from, int[] end) {
        if (from >= t.length()) return -1;
        int letter = "CDEFGAB".indexOf(t.charAt(from));
        if (letter < 0) return -1;
        int pc = Key.LETTER_PC[letter];
        int i = from + 1;
        if (i < t.length() && (t.charAt(i) == '#' || t.charAt(i) == '♯')) {
            pc++;
            i++;
        } else if (i < t.length() && (t.charAt(i) == 'b' || t.charAt(i) == '♭')) {
            pc--;
            i++;
        }
        end[0] = i;
        return Math.floorMod(pc, 12);
    }

    /** A major or minor triad spelled for {@code key}: {@code C}, {@code F#m}, {@code Bb}. */
    public static String triad(int rootPc, boolean minor, Key key) {
        return key.spell(rootPc) + (minor ? "m" : "");
    }

    /** This chord {@code semitones} higher, root and bass spelled for the {@code key} it now sits in. */
    public ChordSymbol transpose(int semitones, Key key) {
        int r = Math.floorMod(rootPc + semitones, 12);
        int b = bassPc < 0 ? -1 : Math.floorMod(bassPc + semitones, 12);
        return new ChordSymbol(r, key.spell(r), suffix, b, b < 0 ? null : key.spell(b));
    }

    /** True when the suffix makes the triad minor ({@code m}, {@code m7}, {@code min}), not {@code maj7}. */
    public boolean minor() {
        return (suffix.startsWith("m") && !suffix.startsWith("maj")) || suffix.startsWith("-");
    }

    @Override
    public String toString() {
        return root + suffix + (bass == null ? "" : "/" + bass);
    }
}
