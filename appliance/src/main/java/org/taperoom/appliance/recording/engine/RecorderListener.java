package org.taperoom.appliance.recording.engine;

import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;

/**
 * Told about events the engine decides by itself. Called on an engine thread that is not the
 * capture thread; implementations must return quickly and must not call back into the engine
 * synchronously.
 */
public interface RecorderListener {
    default void takeStarted(TakeRef take) {}

    /** The take is finalized; its files are valid. {@code detail} is a sentence, empty unless {@link EndReason#fault()}. */
    default void takeEnded(TakeRef take, EndReason reason, String detail) {}

    /** The device disappeared ({@code present == false}) or came back. */
    default void deviceChanged(boolean present) {}

    /**
     * The capture ring a second, read-only reader may follow (the live monitor): the new one after
     * a start, null before the engine stops capturing (a pass's own streams then take the device).
     * Called on the thread that starts or stops the engine, which holds the engine's lock.
     */
    default void captureRing(FrameRing ring) {}
}
