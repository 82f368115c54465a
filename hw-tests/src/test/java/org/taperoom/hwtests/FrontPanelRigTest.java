package org.taperoom.hwtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.drivers.gpio.Button;
import org.taperoom.drivers.gpio.Gpio;
import org.taperoom.drivers.gpio.Led;
import org.taperoom.drivers.gpio.Pi4jGpio;
import org.taperoom.drivers.gpio.RotaryEncoder;

/**
 * The real front panel on a Raspberry Pi (wiring in hw-tests/README.md, section "Front panel").
 * Pins come from the configuration file in {@code TAPEROOM_CONFIG} (defaults otherwise).
 * Without a GPIO chip, or without the environment variables that say the rig is wired, each test
 * is skipped with a printed reason.
 */
class FrontPanelRigTest {

    private static void require(boolean condition, String reason) {
        if (!condition) System.out.println("SKIPPED " + FrontPanelRigTest.class.getSimpleName() + ": " + reason);
        Assumptions.assumeTrue(condition, reason);
    }

    private static Config config() throws Exception {
        String file = System.getenv("TAPEROOM_CONFIG");
        return Config.load(file == null ? null : Path.of(file), Map.of());
    }

    private static Pi4jGpio board() throws Exception {
        require(Files.exists(Path.of("/dev/gpiochip0")), "no /dev/gpiochip0: this is not a Raspberry Pi with GPIO");
        return Pi4jGpio.gpiod(config().get(GpioKeys.CHIP));
    }

    @Test
    void theStatusLedPinDrivesTheLoopbackInput() throws Exception {
        String loop = System.getenv("TAPEROOM_HW_LED_LOOPBACK");
        require(loop != null, "set TAPEROOM_HW_LED_LOOPBACK to the BCM pin wired to the status LED's pin");
        int statusPin = config().get(GpioKeys.STATUS_LED);
        try (Pi4jGpio gpio = board()) {
            Led led = new Led(gpio, statusPin, "status LED");
            Gpio.Input in = gpio.openInput(Integer.parseInt(loop), "LED loopback", (h, n) -> {});
            for (int i = 0; i < 20; i++) {
                led.set(true);
                Thread.sleep(5);
                assertTrue(in.isHigh(), "LED on, loopback input low");
                led.set(false);
                Thread.sleep(5);
                assertTrue(!in.isHigh(), "LED off, loopback input high");
            }
        }
    }

    @Test
    void fivePressesOfTheRealRecordButtonCountFive() throws Exception {
        require(System.getenv("TAPEROOM_HW_INTERACTIVE") != null, "set TAPEROOM_HW_INTERACTIVE=1 and be at the rig to press the button");
        Config c = config();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger presses = new AtomicInteger();
        try (Pi4jGpio gpio = board()) {
            new Button(gpio, c.get(GpioKeys.RECORD_BUTTON), "record button", c.get(GpioKeys.DEBOUNCE_MILLIS), 10_000, timer,
                    n -> System.out.println("press " + presses.incrementAndGet()));
            System.out.println("Press the record button 5 times within 30 s.");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (presses.get() < 5 && System.nanoTime() < end) Thread.sleep(10);
            Thread.sleep(1000);
            assertEquals(5, presses.get(), "every press once, no bounce counted");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void twentyDetentsOfTheRealEncoderCountTwenty() throws Exception {
        require(System.getenv("TAPEROOM_HW_INTERACTIVE") != null, "set TAPEROOM_HW_INTERACTIVE=1 and be at the rig to turn the encoder");
        Config c = config();
        AtomicInteger position = new AtomicInteger();
        try (Pi4jGpio gpio = board()) {
            new RotaryEncoder(gpio, c.get(GpioKeys.ENCODER_A), c.get(GpioKeys.ENCODER_B), c.get(GpioKeys.ENCODER_TRANSITIONS),
                    position::addAndGet);
            System.out.println("Turn the encoder 20 clicks clockwise, as fast as you like, within 30 s.");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (position.get() < 20 && System.nanoTime() < end) Thread.sleep(10);
            Thread.sleep(1000);
            assertEquals(20, position.get(), "no missed or doubled detent");
        }
    }
}
