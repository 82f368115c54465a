package org.taperoom.appliance.config;

import java.util.List;

/** Always-on capture: a rolling buffer on disk from which a press keeps the last minutes as a take. */
public final class AlwaysOnKeys {
    private AlwaysOnKeys() {}

    public static final ConfigKey<Boolean> ALWAYS_ON = ConfigKey.bool("alwaysOn", false,
            "Record every input continuously into a rolling buffer on disk (in the library's .always-on folder); "
                    + "a take then starts alwaysOnKeepMinutes before the press.");
    public static final ConfigKey<Double> BUFFER_MINUTES = ConfigKey.decimal("alwaysOnMinutes", 60, 0.1, 1440,
            "Length of the rolling buffer in minutes; it is also never allowed to leave less than minFreeMinutes of free space.");
    public static final ConfigKey<Double> KEEP_MINUTES = ConfigKey.decimal("alwaysOnKeepMinutes", 5, 0.05, 1440,
            "Minutes before the press that a take keeps from the rolling buffer (at most alwaysOnMinutes).");
    public static final ConfigKey<Integer> SEGMENT_SECONDS = ConfigKey.integer("alwaysOnSegmentSeconds", 60, 1, 600,
            "Length of one rolling-buffer file: the buffer grows and shrinks by whole files.");

    public static final List<ConfigKey<?>> ALL = List.of(ALWAYS_ON, BUFFER_MINUTES, KEEP_MINUTES, SEGMENT_SECONDS);
}
