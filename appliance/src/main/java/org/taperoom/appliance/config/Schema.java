package org.taperoom.appliance.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key Taperoom knows, grouped by the part of the appliance that reads it. Each group is a
 * small class of its own ({@link RecordingKeys}, …) listing its keys in {@code ALL}; a new
 * feature adds its class here. Unknown keys in a file are errors, so this list is complete.
 */
public final class Schema {
    /** Groups in the order the example file documents them. */
    public static final List<Group> GROUPS = List.of(
            new Group("Recording", RecordingKeys.ALL),
            new Group("ALSA", AlsaKeys.ALL),
            new Group("Transport and auto-record", ControlKeys.ALL),
            new Group("Monitoring", MonitorKeys.ALL),
            new Group("Always-on capture", AlwaysOnKeys.ALL),
            new Group("GPIO front panel", GpioKeys.ALL),
            new Group("Web panel", PanelKeys.ALL),
            new Group("School: students and teachers", SchoolKeys.ALL),
            new Group("Fleet metrics", TelemetryKeys.ALL),
            new Group("Publishing", PublishKeys.ALL),
            new Group("Service", ServiceKeys.ALL));

    private static final Map<String, ConfigKey<?>> BY_NAME = index();

    private Schema() {}

    /** A titled list of keys. */
    public record Group(String title, List<ConfigKey<?>> keys) {}

    public static ConfigKey<?> find(String name) {
        return BY_NAME.get(name);
    }

    /** The key a command-line flag names: its kebab-case flag name or the key's own name. */
    public static ConfigKey<?> findFlag(String flag) {
        ConfigKey<?> key = BY_NAME.get(flag);
        if (key != null) return key;
        for (ConfigKey<?> k : BY_NAME.values()) if (k.flagName().equals(flag)) return k;
        return null;
    }

    public static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
    }

    private static Map<String, ConfigKey<?>> index() {
        Map<String, ConfigKey<?>> m = new LinkedHashMap<>();
        for (Group g : GROUPS) {
            for (ConfigKey<?> k : g.keys()) {
                if (m.put(k.name(), k) != null) throw new IllegalStateException("duplicate configuration key " + k.name());
            }
        }
        return m;
    }
}
