package org.taperoom.appliance.playback;

/** What the transport is told, from any thread to the playback thread. Immutable. */
sealed interface TransportCommand {
    /**
     * Play from take frame {@code fromFrame} (-1: from where it is), looping [loopFrom, loopTo)
     * when {@code loopTo > loopFrom}, after {@code leadInFrames} of silence (a count-in; the play
     * position runs from fromFrame - leadInFrames), placing {@code cue} (or null) where it lands.
     */
    record Play(long fromFrame, long loopFrom, long loopTo, long leadInFrames, ClickCue cue) implements TransportCommand {
        Play(long fromFrame, long loopFrom, long loopTo) {
            this(fromFrame, loopFrom, loopTo, 0, null);
        }
    }

    record Pause() implements TransportCommand {}

    /** Go to take frame {@code frame}, playing or not, keeping the loop. */
    record Seek(long frame) implements TransportCommand {}
}
