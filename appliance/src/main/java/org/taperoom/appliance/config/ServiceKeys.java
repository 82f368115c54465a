package org.taperoom.appliance.config;

import java.util.List;

/** Keys read by {@code taperoom serve} itself (the service glue), not by the engine or the panel. */
public final class ServiceKeys {
    private ServiceKeys() {}

    public static final ConfigKey<Boolean> REQUIRE_LIBRARY_DISK = ConfigKey.bool("requireLibraryDisk", false,
            "When true the library must be on a file system of its own (the recordings partition or a USB disk,"
            + " mounted by label), never on the root file system or its RAM overlay; until it is mounted the service"
            + " waits and says so instead of recording. The Raspberry Pi image sets it.");
    public static final ConfigKey<Integer> STATUS_INTERVAL_SECONDS = ConfigKey.integer("statusIntervalSeconds", 5, 1, 3600,
            "How often the service refreshes the line `systemctl status taperoom` shows, and looks for a device or a library disk it is waiting for.");

    public static final List<ConfigKey<?>> ALL = List.of(REQUIRE_LIBRARY_DISK, STATUS_INTERVAL_SECONDS);
}
