package org.taperoom.drivers.audio;

import java.util.List;

/**
 * An interface's input controls as the panel and the rotary encoder use them: capture volumes in
 * dB and on/off switches (input enable, pad, phantom power where the card exposes one). Controls
 * are named as the card names them ({@code "Mic"}, {@code "Capture"}, {@code "Mic 2"} with an index).
 *
 * <p>Not thread-safe: one control thread (the encoder's or the panel's) uses an instance.
 */
public interface InputGain extends AutoCloseable {

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

    @Override
    void close();
}
