package org.taperoom.drivers.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.InputGain;

/**
 * Per-channel gain of the simulated interface, like an interface's input gain knobs: one capture
 * volume control per channel, {@code Input} with index 0 to 63, from {@value #MIN_DB} to
 * {@value #MAX_DB} dB. Written by any thread (a test, the panel, the encoder), read by the capture
 * thread at the start of every period, so a change shows from the next period on. Stored as float
 * bits in an atomic array: no lock, no allocation on either side.
 */
public final class SimGains implements InputGain {
    public static final int MAX_CHANNELS = 64;
    public static final double MIN_DB = -60;
    public static final double MAX_DB = 20;
    private static final String CONTROL = "Input";

    private final AtomicIntegerArray linearBits = new AtomicIntegerArray(MAX_CHANNELS);
    /** The dB each channel was set to, as double bits, so a reading gives back exactly what was set. */
    private final AtomicLongArray gainDbBits = new AtomicLongArray(MAX_CHANNELS);

    public SimGains() {
        for (int c = 0; c < MAX_CHANNELS; c++) linearBits.set(c, Float.floatToIntBits(1f));
    }

    /** Sets channel {@code channel}'s (0-based) gain in dB; takes effect at the next period. */
    public void setGainDb(int channel, double gainDb) {
        linearBits.set(channel, Float.floatToIntBits((float) Math.pow(10, gainDb / 20)));
        gainDbBits.set(channel, Double.doubleToLongBits(gainDb));
    }

    /** Sets a linear gain (1 = unchanged, 0 = silence); takes effect at the next period. */
    public void setLinear(int channel, float linear) {
        linearBits.set(channel, Float.floatToIntBits(linear));
        gainDbBits.set(channel, Double.doubleToLongBits(20 * Math.log10(linear)));
    }

    /** The linear gain of a channel; safe from the capture thread (no allocation). */
    public float linear(int channel) {
        return Float.intBitsToFloat(linearBits.get(channel));
    }

    @Override
    public List<Control> controls() {
        List<Control> out = new ArrayList<>(MAX_CHANNELS);
        for (int c = 0; c < MAX_CHANNELS; c++) out.add(new Control(CONTROL, c, true, MIN_DB, MAX_DB, false, false));
        return out;
    }

    @Override
    public double captureDb(String controlId) throws AudioDeviceException {
        return Double.longBitsToDouble(gainDbBits.get(channel(controlId)));
    }

    @Override
    public double setCaptureDb(String controlId, double gainDb) throws AudioDeviceException {
        int c = channel(controlId);
        if (gainDb < MIN_DB || gainDb > MAX_DB) throw new AudioDeviceException("'" + controlId + "' takes " + MIN_DB + " to " + MAX_DB + " dB, not " + gainDb);
        setGainDb(c, gainDb);
        return gainDb;
    }

    @Override
    public boolean switchOn(String controlId) throws AudioDeviceException {
        throw new AudioDeviceException("the simulated interface has no switches ('" + controlId + "')");
    }

    @Override
    public void setSwitch(String controlId, boolean on) throws AudioDeviceException {
        throw new AudioDeviceException("the simulated interface has no switches ('" + controlId + "')");
    }

    @Override
    public void close() {}

    private static int channel(String controlId) throws AudioDeviceException {
        if (controlId.equals(CONTROL)) return 0;
        if (controlId.startsWith(CONTROL + ",")) {
            try {
                int c = Integer.parseInt(controlId.substring(CONTROL.length() + 1));
                if (c >= 0 && c < MAX_CHANNELS) return c;
            } catch (NumberFormatException e) {
                // named below
            }
        }
        throw new AudioDeviceException("the simulated interface has no control '" + controlId + "'; it has '" + CONTROL + "' to '"
                + CONTROL + "," + (MAX_CHANNELS - 1) + "'");
    }
}
