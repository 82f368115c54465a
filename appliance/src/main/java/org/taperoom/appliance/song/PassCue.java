package org.taperoom.appliance.song;

/**
 * What a pass gives the musician to play to beside the song: the click from the song's tempo and
 * time signature ({@code click}) and a count-in of {@code countInBars} (0 to 4) bars before the
 * pass's first recorded frame, which falls on the click's bar line. Both are heard on the monitor
 * pair only and never recorded.
 */
public record PassCue(boolean click, int countInBars) {
    public static final int MAX_COUNT_IN_BARS = 4;
    public static final PassCue NONE = new PassCue(false, 0);

    /** @throws IllegalArgumentException with one line naming the bad count-in */
    public PassCue {
        if (countInBars < 0 || countInBars > MAX_COUNT_IN_BARS) {
            throw new IllegalArgumentException("a count-in is 0 to " + MAX_COUNT_IN_BARS + " bars, not " + countInBars);
        }
    }

    public boolean any() {
        return click || countInBars > 0;
    }
}
