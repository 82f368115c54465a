package org.taperoom.appliance.control;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.taperoom.appliance.config.AlwaysOnKeys;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.rolling.AlwaysOn;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.service.SongPasses;
import org.taperoom.drivers.gpio.MockPins;
import org.taperoom.drivers.sim.SimBackend;

/**
 * The appliance's control side on the simulated interface and Pi4J's mock board: the real
 * RecordingEngine, the ControlService as serve/demo start it, and a hand on the pins.
 */
public final class Rig implements AutoCloseable {
    public final SimBackend sim;
    public final RecordingEngine engine;
    public final ControlService control;
    /** Always-on capture as the service starts it (key {@code alwaysOn}), or null. */
    public final AlwaysOn alwaysOn;
    public final MockPins pins;
    public final Config config;

    /** Two channels at 48 kHz, 24-bit, library in {@code dir}, GPIO on the mock board; {@code config} adjusts the rest. */
    public static Config baseConfig(Path dir) {
        return Recordings.config(dir, 2, 48000, "24").with(GpioKeys.GPIO, "mock");
    }

    public Rig(Config config, SimBackend sim) throws Exception {
        this.config = config;
        this.sim = sim;
        this.engine = RecordingSetup.engine(config, sim);
        engine.start();
        this.alwaysOn = config.get(AlwaysOnKeys.ALWAYS_ON) ? AlwaysOn.start(engine, RecordingSetup.alwaysOnSettings(config)) : null;
        this.control = ControlService.start(engine, config, sim.gains(), new SongPasses(engine));
        this.pins = new MockPins(control.gpio());
    }

    /** The pin sampled every 10 ms for {@code millis}: fraction lit and rising edges. */
    public record Trace(double litFraction, int risingEdges) {}

    public Trace trace(int pin, long millis) throws InterruptedException {
        int samples = 0;
        int lit = 0;
        int rising = 0;
        boolean prev = pins.isHigh(pin);
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            boolean now = pins.isHigh(pin);
            samples++;
            if (now) lit++;
            if (now && !prev) rising++;
            prev = now;
            Thread.sleep(10);
        }
        Trace t = new Trace((double) lit / samples, rising);
        System.out.printf("LED BCM %d over %d ms: lit %.0f%%, %d rising edges%n", pin, millis, t.litFraction() * 100, t.risingEdges());
        return t;
    }

    public TransportState state() {
        return control.transport().view().state();
    }

    /** A press with contact bounce on an active-low button pin; returns after the release has settled. */
    public void press(int bcm, long holdMillis) throws InterruptedException {
        bounce(bcm, false);
        Thread.sleep(holdMillis);
        bounce(bcm, true);
        Thread.sleep(config.get(GpioKeys.DEBOUNCE_MILLIS) * 3L);
    }

    void bounce(int bcm, boolean level) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            pins.drive(bcm, level);
            Thread.sleep(0, 400_000);
            pins.drive(bcm, !level);
            Thread.sleep(0, 400_000);
        }
        pins.drive(bcm, level);
    }

    /** Clockwise (+) or anticlockwise (-) detents on the encoder, at speed. */
    void turn(int detents) {
        int a = config.get(GpioKeys.ENCODER_A);
        int b = config.get(GpioKeys.ENCODER_B);
        int[] cw = {0b01, 0b00, 0b10, 0b11};
        for (int d = 0; d < Math.abs(detents); d++) {
            for (int i = 0; i < 4; i++) {
                int ab = detents > 0 ? cw[i] : cw[(6 - i) % 4];
                pins.drive(a, (ab & 2) != 0);
                pins.drive(b, (ab & 1) != 0);
            }
        }
    }

    public static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(2);
        }
    }

    public void awaitState(TransportState s) throws InterruptedException {
        await(() -> state() == s, 30, "state " + s.wireName() + " (now " + state().wireName() + ")");
    }

    @Override
    public void close() {
        control.close();
        if (alwaysOn != null) alwaysOn.close();
        engine.close();
    }
}
