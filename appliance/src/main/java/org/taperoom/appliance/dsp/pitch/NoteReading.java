package org.taperoom.appliance.dsp.pitch;

import java.util.Locale;

/**
 * A frequency as a tuner shows it: the nearest equal-tempered note (for a reference A4) and how
 * far off it is.
 *
 * @param hz     the measured frequency
 * @param note   name and octave, sharps for black keys: {@code E1}, {@code A#4}
 * @param cents  deviation from that note, −50 … +50
 */
public record NoteReading(double hz, String note, double cents) {
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    public static final double MIN_A4_HZ = 415;
    public static final double MAX_A4_HZ = 466;

    public static NoteReading of(double hz, double a4Hz) {
        double midi = 69 + 12 * Math.log(hz / a4Hz) / Math.log(2);
        long nearest = Math.round(midi);
        String name = NAMES[(int) Math.floorMod(nearest, 12)] + (Math.floorDiv(nearest, 12) - 1);
        return new NoteReading(hz, name, (midi - nearest) * 100);
    }

    /** {@code {"hz":…,"note":"…","cents":…}}: what {@code taperoom tuner --json} prints per reading. */
    public String json() {
        return String.format(Locale.ROOT, "{\"hz\":%.3f,\"note\":\"%s\",\"cents\":%.2f}", hz, note, cents);
    }
}
