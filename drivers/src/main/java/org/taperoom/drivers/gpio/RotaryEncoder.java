package org.taperoom.drivers.gpio;

import java.util.function.IntConsumer;

/**
 * A rotary encoder's two quadrature contacts (to ground, pulled up), decoded by
 * {@link QuadratureDecoder}. Each edge samples both lines and feeds the decoder under one lock,
 * so edges of A and B arriving on different GPIO threads are still seen in line order. Its push
 * switch is a separate {@link Button}.
 *
 * <p>{@code onDetents} receives +1 per clockwise detent and -1 per anticlockwise one, on the GPIO
 * thread of the edge that completed it; it must return quickly.
 */
public final class RotaryEncoder {
    private final IntConsumer onDetents;
    /** Guarded by this; null until both lines are open. */
    private Gpio.Input a;
    private Gpio.Input b;
    /** Guarded by this. */
    private QuadratureDecoder decoder;

    public RotaryEncoder(Gpio gpio, int bcmA, int bcmB, int transitionsPerDetent, IntConsumer onDetents) throws GpioException {
        this.onDetents = onDetents;
        Gpio.Input inA = gpio.openInput(bcmA, "encoder A", (high, nanos) -> onEdge());
        Gpio.Input inB = gpio.openInput(bcmB, "encoder B", (high, nanos) -> onEdge());
        synchronized (this) {
            a = inA;
            b = inB;
            decoder = new QuadratureDecoder(transitionsPerDetent, sample());
        }
    }

    private void onEdge() {
        int detents;
        synchronized (this) {
            if (decoder == null) return;
            detents = decoder.update(sample());
        }
        if (detents != 0) onDetents.accept(detents);
    }

    private int sample() {
        return (a.isHigh() ? 2 : 0) | (b.isHigh() ? 1 : 0);
    }
}
