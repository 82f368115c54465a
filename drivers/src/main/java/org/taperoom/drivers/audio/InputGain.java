package org.taperoom.drivers.audio;

import java.util.List;
import org.tinylog.Logger;

/**
 * An interface's input controls as the panel and the rotary encoder use them: capture volumes in
 * dB and on/off switches (input enable, pad, phantom power where the card exposes one). Controls
 * are named as the card names them ({@code "Mic"}, {@code "Capture"}, {@code "Mic 2"} with an index).
 *
 * <p>Not thread-safe, except {@link #adjust}: the encoder's thread and the panel's share an
 * instance through it.
 */
public interface InputGain extends AutoCloseable {
    /** For interfaces without gain controls: no controls, every input's gain is NaN. */
    InputGain NONE = new InputGain() {
        @Override public List<Control> controls() { return List.of(); }
        @Override public double captureDb(String controlId) throws AudioDeviceException { throw noControl(controlId); }
        @Override public double setCaptureDb(String controlId, double gainDb) throws AudioDeviceException { throw noControl(controlId); }
        @Override public boolean switchOn(String controlId) throws AudioDeviceException { throw noControl(controlId); }
        @Override public void setSwitch(String controlId, boolean on) throws AudioDeviceException { throw noControl(controlId); }
        @Override public void close() {}
    };

    private static AudioDeviceException noControl(String controlId) {
        return new AudioDeviceException("this interface has no mixer controls, so none named '" + controlId + "'");
    }

    /** One control of the card. */
    record Control(String name, int index, boolean hasCaptureVolume, double minDb, double maxDb,
                   boolean hasCaptureSwitch, boolean hasPlaybackSwitch) {
        /** {@code "Mic"}, or {@code "Mic,1"} when the card has several controls of that name. */
        public String id() {
            return index == 0 ? name : name + "," + index;
        }
    }

    /** Every control with a capture volume or a switch, in the card's order. */
    List<Control> controls() throws AudioDeviceException;

    /** The control's capture volume in dB (first channel). */
    double captureDb(String controlId) throws AudioDeviceException;

    /** Sets every channel's capture volume to the nearest step at or below {@code gainDb}; returns the dB now set. */
    double setCaptureDb(String controlId, double gainDb) throws AudioDeviceException;

    /** Whether the control's switch is on (its capture switch, or else its playback switch). */
    boolean switchOn(String controlId) throws AudioDeviceException;

    void setSwitch(String controlId, boolean on) throws AudioDeviceException;

    /**
     * Turns input {@code input}'s (1-based) gain by {@code deltaDb}, clamped to its control's
     * range: the encoder's push-and-turn and the panel's {@code gainDb}. Input n is the card's n-th
     * control with a capture volume (USB interfaces have one per input: {@code Mic}, {@code Mic,1},
     * ...). Calls are serialized on this instance, so the encoder and the panel may share it; it
     * must return quickly (it runs on a GPIO thread).
     *
     * @return the gain now in dB; NaN when the input has no capture volume control, or when the
     *         card refused (logged)
     */
    default double adjust(int input, double deltaDb) {
        synchronized (this) {
            try {
                List<Control> volumes = controls().stream().filter(Control::hasCaptureVolume).toList();
                if (input < 1 || input > volumes.size()) return Double.NaN;
                Control c = volumes.get(input - 1);
                double nowDb = captureDb(c.id());
                if (deltaDb == 0) return nowDb;
                return setCaptureDb(c.id(), Math.max(c.minDb(), Math.min(c.maxDb(), nowDb + deltaDb)));
            } catch (AudioDeviceException e) {
                Logger.warn("input {} gain unchanged: {}", input, e.getMessage());
                return Double.NaN;
            }
        }
    }

    @Override
    void close();
}
