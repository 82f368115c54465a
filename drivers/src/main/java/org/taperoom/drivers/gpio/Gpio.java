package org.taperoom.drivers.gpio;

/**
 * The one seam between Taperoom and GPIO hardware: pulled-up inputs that report every edge, and
 * outputs. {@link Button}, {@link RotaryEncoder} and {@link Led} are built on it; only
 * {@link Pi4jGpio} knows Pi4J, so nothing else in the appliance imports it.
 *
 * <p>Pins are BCM numbers. Opening a pin twice, a pin the board does not have, or a pin another
 * program holds fails with a {@link GpioException} naming the pin and its function.
 */
public interface Gpio extends AutoCloseable {

    /** Told about every level change of an input. */
    @FunctionalInterface
    interface EdgeListener {
        /**
         * Called on a GPIO event thread (one per pin on gpiod, the caller's thread on the mock);
         * must return quickly. {@code nanos} is {@link System#nanoTime()} at the event.
         */
        void onEdge(boolean high, long nanos);
    }

    /** An open input; {@link #isHigh()} reads the line now. */
    interface Input {
        int bcm();

        boolean isHigh();
    }

    /** An open output (active-high). */
    interface Output {
        int bcm();

        void set(boolean high);

        boolean isHigh();
    }

    /**
     * Opens {@code bcm} as an input with the internal pull-up enabled (buttons and encoder
     * contacts switch to ground). {@code function} names the pin in errors ("record button").
     */
    Input openInput(int bcm, String function, EdgeListener listener) throws GpioException;

    /** Opens {@code bcm} as an output, initially low. */
    Output openOutput(int bcm, String function) throws GpioException;

    /** Releases every pin (outputs go low). Idempotent. */
    @Override
    void close();
}
