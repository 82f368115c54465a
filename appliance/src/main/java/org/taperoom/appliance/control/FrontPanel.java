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
 *     input's arming; turning while pushed changes its gain by {@code gpioGainStepDb} per detent.
 *     A long press ({@code gpioLongPressMillis}, without turning) enters tap tempo: from then on
 *     each push is a tap (the tempo of the last taps, from the second on, goes to the song used
 *     last and the metronome), turning nudges the tempo by 1 BPM a detent, and another long press
 *     leaves it, back to selecting and arming inputs.</li>
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
    /** Written by the button timer (long press), read by the GPIO threads: pushes tap the tempo. */
    private volatile boolean tapMode;
    /** Written and read by the button timer and the push's GPIO thread: this push was a long press. */
    private volatile boolean longPushed;
    /** Used on the push's GPIO thread only (taps) and the button timer (reset on entering tap mode). */
    private final TapTempo taps = new TapTempo();

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
                    @Override public void pressed(long pressNanos) { onPush(pressNanos); }
                    @Override public void released(long heldMillis) {
                        if (!turnedWhilePushed && !longPushed && !tapMode) arming.toggleSelected();
                    }
                    @Override public void longPressed() { onLongPush(); }
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

    /** On the push's GPIO thread: a tap in tap mode. */
    private void onPush(long pressNanos) {
        turnedWhilePushed = false;
        longPushed = false;
        if (!tapMode) return;
        double bpm = taps.tap(pressNanos);
        if (!Double.isNaN(bpm)) transport.tapTempo(bpm, "encoder");
    }

    /** On the button timer: a long push without turning enters or leaves tap mode. */
    private synchronized void onLongPush() {
        if (turnedWhilePushed) return;
        longPushed = true;
        taps.reset();
        tapMode = !tapMode;
        Logger.info(tapMode ? "encoder: tap tempo (push to tap, turn to nudge, hold to leave)" : "encoder: back to inputs");
    }

    /** Whether pushes of the encoder tap the tempo (entered and left by a long push). */
    public boolean tapMode() {
        return tapMode;
    }

    /** On the encoder's GPIO thread. */
    private void onTurn(int detents) {
        if (tapMode && (push == null || !push.isDown())) {
            double now = transport.tappedTempoBpm();
            if (!Double.isNaN(now)) transport.tapTempo(TapTempo.clamp(now + detents), "encoder");
            return;
        }
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
