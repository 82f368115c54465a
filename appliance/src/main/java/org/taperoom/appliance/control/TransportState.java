package org.taperoom.appliance.control;

import java.util.Locale;

/** The states of the one transport state machine (README, "Control: buttons, LEDs, pre-roll, auto-record, always-on"). */
public enum TransportState {
    IDLE, RECORDING, STOPPING,
    /** A pass is being recorded over a song while the song plays ({@link PassRecorder}). */
    OVERDUBBING,
    /** The interface measures its round trip through a loopback ({@link PassRecorder#calibrate}); it rests again by itself. */
    CALIBRATING,
    /** Auto-record is armed and waits for signal. */
    WAITING,
    /** Something stops recording (no device, no disk); {@link TransportView#reason()} says what. */
    ERROR;

    /** The name used in the API and logs: {@code idle}, {@code recording}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
