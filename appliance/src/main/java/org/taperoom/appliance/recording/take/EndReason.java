package org.taperoom.appliance.recording.take;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a take ended. Written to take.json as its {@link #wireName()} ({@code stopped},
 * {@code duration}, {@code device-gone}, {@code disk-full}, {@code write-failed}, {@code recovered}),
 * the strings take.json has always held.
 */
public enum EndReason {
    /** Someone stopped it (button, panel, CLI, service shutdown). */
    STOPPED("stopped"),
    /** It reached the length it was started with. */
    DURATION("duration"),
    DEVICE_GONE("device-gone"),
    DISK_FULL("disk-full"),
    WRITE_FAILED("write-failed"),
    /** The recorder died while writing it; recovery closed it from the data on disk. */
    RECOVERED("recovered");

    private final String wireName;

    EndReason(String wireName) {
        this.wireName = wireName;
    }

    /** The name in take.json and the API. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether a fault ended it (the device, the disk, the writer) rather than a stop or its length. */
    public boolean fault() {
        return this == DEVICE_GONE || this == DISK_FULL || this == WRITE_FAILED;
    }

    /** The reason a take.json names; null for a name this version does not know (or none). */
    @JsonCreator
    public static EndReason ofWireName(String name) {
        for (EndReason r : values()) if (r.wireName.equals(name)) return r;
        return null;
    }
}
