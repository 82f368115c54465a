package org.taperoom.appliance.dsp.loudness;

/** libebur128 refused a call; the message names the call and the error code. */
public class LoudnessException extends RuntimeException {
    public LoudnessException(String message) {
        super(message);
    }
}
