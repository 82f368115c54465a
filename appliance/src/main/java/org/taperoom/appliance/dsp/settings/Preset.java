package org.taperoom.appliance.dsp.settings;

import java.util.Locale;

/** Loudness targets by destination. The ceiling is -1 dBTP unless the master settings say otherwise. */
public enum Preset {
    STREAMING(-14),
    APPLE(-16),
    BROADCAST(-23),
    REHEARSAL(-18),
    CUSTOM(Double.NaN);

    public final double targetLufs;

    Preset(double targetLufs) {
        this.targetLufs = targetLufs;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
