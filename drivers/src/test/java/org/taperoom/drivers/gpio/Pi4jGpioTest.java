package org.taperoom.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Opening pins: clear errors naming the pin, and LEDs that reach the (mock) board. */
class Pi4jGpioTest {
    private final Pi4jGpio gpio = Pi4jGpio.mock();

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void aPinConfiguredTwiceIsAnErrorNamingThePinAndBothFunctions() throws GpioException {
        gpio.openInput(17, "record button", (h, n) -> {});
        GpioException e = assertThrows(GpioException.class, () -> gpio.openOutput(17, "status LED"));
        assertEquals("GPIO BCM 17 is configured twice: for the record button and the status LED", e.getMessage());
    }

    @Test
    void aPinTheHeaderDoesNotHaveIsAnErrorNamingIt() {
        GpioException e = assertThrows(GpioException.class, () -> gpio.openInput(40, "marker button", (h, n) -> {}));
        assertEquals("GPIO BCM 40 (marker button) does not exist: expected a BCM number from 0 to 27", e.getMessage());
    }

    @Test
    void anLedDrivesItsPin() throws GpioException {
        MockPins pins = new MockPins(gpio);
        Led led = new Led(gpio, 5, "status LED");
        assertFalse(pins.isHigh(5));
        led.set(true);
        assertTrue(pins.isHigh(5));
        led.set(false);
        assertFalse(pins.isHigh(5));
    }

    @Test
    void anUnpressedPulledUpInputReadsHigh() throws GpioException {
        Gpio.Input in = gpio.openInput(27, "marker button", (h, n) -> {});
        assertTrue(in.isHigh());
        new MockPins(gpio).drive(27, false);
        assertFalse(in.isHigh());
    }

    @Test
    void gpiodWithoutARaspberryPiSaysWhatIsMissing() {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/gpiochip0")),
                "skipped: this machine has a GPIO chip, so opening gpiod may succeed (hw-tests cover a real board)");
        try (Pi4jGpio real = Pi4jGpio.gpiod("")) {
            GpioException e = assertThrows(GpioException.class, () -> real.openInput(17, "record button", (h, n) -> {}));
            System.out.println("gpiod here says: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("GPIO BCM 17 (record button) cannot be opened: "), e.getMessage());
        } catch (GpioException e) {
            System.out.println("gpiod here says: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("cannot open GPIO through libgpiod"), e.getMessage());
        }
    }
}
