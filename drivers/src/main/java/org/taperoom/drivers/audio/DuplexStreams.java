package org.taperoom.drivers.audio;

/**
 * A capture and a playback stream of one interface, opened together for full duplex (an overdub:
 * the song plays while the inputs record). Linked, both start on the same frame and run on one
 * clock, so output frame t and input frame t + round trip are the same instant for the whole
 * pass; unlinked (the device or plugin refused), each starts on its own and {@link #note} says so.
 *
 * <p>Each stream keeps its own contract and owner thread; closing the pair closes both.
 *
 * @param linked whether the two start and stop as one
 * @param note   how they were paired, for a person: why linking was refused, or how the backend links
 */
public record DuplexStreams(CaptureStream capture, PlaybackStream playback, boolean linked, String note) implements AutoCloseable {
    /** Playback first: an input waiting for output frames is released when the output closes. */
    @Override
    public void close() {
        playback.close();
        capture.close();
    }
}
