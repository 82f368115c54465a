package org.taperoom.appliance.control;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.drivers.gpio.Button;
import org.taperoom.drivers.gpio.Gpio;
import org.taperoom.drivers.gpio.GpioException;
import org.taperoom.drivers.gpio.Led;
import org.taperoom.drivers.gpio.RotaryEncoder;
import org.tinylog.Logger;

/**
 * The GPIO front panel: it only sends events to the transport and reads its state.
 *
 * <ul>
 * <li>Record button: each press toggles (starts a take, the next press stops it), on the press
 *     itself, not the release. It has no long-press action, so no button can throw a take away.</li>
 * <li>Marker button: a press drops a marker in the running take; a long press
 *     ({@code gpioLongPressMillis}) arms or disarms auto-record. (Its press drops the marker first;
 *     a long press never stops or discards anything.)</li>
 * <li>Overdub button: a press records a pass over the song used last (the panel's Song page
 *     sets it) with the armed inputs while the song plays; the next press ends the pass. The
 *     status LED flickers while a pass records, so the wall tells a pass from a take.</li>
 * <li>Encoder: turning selects an input; a push (released without turning) toggles the selected
 *     input's arming; turning while pushed changes its gain by {@code gpioGainStepDb} per detent.</li>
 * <li>LEDs: decided by {@link Indicators}, which the control loop drives.</li>
 * </ul>
 *
 * A pin set to -1 is not connected and its function is absent.
 */
public final class FrontPanel implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "buttons");
        t.setDaemon(true);
        return t;
    });
    private final TransportControl transport;
    private final InputArming arming;
    private final InputGain gain;
    private final double gainStepDb;
    private final Indicators indicators;
    private Button push;
    /** Written by the encoder's GPIO threads and the button timer; true once the encoder turned during this push. */
    private volatile boolean turnedWhilePushed;

    public FrontPanel(Gpio gpio, Config config, TransportControl transport, InputGain gain) throws GpioException {
        this.transport = transport;
        this.arming = transport.arming();
        this.gain = gain;
        this.gainStepDb = config.get(GpioKeys.GAIN_STEP_DB);
        int debounce = config.get(GpioKeys.DEBOUNCE_MILLIS);
        int longPress = config.get(GpioKeys.LONG_PRESS_MILLIS);
        try {
            int record = config.get(GpioKeys.RECORD_BUTTON);
            if (record >= 0) {
                new Button(gpio, record, "record button", debounce, longPress, timer,
                        pressNanos -> transport.send(new ControlEvent.Toggle("button", pressNanos)));
            }
            int marker = config.get(GpioKeys.MARKER_BUTTON);
            if (marker >= 0) {
                new Button(gpio, marker, "marker button", debounce, longPress, timer, new Button.Listener() {
                    @Override public void pressed(long pressNanos) { transport.send(new ControlEvent.Marker("button", "")); }
                    @Override public void longPressed() {
                        transport.send(new ControlEvent.AutoRecord("button", !transport.autoRecordArmed()));
                    }
                });
            }
            int overdub = config.get(GpioKeys.OVERDUB_BUTTON);
            if (overdub >= 0) {
                new Button(gpio, overdub, "overdub button", debounce, longPress, timer,
                        pressNanos -> transport.send(new ControlEvent.OverdubToggle("button")));
            }
            int pushPin = config.get(GpioKeys.ENCODER_PUSH);
            if (pushPin >= 0) {
                push = new Button(gpio, pushPin, "encoder push switch", debounce, longPress, timer, new Button.Listener() {
                    @Override public void pressed(long pressNanos) { turnedWhilePushed = false; }
                    @Override public void released(long heldMillis) { if (!turnedWhilePushed) arming.toggleSelected(); }
                });
            }
            int a = config.get(GpioKeys.ENCODER_A);
            int b = config.get(GpioKeys.ENCODER_B);
            if (a >= 0 && b >= 0) {
                new RotaryEncoder(gpio, a, b, config.get(GpioKeys.ENCODER_TRANSITIONS), this::onTurn);
            }
            int statusPin = config.get(GpioKeys.STATUS_LED);
            int clipPin = config.get(GpioKeys.CLIP_LED);
            Led status = statusPin >= 0 ? new Led(gpio, statusPin, "status LED") : null;
            Led clip = clipPin >= 0 ? new Led(gpio, clipPin, "clip LED") : null;
            indicators = status == null ? null : new Indicators(status::set, clip == null ? null : clip::set);
        } catch (GpioException e) {
            timer.shutdownNow();
            throw e;
        }
    }

    /** The LED logic the control loop drives, or null without a status LED. */
    public Indicators indicators() {
        return indicators;
    }

    /** On the encoder's GPIO thread. */
    private void onTurn(int detents) {
        if (push != null && push.isDown()) {
            turnedWhilePushed = true;
            int input = arming.selected();
            double now = gain.adjust(input, detents * gainStepDb);
            if (Double.isNaN(now)) Logger.info("input {} has no gain control", input);
            else Logger.info("input {} gain {} dB", input, String.format("%.1f", now));
        } else {
            arming.select(detents);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
