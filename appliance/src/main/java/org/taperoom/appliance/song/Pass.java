package org.taperoom.appliance.song;

/**
 * One recording of a lane: a track of a take in the library, placed on the song's timeline.
 *
 * @param take         the take's library id ({@code yyyy-mm-dd_hhmmss-slug})
 * @param track        the track's file stem ({@code NN-name}) in that take
 * @param offsetFrames the song frame of the track's first frame; negative when the track began
 *                     before the song (its first {@code -offsetFrames} frames are not heard)
 */
public record Pass(String take, String track, long offsetFrames) {
    public Pass {
        if (take == null || take.isBlank()) throw new IllegalArgumentException("a pass names its take");
        if (track == null || track.isBlank()) throw new IllegalArgumentException("a pass names its track");
    }
}
