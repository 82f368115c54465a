package org.taperoom.appliance.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.recording.take.Take;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.tinylog.Logger;

/**
 * Frees local space for takes that are safe elsewhere: a take older than the newest
 * {@code keepDays} days whose raw files (tracks, take.json, settings: {@link PublishScope#TAKES})
 * were each uploaded and MD5-verified, and are unchanged since (same size, same MD5 now), goes to
 * the library's trash, which the library empties only when it needs the space. A take with any
 * file unverified, changed or in the queue stays. Runs on the caller's thread.
 */
public final class Retention {
    private final TakeLibrary library;
    private final UploadQueue queue;
    private final int keepDays;

    public Retention(TakeLibrary library, UploadQueue queue, int keepDays) {
        if (keepDays < 1) throw new IllegalArgumentException("keep at least the newest day, not " + keepDays);
        this.library = library;
        this.queue = queue;
        this.keepDays = keepDays;
    }

    /** Moves every take that qualifies on {@code today} to the trash; returns their ids. */
    public List<String> apply(LocalDate today) throws IOException {
        Map<String, JsonNode> verified = new HashMap<>();
        for (JsonNode n : queue.verified()) verified.put(n.path("local").asText(), n);
        List<String> queued = new ArrayList<>();
        for (PublishJob j : queue.jobs()) queued.add(j.localPath());
        List<String> trashed = new ArrayList<>();
        for (Take t : library.list()) {
            LocalDate day = dayOf(t.ref().folder());
            if (day == null || !day.isBefore(today.minusDays(keepDays - 1))) continue;
            if (safeElsewhere(t.ref().folder(), verified, queued)) {
                library.delete(t.ref().id());
                trashed.add(t.ref().id());
                Logger.info("retention: take {} is verified on the remote and older than {} days; moved to the trash", t.ref().id(), keepDays);
            }
        }
        return trashed;
    }

    private static boolean safeElsewhere(Path take, Map<String, JsonNode> verified, List<String> queued) throws IOException {
        List<Path> files = PublishScope.TAKES.files(take);
        if (files.isEmpty()) return false;
        for (Path f : files) {
            String local = take.resolve(f).toAbsolutePath().toString();
            JsonNode record = verified.get(local);
            if (record == null || queued.contains(local)) return false;
            if (record.path("bytes").asLong(-1) != Files.size(take.resolve(f))) return false;
            if (!record.path("md5").asText().equals(Publisher.md5(take.resolve(f)))) return false;
        }
        return true;
    }

    /** The recording day of a take from its folder ({@code <library>/<yyyy-mm-dd>/<take>}), or null. */
    private static LocalDate dayOf(Path takeFolder) {
        try {
            return LocalDate.parse(takeFolder.getParent().getFileName().toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
