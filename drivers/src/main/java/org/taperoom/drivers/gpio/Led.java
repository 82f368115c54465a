package org.taperoom.drivers.gpio;

/** An LED on a GPIO pin (active-high, through a resistor to ground). Writes the pin only on a change. */
public final class Led {
    private final Gpio.Output output;
    /** Written and read only by the thread that drives the LED's pattern. */
    private boolean on;

    public Led(Gpio gpio, int bcm, String function) throws GpioException {
        this.output = gpio.openOutput(bcm, function);
        output.set(false);
    }

    public void set(boolean lit) {
        if (lit == on) return;
        on = lit;
        output.set(lit);
    }

    public boolean isOn() {
        return on;
    }
}
