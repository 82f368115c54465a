package org.taperoom.appliance.control;

/**
 * An input's analogue gain, where the interface has a mixer control for it (the encoder's
 * push-and-turn). The ALSA implementation wraps the card's capture volume controls; without one
 * every input reports {@link Double#NaN}.
 */
public interface InputGain {
    /**
     * Changes input {@code input} (1-based) by {@code deltaDb}, clamped to the control's range.
     * Called on a GPIO thread; must return quickly.
     *
     * @return the gain now in dB, or NaN when the input has no gain control
     */
    double adjust(int input, double deltaDb);

    /** For interfaces without gain controls. */
    InputGain NONE = (input, deltaDb) -> Double.NaN;
}
