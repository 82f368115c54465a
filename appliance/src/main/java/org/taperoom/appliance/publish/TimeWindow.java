package org.taperoom.appliance.publish;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * When uploads may start, in local time: {@code "22:00-06:00"} (across midnight) or
 * {@code "12:30-13:30"}; an upload that is running when the window closes finishes. Immutable.
 */
public record TimeWindow(LocalTime from, LocalTime to) {
    public static final TimeWindow ALWAYS = new TimeWindow(LocalTime.MIN, LocalTime.MIN);

    public static TimeWindow parse(String text) {
        String[] parts = text.split("-");
        try {
            if (parts.length == 2) return new TimeWindow(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a time window; expected HH:MM-HH:MM (e.g. 22:00-06:00)");
    }

    public boolean contains(LocalTime t) {
        if (from.equals(to)) return true;
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
