package org.taperoom.drivers.sim;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Per-channel gain of the simulated interface, like an interface's input gain knobs. Written by
 * any thread (a test, the panel), read by the capture thread at the start of every period, so a
 * change shows from the next period on. Stored as float bits in an atomic array: no lock, no
 * allocation on either side.
 */
public final class SimGains {
    public static final int MAX_CHANNELS = 64;

    private final AtomicIntegerArray linearBits = new AtomicIntegerArray(MAX_CHANNELS);

    public SimGains() {
        for (int c = 0; c < MAX_CHANNELS; c++) linearBits.set(c, Float.floatToIntBits(1f));
    }

    /** Sets channel {@code channel}'s (0-based) gain in dB; takes effect at the next period. */
    public void setGainDb(int channel, double gainDb) {
        setLinear(channel, (float) Math.pow(10, gainDb / 20));
    }

    /** Sets a linear gain (1 = unchanged, 0 = silence); takes effect at the next period. */
    public void setLinear(int channel, float linear) {
        linearBits.set(channel, Float.floatToIntBits(linear));
    }

    /** The linear gain of a channel; safe from the capture thread (no allocation). */
    public float linear(int channel) {
        return Float.intBitsToFloat(linearBits.get(channel));
    }
}
