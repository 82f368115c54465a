package org.taperoom.appliance.playback;

/** A region [fromFrame, toFrame) of a take played over and over; {@link #NONE} plays through. */
public record LoopRegion(long fromFrame, long toFrame) {
    public static final LoopRegion NONE = new LoopRegion(0, 0);

    public boolean active() {
        return toFrame > fromFrame;
    }
}
