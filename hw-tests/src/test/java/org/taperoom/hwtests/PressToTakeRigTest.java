package org.taperoom.hwtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.ControlService;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.drivers.gpio.Gpio;
import org.taperoom.drivers.gpio.Pi4jGpio;

/**
 * Button-to-first-sample time on a Pi with a real interface: a GPIO output jumpered to the record
 * button's pin presses it electrically (hw-tests/README.md, "Front panel"), and the take's press
 * frame is compared with the capture position at that moment.
 */
class PressToTakeRigTest {
    @TempDir
    Path library;

    private static void require(boolean condition, String reason) {
        if (!condition) System.out.println("SKIPPED " + PressToTakeRigTest.class.getSimpleName() + ": " + reason);
        Assumptions.assumeTrue(condition, reason);
    }

    @Test
    void aPressReachesTheTakeWithinOnePeriodPlusTheDebounceTime() throws Exception {
        require(Files.exists(Path.of("/dev/gpiochip0")), "no /dev/gpiochip0: this is not a Raspberry Pi with GPIO");
        String device = System.getenv("TAPEROOM_HW_DEVICE");
        String pressPin = System.getenv("TAPEROOM_HW_PRESS_PIN");
        require(device != null, "set TAPEROOM_HW_DEVICE to the interface's ALSA capture device (hw:CARD=...,DEV=0)");
        require(pressPin != null, "set TAPEROOM_HW_PRESS_PIN to the BCM output jumpered to the record button's pin");
        String file = System.getenv("TAPEROOM_CONFIG");
        Config c = Config.load(file == null ? null : Path.of(file), Map.of())
                .with(RecordingKeys.DEVICE, device).with(RecordingKeys.LIBRARY, library)
                .with(RecordingKeys.PRE_ROLL_SECONDS, 0.5).with(RecordingKeys.MIN_FREE_MINUTES, 0);
        Pi4jGpio gpio = Pi4jGpio.gpiod(c.get(GpioKeys.CHIP));
        Gpio.Output press = gpio.openOutput(Integer.parseInt(pressPin), "test press driver");
        press.set(true); // released: the button's pull-up sees high
        try (RecordingEngine engine = RecordingSetup.engine(c)) {
            engine.start();
            try (ControlService control = ControlService.start(engine, c, gpio, InputGain.NONE)) {
                Thread.sleep(1000);
                long before = engine.captureFrame();
                press.set(false);
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (control.transport().view().state() != TransportState.RECORDING && System.nanoTime() < end) Thread.sleep(1);
                press.set(true);
                TakeRef take = control.transport().view().take();
                assertTrue(take != null, "the electrical press started no take");
                Thread.sleep(300);
                control.transport().send(new ControlEvent.Stop("test"));
                while (control.transport().view().state() == TransportState.STOPPING) Thread.sleep(5);
                TakeInfo info = TakeJson.read(take.folder());
                long latency = info.startFrame + info.preRollFrames - before;
                int rate = info.rateHz;
                long bound = c.get(RecordingKeys.PERIOD_FRAMES) + (long) c.get(GpioKeys.DEBOUNCE_MILLIS) * rate / 1000;
                System.out.printf("press to take on %s: %d frames (%.1f ms); bound %d frames (%.1f ms)%n",
                        device, latency, latency * 1000.0 / rate, bound, bound * 1000.0 / rate);
                // 5 ms beyond the bound for the capture position read before the press.
                assertTrue(latency <= bound + rate / 200, "press to take " + latency + " frames");
            }
        }
    }
}
