package org.taperoom.appliance.song;

import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSound;

/**
 * What a pass gives the musician to play to beside the song: the click from the song's tempo and
 * time signature ({@code click}) and a count-in of {@code countInBars} (0 to 4) bars before the
 * pass's first recorded frame, which falls on the click's bar line; both at {@code levelDb} dBFS
 * for the accent in the voice of {@code sound}. Both are heard on the monitor pair only and never
 * recorded.
 */
public record PassCue(boolean click, int countInBars, double levelDb, ClickSound sound) {
    public static final int MAX_COUNT_IN_BARS = 4;
    public static final PassCue NONE = new PassCue(false, 0);

    /** @throws IllegalArgumentException with one line naming the bad count-in, level or sound */
    public PassCue {
        if (countInBars < 0 || countInBars > MAX_COUNT_IN_BARS) {
            throw new IllegalArgumentException("a count-in is 0 to " + MAX_COUNT_IN_BARS + " bars, not " + countInBars);
        }
        if (!(levelDb >= ClickSettings.MIN_LEVEL_DB && levelDb <= 0)) {
            throw new IllegalArgumentException("the click level must be " + (int) ClickSettings.MIN_LEVEL_DB + " to 0 dBFS, not " + levelDb);
        }
        if (sound == null) throw new IllegalArgumentException("the click needs a sound: " + ClickSound.choices());
    }

    /** At the metronome's default level and sound. */
    public PassCue(boolean click, int countInBars) {
        this(click, countInBars, ClickSettings.DEFAULT.levelDb(), ClickSettings.DEFAULT.sound());
    }

    public boolean any() {
        return click || countInBars > 0;
    }
}
