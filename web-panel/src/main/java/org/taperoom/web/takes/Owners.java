package org.taperoom.web.takes;

import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.web.security.Person;

/**
 * Whose a take is, recorded with the take itself: the engine writes the transport event's source
 * into take.json when the take begins, and a student's takes are started with the source
 * {@code student:<id>}. Every other source (the wall button, the command line, auto-record, a
 * teacher in the panel) makes the take the teachers'. The source moves with the take's folder
 * (rename, trash, restore), so ownership cannot be lost or forged by a later request.
 */
public final class Owners {
    public static final String STUDENT_SOURCE = "student:";

    private Owners() {}

    /** The student id the take belongs to, or null for the teachers'. */
    public static String of(TakeInfo info) {
        String s = info.source;
        return s != null && s.startsWith(STUDENT_SOURCE) ? s.substring(STUDENT_SOURCE.length()) : null;
    }

    /** The owner of the take in {@code folder}, read from its take.json; null (the teachers') when it cannot be read. */
    public static String ofFolder(java.nio.file.Path folder) {
        try {
            return of(org.taperoom.appliance.recording.take.TakeJson.read(folder));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The transport source for a take {@code p} starts from the panel. */
    public static String source(Person p, String panelSource) {
        return p.isStudent() ? STUDENT_SOURCE + p.id() : panelSource;
    }
}
