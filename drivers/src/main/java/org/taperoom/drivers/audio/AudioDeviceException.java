package org.taperoom.drivers.audio;

/**
 * A device could not be opened, configured or run. The message is meant for a person: it names
 * what was asked and what the device supports. {@link #errorCode()} carries the negative errno
 * ALSA returned, or 0 where there was none.
 */
public class AudioDeviceException extends Exception {
    private final int errorCode;

    public AudioDeviceException(String message) {
        this(message, 0);
    }

    public AudioDeviceException(String message, int errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
