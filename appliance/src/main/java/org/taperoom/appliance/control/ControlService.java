package org.taperoom.appliance.control;

import java.nio.file.Files;
import java.nio.file.Path;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.drivers.gpio.GpioException;
import org.taperoom.drivers.gpio.Pi4jGpio;
import org.tinylog.Logger;

/**
 * Everything on the control side of {@code serve} and {@code demo}, started together: the
 * transport state machine, the GPIO front panel (per the {@code gpio} key), and the control
 * loop (auto-record, LEDs). Other sources (panel, CLI) send to {@link #transport()}.
 *
 * <pre>
 *   ControlService control = ControlService.start(recorder, config, InputGain.NONE);
 *   control.transport().send(new ControlEvent.Toggle("panel"));
 * </pre>
 */
public final class ControlService implements AutoCloseable {
    private final TransportControl transport;
    private final Pi4jGpio gpio;
    /** Set once by start() before the service is shared; read by the service's status line. */
    private volatile String frontPanelOff;
    private final FrontPanel panel;
    private final ControlLoop loop;

    private ControlService(TransportControl transport, Pi4jGpio gpio, FrontPanel panel, ControlLoop loop) {
        this.transport = transport;
        this.gpio = gpio;
        this.panel = panel;
        this.loop = loop;
    }

    /**
     * Starts control for {@code recorder} (started or not). The GPIO board is chosen by the
     * {@code gpio} key: gpiod, mock, off, or auto (gpiod when /dev/gpiochip0 exists).
     *
     * @throws GpioException one line naming a wrong or busy pin
     */
    public static ControlService start(Recorder recorder, Config config, InputGain gain) throws GpioException {
        return start(recorder, config, gain, null);
    }

    /** As {@link #start(Recorder, Config, InputGain)}, recording overdubs with {@code passes} (null: none). */
    public static ControlService start(Recorder recorder, Config config, InputGain gain, PassRecorder passes) throws GpioException {
        String mode = config.get(GpioKeys.GPIO);
        if (mode.equals("auto")) {
            mode = Files.exists(Path.of("/dev/gpiochip0")) ? "gpiod" : "off";
            Logger.info("gpio auto: {}", mode.equals("off") ? "no GPIO chip on this machine, front panel off" : "using gpiod");
        }
        if (mode.equals("gpiod")) {
            // A missing or foreign board (no chip, not a Pi, no rights) never stops the recorder:
            // the front panel is off, and the status line, the log and the panel's state say why.
            try {
                return start(recorder, config, Pi4jGpio.gpiod(config.get(GpioKeys.CHIP)), gain, passes);
            } catch (GpioException e) {
                Logger.warn("front panel off: {}", e.getMessage());
                ControlService withoutPanel = start(recorder, config, null, gain, passes);
                withoutPanel.frontPanelOff = e.getMessage();
                return withoutPanel;
            }
        }
        return start(recorder, config, mode.equals("mock") ? Pi4jGpio.mock() : null, gain, passes);
    }

    /** Why the configured front panel could not open (the recorder runs without it), or null. */
    public String frontPanelOff() {
        return frontPanelOff;
    }

    /** As {@link #start(Recorder, Config, InputGain)} on a given board (null for none); the service closes it. */
    public static ControlService start(Recorder recorder, Config config, Pi4jGpio gpio, InputGain gain) throws GpioException {
        return start(recorder, config, gpio, gain, null);
    }

    /** As {@link #start(Recorder, Config, Pi4jGpio, InputGain)}, recording overdubs with {@code passes} (null: none). */
    public static ControlService start(Recorder recorder, Config config, Pi4jGpio gpio, InputGain gain, PassRecorder passes) throws GpioException {
        TransportControl transport = passes == null ? new TransportControl(recorder, config) : new TransportControl(recorder, config, passes);
        FrontPanel panel = null;
        if (gpio != null) {
            try {
                panel = new FrontPanel(gpio, config, transport, gain);
            } catch (GpioException e) {
                gpio.close();
                transport.close();
                throw e;
            }
        }
        ControlLoop loop = new ControlLoop(recorder, transport, config, panel == null ? null : panel.indicators()).start();
        return new ControlService(transport, gpio, panel, loop);
    }

    public TransportControl transport() {
        return transport;
    }

    public InputArming arming() {
        return transport.arming();
    }

    /** The GPIO board, or null when the front panel is off (the demo drives a mock one with MockPins). */
    public Pi4jGpio gpio() {
        return gpio;
    }

    @Override
    public void close() {
        loop.close();
        if (panel != null) panel.close();
        if (gpio != null) gpio.close();
        transport.close();
    }
}
