package org.taperoom.appliance.config;

import java.nio.file.Path;
import java.util.List;

/** Keys of the publisher inside {@code taperoom serve}: the library's files to one rclone destination. */
public final class PublishKeys {
    private PublishKeys() {}

    public static final ConfigKey<String> TO = ConfigKey.matching("publishTo", "", "|[A-Za-z0-9_][A-Za-z0-9_. -]*:.*",
            "empty or REMOTE:path (a remote of publishRcloneConfig)",
            "Where the service uploads, as rclone's REMOTE:path (school-s3:recordings); files go to"
                    + " PATH/<host>/<yyyy-mm-dd>/<take>/. Empty: the service publishes nothing ('taperoom publish' still works).");
    public static final ConfigKey<String> WHAT = ConfigKey.oneOf("publishWhat", "exports", List.of("exports", "quick-mixes", "takes", "all"),
            "What of each take is published: exports (renders and releases, not the quick mix), quick-mixes,"
                    + " takes (tracks + take.json and its settings) or all.");
    public static final ConfigKey<Path> RCLONE_CONFIG = ConfigKey.path("publishRcloneConfig", Path.of("/etc/taperoom/rclone.conf"),
            "The rclone configuration that defines the remotes (credentials stay in it: never logged, never shown).");
    public static final ConfigKey<String> BANDWIDTH_LIMIT = ConfigKey.matching("publishBandwidthLimit", "", "|\\d+(\\.\\d+)?[BbKkMmGg]?",
            "empty or a rate like 4M or 512k", "The most an upload may send per second, in rclone's --bwlimit syntax (bytes: 4M is 4 MiB/s). Empty: no limit.");
    public static final ConfigKey<String> WINDOW = ConfigKey.matching("publishWindow", "", "|\\d{2}:\\d{2}-\\d{2}:\\d{2}",
            "empty or HH:MM-HH:MM", "Uploads start only in this local time window (22:00-06:00 crosses midnight; a running upload finishes). Empty: any time.");
    public static final ConfigKey<String> HOST = ConfigKey.matching("publishHost", "", "|[A-Za-z0-9][A-Za-z0-9.-]*",
            "empty or a host name", "This appliance's folder on the remote. Empty: the machine's host name.");
    public static final ConfigKey<Integer> RETAIN_DAYS = ConfigKey.integer("publishRetainDays", 0, 0, 36500,
            "When above 0, takes older than the newest N days whose raw files are verified on the remote (and unchanged)"
                    + " go to the library's trash, emptied only when space is needed. 0 keeps every take.");
    public static final ConfigKey<Integer> SCAN_SECONDS = ConfigKey.integer("publishScanSeconds", 60, 1, 86400,
            "How often the library is looked through for new files to publish.");
    public static final ConfigKey<Double> RETRY_SECONDS = ConfigKey.decimal("publishRetrySeconds", 2, 0.1, 3600,
            "The wait after an upload's first failure, doubled after each further one up to 5 minutes (or this, if longer).");
    public static final ConfigKey<Integer> PROGRESS_LOG_SECONDS = ConfigKey.integer("publishProgressLogSeconds", 10, 1, 3600,
            "The log gets one line per upload when it ends, and its progress at most once per this many seconds while it runs.");

    public static final List<ConfigKey<?>> ALL = List.of(TO, WHAT, RCLONE_CONFIG, BANDWIDTH_LIMIT, WINDOW, HOST, RETAIN_DAYS, SCAN_SECONDS,
            RETRY_SECONDS, PROGRESS_LOG_SECONDS);
}
