package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/** The LEDs on Pi4J's mock board, sampled over time while the real engine runs through the states. */
class IndicatorsOnTheEngineTest {
    private static final int STATUS = 5;
    private static final int CLIP = 6;

    @TempDir
    Path dir;

    @Test
    void theStatusLedIsDarkIdleSolidRecordingAndBlinksSlowlyWhileWaiting() throws Exception {
        try (Rig rig = new Rig(Rig.baseConfig(dir), new SimBackend(SimOptions.defaults().withSignals(SimSignal.SILENCE)))) {
            Thread.sleep(100);
            assertEquals(0.0, rig.trace(STATUS, 300).litFraction());

            rig.control.transport().send(new ControlEvent.Record("panel"));
            Rig.await(() -> rig.pins.isHigh(STATUS), 5, "the status LED to light");
            assertEquals(1.0, rig.trace(STATUS, 300).litFraction());
            rig.control.transport().send(new ControlEvent.Stop("panel"));
            rig.awaitState(TransportState.IDLE);

            rig.control.transport().send(new ControlEvent.AutoRecord("panel", true));
            Thread.sleep(50);
            Rig.Trace waiting = rig.trace(STATUS, 2000);
            assertTrue(waiting.risingEdges() >= 1 && waiting.risingEdges() <= 3, "1 Hz blink: " + waiting);
            assertTrue(waiting.litFraction() > 0.3 && waiting.litFraction() < 0.7, "half lit: " + waiting);
        }
    }

    @Test
    void aVanishedInterfaceIsAnErrorThatBlinksFast() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE).withVanishAt(48000));
        try (Rig rig = new Rig(Rig.baseConfig(dir), sim)) {
            rig.control.transport().send(new ControlEvent.Record("panel"));
            rig.awaitState(TransportState.ERROR);
            System.out.println("error reason: " + rig.control.transport().view().reason());
            assertTrue(rig.control.transport().view().reason().contains("disappeared"), rig.control.transport().view().reason());
            Rig.Trace error = rig.trace(STATUS, 1000);
            assertTrue(error.risingEdges() >= 3 && error.risingEdges() <= 7, "5 Hz blink: " + error);
            rig.control.transport().send(new ControlEvent.Record("button"));
            assertEquals(TransportState.ERROR, rig.state(), "no take while the device is gone");
        }
    }

    @Test
    void aClippingInputLightsTheClipLedAndItGoesDarkWhenTheClippingStops() throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE));
        try (Rig rig = new Rig(Rig.baseConfig(dir), sim)) {
            Thread.sleep(100);
            assertEquals(0.0, rig.trace(CLIP, 200).litFraction(), "a -6 dBFS sine does not clip");
            sim.gains().setGainDb(1, 12);
            Rig.await(() -> rig.pins.isHigh(CLIP), 5, "the clip LED to light");
            assertTrue(rig.trace(CLIP, 300).litFraction() > 0.8, "a sine driven 6 dB over full scale clips");
            sim.gains().setGainDb(1, 0);
            Rig.await(() -> !rig.pins.isHigh(CLIP), 5, "the clip LED to go dark");
            Thread.sleep(Indicators.CLIP_FLASH_MILLIS * 2);
            assertEquals(0.0, rig.trace(CLIP, 200).litFraction());
        }
    }

    @Test
    void aNearlyFullDiskShowsItsOwnDoubleFlash() throws Exception {
        Config c = Rig.baseConfig(dir).with(ControlKeys.DISK_LOW_MINUTES, 100000);
        try (Rig rig = new Rig(c, new SimBackend(SimOptions.defaults().withSignals(SimSignal.SILENCE)))) {
            Thread.sleep(100);
            Rig.Trace low = rig.trace(STATUS, 2000);
            assertTrue(low.risingEdges() >= 1 && low.risingEdges() <= 5, "two flashes every 2 s: " + low);
            assertTrue(low.litFraction() > 0.05 && low.litFraction() < 0.3, "mostly dark: " + low);
        }
    }
}
