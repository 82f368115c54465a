package org.taperoom.appliance.cli;

import java.util.Locale;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.RecorderStatus;

/** Text renderings of the meters and status for terminals. */
final class ConsoleMeters {
    private ConsoleMeters() {}

    /** One line: elapsed, per-channel peaks (the first 16), overruns, free disk time. */
    static String progressLine(RecorderStatus s, MeterSnapshot m) {
        StringBuilder b = new StringBuilder();
        double seconds = s.rateHz() == 0 ? 0 : (double) s.takeFrames() / s.rateHz();
        b.append(s.recording() ? "● " : "  ").append(clock(seconds)).append("  peak");
        int shown = Math.min(16, m.channels());
        for (int c = 0; c < shown; c++) b.append(' ').append(db(m.peakDbfs[c]));
        if (m.channels() > shown) b.append(" …");
        b.append("  overruns ").append(s.overruns());
        b.append("  free ").append(duration(s.freeDiskSeconds()));
        return b.toString();
    }

    /** One bar per channel, for the demo's console view. */
    static String bars(MeterSnapshot m, int width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < m.channels(); c++) {
            float p = m.peakDbfs[c];
            int n = Float.isInfinite(p) ? 0 : (int) Math.max(0, Math.min(width, Math.round((p + 60) / 60 * width)));
            b.append(String.format(Locale.ROOT, "%3d %s%s %6s%s%n", c + 1, "#".repeat(n), ".".repeat(width - n), db(p),
                    m.clipped[c] ? " CLIP" : ""));
        }
        return b.toString();
    }

    static String db(float dbfs) {
        return Float.isInfinite(dbfs) || dbfs < -99 ? "-inf" : String.format(Locale.ROOT, "%.1f", dbfs);
    }

    static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%02d:%02d:%04.1f", s / 3600, s / 60 % 60, seconds % 60);
    }

    static String duration(long seconds) {
        if (seconds >= 3600) return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds / 60 % 60) + "m";
        return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
    }
}
