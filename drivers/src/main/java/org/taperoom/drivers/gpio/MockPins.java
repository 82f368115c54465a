package org.taperoom.drivers.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;

/**
 * The hand on a {@link Pi4jGpio#mock()} board: moves its inputs (which fire real Pi4J events to
 * the listeners, synchronously on the calling thread) and reads its outputs. Used by tests and by
 * {@code taperoom demo}.
 */
public final class MockPins {
    private final Pi4jGpio gpio;

    public MockPins(Pi4jGpio gpio) {
        if (!gpio.isMock()) throw new IllegalArgumentException("MockPins needs Pi4jGpio.mock(), not the real board");
        this.gpio = gpio;
    }

    /** Drives input {@code bcm} to a level; a change fires the pin's listeners before this returns. */
    public void drive(int bcm, boolean high) {
        if (!(gpio.io(bcm) instanceof MockDigitalInput in)) throw new IllegalStateException("BCM " + bcm + " is not an open input");
        in.mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** The level of output {@code bcm}. */
    public boolean isHigh(int bcm) {
        if (!(gpio.io(bcm) instanceof DigitalOutput out)) throw new IllegalStateException("BCM " + bcm + " is not an open output");
        return out.state() == DigitalState.HIGH;
    }
}
