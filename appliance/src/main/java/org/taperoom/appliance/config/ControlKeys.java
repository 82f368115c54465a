package org.taperoom.appliance.config;

import java.util.List;

/** Keys of the transport's automatic behaviour: auto-record and the disk warning. */
public final class ControlKeys {
    private ControlKeys() {}

    public static final ConfigKey<Boolean> AUTO_RECORD = ConfigKey.bool("autoRecord", false,
            "Arm auto-record at start: wait for signal on any armed input and record while it lasts.");
    public static final ConfigKey<Double> AUTO_START_DBFS = ConfigKey.decimal("autoRecordStartDbfs", -30, -90, 0,
            "Auto-record starts a take when an armed input's peak stays at or above this level (dBFS) for autoRecordStartMillis.");
    public static final ConfigKey<Integer> AUTO_START_MILLIS = ConfigKey.integer("autoRecordStartMillis", 100, 0, 60000,
            "How long the signal must stay above autoRecordStartDbfs to start a take (dips under 100 ms do not interrupt it); the pre-roll keeps the attack.");
    public static final ConfigKey<Double> AUTO_STOP_DBFS = ConfigKey.decimal("autoRecordStopDbfs", -45, -90, 0,
            "A take auto-record started stops when every armed input's peak stays below this level (dBFS) for autoRecordStopSeconds.");
    public static final ConfigKey<Double> AUTO_STOP_SECONDS = ConfigKey.decimal("autoRecordStopSeconds", 10, 0.1, 3600,
            "How long the armed inputs must stay below autoRecordStopDbfs to stop a take auto-record started.");
    public static final ConfigKey<Integer> DISK_LOW_MINUTES = ConfigKey.integer("diskLowMinutes", 30, 0, 100000,
            "The status LED shows 'disk nearly full' when the library's free space holds fewer minutes than this.");

    public static final List<ConfigKey<?>> ALL = List.of(AUTO_RECORD, AUTO_START_DBFS, AUTO_START_MILLIS,
            AUTO_STOP_DBFS, AUTO_STOP_SECONDS, DISK_LOW_MINUTES);
}
