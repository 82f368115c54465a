package org.taperoom.appliance.playback;

/**
 * A click tied to the song's play start, for a pass: its frame 0 (an accent) sounds
 * {@code offsetFrames} after the device frame where play's first frame is heard, and it stops
 * {@code lengthFrames} after its frame 0 (-1: it runs until the player closes). The playback
 * thread places it itself in the period play lands in, so it is sample-exact.
 */
public record ClickCue(ClickSource click, long offsetFrames, long lengthFrames) {
    public ClickCue {
        if (click == null) throw new IllegalArgumentException("a cue needs a click");
    }

    /** The device frame the click stops at, for a play landed at {@code landedDeviceFrame}. */
    long endDeviceFrame(long landedDeviceFrame) {
        return lengthFrames < 0 ? Long.MAX_VALUE : landedDeviceFrame + offsetFrames + lengthFrames;
    }
}
