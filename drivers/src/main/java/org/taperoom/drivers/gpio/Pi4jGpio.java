package org.taperoom.drivers.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link Gpio} on Pi4J 3: the gpiod provider on a Raspberry Pi 4/5 (no root, only membership of
 * the {@code gpio} group), or Pi4J's mock provider in tests and {@code taperoom demo}
 * ({@link MockPins} drives its inputs and reads its outputs).
 *
 * <p>Pi4J's own debounce is off: {@link Button} debounces in our code so the mock and the real
 * board behave the same, and the encoder must see every edge.
 */
public final class Pi4jGpio implements Gpio {
    /** The header's GPIO pins on every Raspberry Pi with a 40-pin header. */
    public static final int MAX_BCM = 27;

    private final Context context;
    private final boolean mock;
    /** Guarded by this: pin to function, so a second claim names the first. */
    private final Map<Integer, String> claimed = new HashMap<>();
    private boolean closed;

    private Pi4jGpio(Context context, boolean mock) {
        this.context = context;
        this.mock = mock;
    }

    /**
     * The board's GPIO through libgpiod. {@code chipName} is empty for Pi4J's default chip, or a
     * name such as {@code gpiochip4} (Raspberry Pi 5 on kernels before 6.6.45).
     */
    public static Pi4jGpio gpiod(String chipName) throws GpioException {
        try {
            ContextBuilder b = Pi4J.newContextBuilder().noAutoDetect()
                    .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance());
            if (!chipName.isEmpty()) b.setGpioChipName(chipName);
            return new Pi4jGpio(b.build(), false);
        } catch (RuntimeException | LinkageError e) {
            throw new GpioException("cannot open GPIO through libgpiod" + (chipName.isEmpty() ? "" : " chip " + chipName)
                    + ": " + oneLine(e) + " (is this a Raspberry Pi, and is the user in the 'gpio' group?)", e);
        }
    }

    /** Pi4J's mock board: inputs rest high as if pulled up; {@link MockPins} moves them. */
    public static Pi4jGpio mock() {
        Context c = Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        return new Pi4jGpio(c, true);
    }

    public boolean isMock() {
        return mock;
    }

    @Override
    public Input openInput(int bcm, String function, EdgeListener listener) throws GpioException {
        claim(bcm, function);
        DigitalInput in;
        try {
            in = context.create(DigitalInput.newConfigBuilder(context)
                    .id(id(bcm)).name(function).address(bcm)
                    .pull(PullResistance.PULL_UP).debounce(0L)
                    .provider(mock ? MockDigitalInputProvider.class : GpioDDigitalInputProvider.class));
        } catch (RuntimeException e) {
            release(bcm);
            throw busy(bcm, function, e);
        }
        // The mock has no resistors: an open pulled-up contact reads high, so start it there.
        if (in instanceof MockDigitalInput m) m.mockState(DigitalState.HIGH);
        in.addListener(e -> listener.onEdge(e.state().isHigh(), System.nanoTime()));
        return new Input() {
            @Override public int bcm() { return bcm; }
            @Override public boolean isHigh() { return in.state().isHigh(); }
        };
    }

    @Override
    public Output openOutput(int bcm, String function) throws GpioException {
        claim(bcm, function);
        DigitalOutput out;
        try {
            out = context.create(DigitalOutput.newConfigBuilder(context)
                    .id(id(bcm)).name(function).address(bcm)
                    .initial(DigitalState.LOW).shutdown(DigitalState.LOW)
                    .provider(mock ? MockDigitalOutputProvider.class : GpioDDigitalOutputProvider.class));
        } catch (RuntimeException e) {
            release(bcm);
            throw busy(bcm, function, e);
        }
        return new Output() {
            @Override public int bcm() { return bcm; }
            @Override public void set(boolean high) { out.state(high ? DigitalState.HIGH : DigitalState.LOW); }
            @Override public boolean isHigh() { return out.state().isHigh(); }
        };
    }

    /** The Pi4J object behind a pin, for {@link MockPins}; null when the pin is not open. */
    Object io(int bcm) {
        return context.registry().exists(id(bcm)) ? context.registry().get(id(bcm)) : null;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        context.shutdown();
    }

    private synchronized void claim(int bcm, String function) throws GpioException {
        if (closed) throw new GpioException("GPIO is closed; cannot open BCM " + bcm + " (" + function + ")");
        if (bcm < 0 || bcm > MAX_BCM) {
            throw new GpioException("GPIO BCM " + bcm + " (" + function + ") does not exist: expected a BCM number from 0 to " + MAX_BCM);
        }
        String other = claimed.putIfAbsent(bcm, function);
        if (other != null) {
            throw new GpioException("GPIO BCM " + bcm + " is configured twice: for the " + other + " and the " + function);
        }
    }

    private synchronized void release(int bcm) {
        claimed.remove(bcm);
    }

    private static String id(int bcm) {
        return "bcm" + bcm;
    }

    private static GpioException busy(int bcm, String function, RuntimeException e) {
        String why = oneLine(e);
        String hint = why.toLowerCase(java.util.Locale.ROOT).contains("chip")
                ? " (no GPIO chip: is this a Raspberry Pi, is gpioChip right, and is the user in the 'gpio' group?)"
                : " (is it used by another program or a device-tree overlay?)";
        return new GpioException("GPIO BCM " + bcm + " (" + function + ") cannot be opened: " + why + hint, e);
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
