package org.taperoom.appliance.dsp.resample;

/** libsoxr refused a conversion or failed in one; the message carries soxr's own error text. */
public final class ResamplerException extends RuntimeException {
    public ResamplerException(String message) {
        super(message);
    }
}
