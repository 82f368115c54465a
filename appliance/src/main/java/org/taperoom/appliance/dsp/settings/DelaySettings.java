package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The delay bus: {@code return_db} (-144..6 or "-inf"), either {@code time_ms} (1..2000) or
 * {@code sync} (a note value of the session tempo: "1/4", "1/8", "1/8d" dotted, "1/8t" triplet,
 * "1/16", "1/2", "1/1", ...), {@code feedback} (0..0.95), {@code damping} (0..1, low-pass in the
 * feedback path).
 */
public record DelaySettings(double returnDb, double timeMs, String sync, double feedback, double damping) {
    public static final DelaySettings DEFAULT = new DelaySettings(0, 375, null, 0.35, 0.3);
    static final List<String> SYNCS = List.of("1/1", "1/2", "1/2d", "1/2t", "1/4", "1/4d", "1/4t", "1/8", "1/8d", "1/8t",
            "1/16", "1/16d", "1/16t", "1/32");

    static DelaySettings parse(Fields f, DelaySettings d) throws SettingsException {
        double returnDb = f.levelDb("return_db", d.returnDb, 6);
        boolean hasTime = f.has("time_ms");
        double time = f.number("time_ms", d.timeMs, 1, 2000);
        String sync = f.choice("sync", hasTime ? null : d.sync, SYNCS);
        if (hasTime && sync != null) throw new SettingsException(f.key("sync") + ": give either time_ms or sync, not both");
        DelaySettings r = new DelaySettings(returnDb, time, sync, f.number("feedback", d.feedback, 0, 0.95),
                f.number("damping", d.damping, 0, 1));
        f.finish();
        return r;
    }

    /**
     * The delay time in ms at {@code tempoBpm}. Allocates nothing (the playback thread calls it
     * when a mix change arrives): {@code sync} is "1/N", optionally dotted ("d") or a triplet ("t").
     */
    public double effectiveTimeMs(double tempoBpm) {
        if (sync == null) return timeMs;
        int end = sync.length();
        double factor = 1;
        char last = sync.charAt(end - 1);
        if (last == 'd') {
            factor = 1.5;
            end--;
        } else if (last == 't') {
            factor = 2.0 / 3;
            end--;
        }
        int division = 0;
        for (int i = 2; i < end; i++) division = division * 10 + (sync.charAt(i) - '0');
        double wholeNotes = 1.0 / division;
        return Math.min(4000, wholeNotes * 4 * 60000 / tempoBpm * factor);
    }

    void write(ObjectNode n) {
        Fields.putLevel(n, "return_db", returnDb);
        if (sync != null) n.put("sync", sync);
        else n.put("time_ms", timeMs);
        n.put("feedback", feedback);
        n.put("damping", damping);
    }
}
