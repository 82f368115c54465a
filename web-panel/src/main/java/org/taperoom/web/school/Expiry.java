package org.taperoom.web.school;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.recording.take.Take;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.web.takes.Owners;
import org.tinylog.Logger;

/**
 * Moves students' takes older than the configured days to the trash (from where a teacher can
 * still restore them until space is needed), except those a teacher keeps ({@link TakeMarks}).
 * Teachers' takes never expire. Runs on the school's own thread.
 */
public final class Expiry {
    private final TakeLibrary library;
    private final int days;

    public Expiry(TakeLibrary library, int days) {
        this.library = library;
        this.days = days;
    }

    /** Trashes what has expired at {@code now}; returns the ids it moved. */
    public List<String> run(Instant now) throws IOException {
        List<String> moved = new ArrayList<>();
        if (days <= 0) return moved;
        Instant cutoff = now.minus(Duration.ofDays(days));
        for (Take t : library.list()) {
            if (Owners.of(t.info()) == null || TakeMarks.read(t.ref().folder()).keep()) continue;
            Instant started = started(t);
            if (started == null || !started.isBefore(cutoff)) continue;
            try {
                library.delete(t.id());
                moved.add(t.id());
                Logger.info("take {} of student {} expired after {} days: moved to the trash", t.id(), Owners.of(t.info()), days);
            } catch (IllegalStateException e) {
                // being recorded this instant: not old, whatever its clock says
            }
        }
        return moved;
    }

    private static Instant started(Take t) {
        try {
            return t.info().started == null ? null : OffsetDateTime.parse(t.info().started).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
