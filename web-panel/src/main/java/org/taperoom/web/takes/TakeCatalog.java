package org.taperoom.web.takes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The take library as the panel's routes need it, by id only (never by path). The documents are
 * the API's JSON: {@code id, name, day, startedAt, durationSeconds, rateHz, bits, tracks[{number,
 * name}], notes, markers[{seconds, label}], source}. Methods throw
 * {@link org.taperoom.web.server.ApiError} 404 for an unknown id, and for the id of a take the
 * request's person may not see ({@link org.taperoom.web.security.Viewer}): listings leave those out.
 */
public interface TakeCatalog {
    /** Every take, newest first. */
    List<Map<String, Object>> list() throws IOException;

    Map<String, Object> get(String id) throws IOException;

    /** Renames the take; the answer may carry a new id (the folder's slug follows the name). */
    Map<String, Object> rename(String id, String name) throws IOException;

    Map<String, Object> notes(String id, String notes) throws IOException;

    /** Moves the take to the trash; returns the id that {@link #restore} takes. */
    String delete(String id) throws IOException;

    Map<String, Object> restore(String trashId) throws IOException;

    /** Track {@code number} (from 1) of the take: its file. */
    Path track(String id, int number) throws IOException;

    /** The take's folder, for files the panel keeps beside it (the waveform cache). */
    Path folder(String id) throws IOException;

    /** Whether the request's person may see the take in {@code folder} (a render job's take). */
    boolean visible(Path folder);

    /** The student id the take belongs to, or null for the teachers'. */
    String owner(String id) throws IOException;
}
