package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One EQ band: {@code {"frequency_hz": 20..20000, "gain_db": -24..24, "q": 0.1..18}}. A band with
 * 0 dB gain is bypassed. For the high-pass filter gain is not used and {@code on} switches it.
 */
public record Band(boolean on, double frequencyHz, double gainDb, double q) {
    static Band parse(Fields f, Band d, boolean isHighPass) throws SettingsException {
        Band b = new Band(
                isHighPass ? f.bool("on", d.on) : true,
                f.number("frequency_hz", d.frequencyHz, 10, 20000),
                isHighPass ? 0 : f.number("gain_db", d.gainDb, -24, 24),
                f.number("q", d.q, 0.1, 18));
        f.finish();
        return b;
    }

    void write(ObjectNode n, boolean isHighPass) {
        if (isHighPass) n.put("on", on);
        n.put("frequency_hz", frequencyHz);
        if (!isHighPass) n.put("gain_db", gainDb);
        n.put("q", q);
    }
}
