package org.taperoom.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quadrature decoding through Pi4J's mock provider: every detent counted once, at any speed. */
class RotaryEncoderTest {
    private static final int A = 22;
    private static final int B = 23;
    /** Clockwise, starting from rest (11): A falls first. */
    private static final int[] CLOCKWISE = {0b01, 0b00, 0b10, 0b11};

    private final Pi4jGpio gpio = Pi4jGpio.mock();
    private final MockPins pins = new MockPins(gpio);
    private final AtomicInteger position = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void close() {
        gpio.close();
    }

    private void encoder(int transitionsPerDetent) throws GpioException {
        new RotaryEncoder(gpio, A, B, transitionsPerDetent, d -> {
            position.addAndGet(d);
            calls.incrementAndGet();
        });
    }

    private void state(int ab) {
        pins.drive(A, (ab & 2) != 0);
        pins.drive(B, (ab & 1) != 0);
    }

    /** One detent; with bounce, each edge chatters back and forth before it holds. */
    private void detent(boolean clockwise, boolean bounce) {
        for (int i = 0; i < 4; i++) {
            int from = clockwise ? CLOCKWISE[(i + 3) % 4] : CLOCKWISE[(7 - i) % 4];
            int to = clockwise ? CLOCKWISE[i] : CLOCKWISE[(6 - i) % 4];
            if (bounce) {
                state(to);
                state(from);
                state(to);
                state(from);
            }
            state(to);
        }
    }

    @Test
    void fastTurnsCountEveryDetentOnceInBothDirections() throws GpioException {
        encoder(4);
        for (int i = 0; i < 1000; i++) detent(true, false);
        assertEquals(1000, position.get());
        for (int i = 0; i < 1500; i++) detent(false, false);
        assertEquals(-500, position.get());
        assertEquals(2500, calls.get(), "one call per detent, never a doubled step");
    }

    @Test
    void contactBounceNeitherDoublesNorLosesADetent() throws GpioException {
        encoder(4);
        for (int i = 0; i < 300; i++) detent(true, true);
        assertEquals(300, position.get());
        for (int i = 0; i < 100; i++) detent(false, true);
        assertEquals(200, position.get());
        assertEquals(400, calls.get());
    }

    @Test
    void aTurnHalfWayAndBackIsNoStep() throws GpioException {
        encoder(4);
        state(0b01);
        state(0b00);
        state(0b01);
        state(0b11);
        assertEquals(0, calls.get());
    }

    @Test
    void aHalfCycleEncoderCountsAStepAtEachOfItsTwoRestStates() throws GpioException {
        encoder(2);
        for (int i = 0; i < 250; i++) detent(true, false); // 2 detents per full cycle
        assertEquals(500, position.get());
        for (int i = 0; i < 50; i++) detent(false, true);
        assertEquals(400, position.get());
    }

    @Test
    void aMissedEdgeAtSpeedDoesNotLoseTheDetent() {
        QuadratureDecoder d = new QuadratureDecoder(4, 0b11);
        // 11 -> 01 -> (00 missed) -> 10 -> 11: the jump 01 -> 10 changes both bits and counts 0.
        assertEquals(0, d.update(0b01));
        assertEquals(0, d.update(0b10));
        assertEquals(1, d.update(0b11));
    }
}
