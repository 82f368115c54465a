package org.taperoom.appliance.control;

import org.taperoom.drivers.sim.SimGains;

/**
 * The encoder's gain knob on the simulated interface ({@code taperoom demo}, tests): each input's
 * gain from -60 to +20 dB, starting at 0 dB.
 */
public final class SimInputGain implements InputGain {
    public static final double MIN_DB = -60;
    public static final double MAX_DB = 20;

    private final SimGains gains;
    /** Guarded by this. */
    private final double[] gainDb = new double[SimGains.MAX_CHANNELS];

    public SimInputGain(SimGains gains) {
        this.gains = gains;
    }

    @Override
    public synchronized double adjust(int input, double deltaDb) {
        if (input < 1 || input > SimGains.MAX_CHANNELS) return Double.NaN;
        double g = Math.max(MIN_DB, Math.min(MAX_DB, gainDb[input - 1] + deltaDb));
        gainDb[input - 1] = g;
        gains.setGainDb(input - 1, g);
        return g;
    }
}
