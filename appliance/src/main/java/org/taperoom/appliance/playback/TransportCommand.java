package org.taperoom.appliance.playback;

/** What the transport is told, from any thread to the playback thread. Immutable. */
sealed interface TransportCommand {
    /**
     * Play from take frame {@code fromFrame} (-1: from where it is), looping [loopFrom, loopTo)
     * when {@code loopTo > loopFrom}.
     */
    record Play(long fromFrame, long loopFrom, long loopTo) implements TransportCommand {}

    record Pause() implements TransportCommand {}

    /** Go to take frame {@code frame}, playing or not, keeping the loop. */
    record Seek(long frame) implements TransportCommand {}
}
