package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reverb bus (Freeverb-style): {@code return_db} (-144..6 or "-inf"), {@code pre_delay_ms}
 * (0..250), {@code size} (0..1, room size), {@code damping} (0..1, high-frequency decay),
 * {@code width} (0 mono .. 1 full stereo).
 */
public record ReverbSettings(double returnDb, double preDelayMs, double size, double damping, double width) {
    public static final ReverbSettings DEFAULT = new ReverbSettings(0, 20, 0.7, 0.4, 1.0);

    static ReverbSettings parse(Fields f, ReverbSettings d) throws SettingsException {
        ReverbSettings r = new ReverbSettings(
                f.levelDb("return_db", d.returnDb, 6),
                f.number("pre_delay_ms", d.preDelayMs, 0, 250),
                f.number("size", d.size, 0, 1),
                f.number("damping", d.damping, 0, 1),
                f.number("width", d.width, 0, 1));
        f.finish();
        return r;
    }

    void write(ObjectNode n) {
        Fields.putLevel(n, "return_db", returnDb);
        n.put("pre_delay_ms", preDelayMs);
        n.put("size", size);
        n.put("damping", damping);
        n.put("width", width);
    }
}
