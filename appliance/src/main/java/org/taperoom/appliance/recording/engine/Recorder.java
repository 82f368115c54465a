package org.taperoom.appliance.recording.engine;

import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.take.TakeRef;

/**
 * The recording engine as the rest of the appliance sees it: control (GPIO, panel, CLI,
 * auto-record) drives takes through this, the panel and LEDs read meters and status from it.
 *
 * <p>Threading: every method may be called from any non-real-time thread. None of them blocks on
 * the capture thread; {@link #stopTake()} waits for the writer to finalize the files.
 */
public interface Recorder extends AutoCloseable {

    /** Opens the device and starts the capture thread; meters and the pre-roll run from here on. */
    void start() throws EngineException;

    /**
     * Starts a take whose first sample is {@code preRollSeconds} before now (as much of it as has
     * been captured). Refused with a readable message when not running, already recording, or the
     * library's free space is below the configured minimum.
     */
    TakeRef startTake(TakeRequest request) throws EngineException;

    /** Ends the current take and finalizes its files; returns it. Refused when no take runs. */
    TakeRef stopTake() throws EngineException;

    /** Drops a marker at the current capture position of the current take; false when idle. */
    boolean addMarker(String label);

    /**
     * Drops a marker whose {@code source} ("button", "panel", "cli", …) is kept in take.json; the
     * default ignores the source.
     */
    default boolean addMarker(String label, String source) {
        return addMarker(label);
    }

    /**
     * Takes a new device, channel count, rate, bits ("16", "24" or "32f") and pre-roll now: a running recorder
     * closes its device and opens it again with them. Refused while a take is being recorded, or
     * when the device cannot be opened with them (the recorder keeps the settings it had).
     * Returns false when this recorder cannot do it, so the settings wait for the next start of
     * the service.
     */
    default boolean reopen(String device, int channels, int rateHz, String bits, double preRollSeconds) throws EngineException {
        return false;
    }

    /** The running capture's ring (null when stopped, or for a recorder without one): see {@link RecorderListener#captureRing}. */
    default org.taperoom.appliance.recording.ring.FrameRing captureRing() {
        return null;
    }

    /** A consistent copy of the latest meters (lock-free; never waits for the capture thread). */
    void readMeters(MeterSnapshot into);

    /**
     * Adds a consumer of the capture ring, fed on the writer thread (never the capture thread's
     * time); false when this recorder has no ring to tap.
     */
    default boolean addRingTap(org.taperoom.appliance.recording.ring.RingTap tap) {
        return false;
    }

    /** Removes a consumer {@link #addRingTap} added. */
    default void removeRingTap(org.taperoom.appliance.recording.ring.RingTap tap) {}

    /** A snapshot of the engine's state, for status lines, LEDs and the panel. */
    RecorderStatus status();

    void addListener(RecorderListener listener);

    /** Stops any take (finalizing it) and the capture thread, and closes the device. */
    @Override
    void close();
}
