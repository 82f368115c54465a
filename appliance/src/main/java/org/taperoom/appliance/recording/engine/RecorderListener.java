package org.taperoom.appliance.recording.engine;

/**
 * Told about events the engine decides by itself. Called on an engine thread that is not the
 * capture thread; implementations must return quickly and must not call back into the engine
 * synchronously.
 */
public interface RecorderListener {
    /** Why a take ended. */
    enum EndReason { STOPPED, DEVICE_GONE, DISK_FULL, WRITE_FAILED }

    default void takeStarted(TakeRef take) {}

    /** The take is finalized; its files are valid. {@code detail} is a sentence, empty for STOPPED. */
    default void takeEnded(TakeRef take, EndReason reason, String detail) {}

    /** The device disappeared ({@code present == false}) or came back. */
    default void deviceChanged(boolean present) {}
}
