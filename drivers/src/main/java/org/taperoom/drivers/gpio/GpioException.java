package org.taperoom.drivers.gpio;

/** A GPIO pin could not be opened or used; the message is one line naming the pin and its function. */
public class GpioException extends Exception {
    public GpioException(String message) {
        super(message);
    }

    public GpioException(String message, Throwable cause) {
        super(message, cause);
    }
}
