package org.taperoom.appliance.playback;

/**
 * What a metronome click plays: {@code bpm} beats a minute, {@code beatsPerBar} beats to the bar
 * (the first accented), each beat split into {@code subdivisions} ticks (1: none), the accent at
 * {@code levelDb} dBFS peak, a plain beat 6 dB and a subdivision tick 12 dB below it, all in the
 * voice of {@code sound}.
 */
public record ClickSettings(double bpm, int beatsPerBar, int subdivisions, double levelDb, ClickSound sound) {
    public static final double MIN_BPM = 20;
    public static final double MAX_BPM = 300;
    public static final int MAX_BEATS_PER_BAR = 16;
    public static final int MAX_SUBDIVISIONS = 4;
    public static final double MIN_LEVEL_DB = -60;

    /** 120 BPM, 4/4, no subdivisions, -12 dBFS, beeps. */
    public static final ClickSettings DEFAULT = new ClickSettings(120, 4, 1, -12, ClickSound.BEEP);

    /** @throws IllegalArgumentException with one line naming the bad value and what would be right */
    public ClickSettings {
        if (!(bpm >= MIN_BPM && bpm <= MAX_BPM)) {
            throw new IllegalArgumentException("the tempo must be " + (int) MIN_BPM + " to " + (int) MAX_BPM + " BPM, not " + bpm);
        }
        if (beatsPerBar < 1 || beatsPerBar > MAX_BEATS_PER_BAR) {
            throw new IllegalArgumentException("a bar has 1 to " + MAX_BEATS_PER_BAR + " beats, not " + beatsPerBar);
        }
        if (subdivisions < 1 || subdivisions > MAX_SUBDIVISIONS) {
            throw new IllegalArgumentException("a beat has 1 to " + MAX_SUBDIVISIONS + " subdivisions, not " + subdivisions);
        }
        if (!(levelDb >= MIN_LEVEL_DB && levelDb <= 0)) {
            throw new IllegalArgumentException("the click level must be " + (int) MIN_LEVEL_DB + " to 0 dBFS, not " + levelDb);
        }
        if (sound == null) throw new IllegalArgumentException("the click needs a sound: " + ClickSound.choices());
    }

    /** Beeps: the sound of a click nobody chose. */
    public ClickSettings(double bpm, int beatsPerBar, int subdivisions, double levelDb) {
        this(bpm, beatsPerBar, subdivisions, levelDb, ClickSound.BEEP);
    }

    /** The frame beat {@code n} (0-based) starts at, counted from the click's start: round(n·60·rate/bpm). */
    public long beatFrame(long n, int rateHz) {
        return Math.round(n * 60.0 * rateHz / bpm);
    }
}
