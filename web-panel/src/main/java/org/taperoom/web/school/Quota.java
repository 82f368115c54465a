package org.taperoom.web.school;

import java.io.IOException;
import org.taperoom.appliance.recording.take.Take;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.web.takes.Owners;

/**
 * Each student's share of the library, in seconds of recording: the sum of the durations of their
 * takes in the library (the trash does not count, so deleting frees room). Zero seconds means no
 * limit. Read from take.json each time (the files are the truth); any thread.
 */
public final class Quota {
    private final TakeLibrary library;
    private final double limitSeconds;

    public Quota(TakeLibrary library, double limitSeconds) {
        this.library = library;
        this.limitSeconds = limitSeconds;
    }

    public boolean limited() {
        return limitSeconds > 0;
    }

    public double limitSeconds() {
        return limitSeconds;
    }

    /** Seconds the student's takes hold, leaving out the take {@code exceptId} (null: none). */
    public double usedSeconds(String studentId, String exceptId) throws IOException {
        double used = 0;
        for (Take t : library.list()) {
            if (studentId.equals(Owners.of(t.info())) && !t.id().equals(exceptId)) used += t.info().seconds();
        }
        return used;
    }

    /** Seconds the student may still record (a very large number without a limit). */
    public double leftSeconds(String studentId, String exceptId) throws IOException {
        if (!limited()) return Double.MAX_VALUE;
        return Math.max(0, limitSeconds - usedSeconds(studentId, exceptId));
    }
}
