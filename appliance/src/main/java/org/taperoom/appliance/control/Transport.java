package org.taperoom.appliance.control;

import java.util.function.Consumer;

/**
 * The one state machine that owns the transport. Every input sends it events; LEDs and the panel
 * only read its view. Events that do not apply in the current state are ignored and logged,
 * never thrown.
 */
public interface Transport {
    /** Handles {@code event}; safe from any thread, never blocks on the audio path. */
    void send(ControlEvent event);

    /**
     * As {@link #send}, and says whether the event applied: null when it did, else the one line
     * the transport logged for ignoring it (for answers such as the panel's 409).
     */
    default String submit(ControlEvent event) {
        send(event);
        return null;
    }

    /** The current view. */
    TransportView view();

    /** Whether auto-record is armed (it waits for signal while idle, and stays armed while it records). */
    boolean autoRecordArmed();

    /** The round trip passes are placed with and whether a calibration runs, or null where passes are not recorded. */
    default PassRecorder.Calibration calibration() {
        return null;
    }

    /** Hears each tempo tapped on the front panel; a transport without one never calls it. */
    default void addTempoListener(TempoListener listener) {}

    /** Hears each pass recorded over a song; a transport that records no passes never calls it. */
    default void addPassListener(PassListener listener) {}

    /** Called after every transition, on the thread that made it; must return quickly. */
    void addListener(Consumer<TransportView> listener);
}
