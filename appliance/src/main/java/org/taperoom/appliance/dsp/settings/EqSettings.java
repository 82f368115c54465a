package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * High-pass filter and 4-band parametric EQ (low shelf, two peaking bands, high shelf; RBJ
 * cookbook). JSON keys: {@code high_pass}, {@code low_shelf}, {@code peak_1}, {@code peak_2},
 * {@code high_shelf}, each a {@link Band}.
 */
public record EqSettings(Band highPass, Band lowShelf, Band peak1, Band peak2, Band highShelf) {
    public static final EqSettings FLAT = new EqSettings(
            new Band(false, 80, 0, 0.707), new Band(true, 100, 0, 0.707), new Band(true, 400, 0, 1.0),
            new Band(true, 2500, 0, 1.0), new Band(true, 8000, 0, 0.707));

    static EqSettings parse(Fields f, EqSettings d) throws SettingsException {
        EqSettings e = new EqSettings(
                Band.parse(f.object("high_pass"), d.highPass, true),
                Band.parse(f.object("low_shelf"), d.lowShelf, false),
                Band.parse(f.object("peak_1"), d.peak1, false),
                Band.parse(f.object("peak_2"), d.peak2, false),
                Band.parse(f.object("high_shelf"), d.highShelf, false));
        f.finish();
        return e;
    }

    public EqSettings withHighPass(Band hp) {
        return new EqSettings(hp, lowShelf, peak1, peak2, highShelf);
    }

    void write(ObjectNode n) {
        highPass.write(n.putObject("high_pass"), true);
        lowShelf.write(n.putObject("low_shelf"), false);
        peak1.write(n.putObject("peak_1"), false);
        peak2.write(n.putObject("peak_2"), false);
        highShelf.write(n.putObject("high_shelf"), false);
    }
}
