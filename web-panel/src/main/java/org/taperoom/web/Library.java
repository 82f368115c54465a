package org.taperoom.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.recording.take.Take;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.web.school.TakeMarks;
import org.taperoom.web.security.Viewer;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.takes.Owners;
import org.taperoom.web.takes.TakeCatalog;

/**
 * The engine's {@link TakeLibrary} as the panel's {@link TakeCatalog}: take.json turned into the
 * API's documents, the library's errors into 404 and 409. It is the engine's own library instance
 * ({@link PanelContext#library()}), so the take being recorded stays protected.
 */
final class Library implements TakeCatalog {
    private final TakeLibrary library;

    Library(TakeLibrary library) {
        this.library = library;
    }

    static TakeCatalog open(PanelContext context) {
        return new Library(context.library());
    }

    @Override
    public List<Map<String, Object>> list() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Take t : library.list()) {
            if (Viewer.maySee(Owners.of(t.info()))) out.add(doc(t));
        }
        return out;
    }

    @Override
    public Map<String, Object> get(String id) throws IOException {
        return doc(take(id));
    }

    @Override
    public Map<String, Object> rename(String id, String name) throws IOException {
        take(id);
        TakeRef ref = guarded(() -> library.rename(id, name));
        return get(ref.id());
    }

    @Override
    public Map<String, Object> notes(String id, String notes) throws IOException {
        take(id);
        guarded(() -> {
            library.setNotes(id, notes);
            return null;
        });
        return get(id);
    }

    @Override
    public String delete(String id) throws IOException {
        take(id);
        Set<String> before = new HashSet<>();
        for (Take t : library.trash()) before.add(t.id());
        guarded(() -> {
            library.delete(id);
            return null;
        });
        for (Take t : library.trash()) {
            if (!before.contains(t.id()) && (t.id().equals(id) || t.id().startsWith(id + "~"))) return t.id();
        }
        throw new IOException("take " + id + " was moved to the trash but cannot be found there");
    }

    @Override
    public Map<String, Object> restore(String trashId) throws IOException {
        Take trashed = null;
        for (Take t : library.trash()) if (t.id().equals(trashId)) trashed = t;
        if (trashed == null || !Viewer.maySee(Owners.of(trashed.info()))) throw ApiError.notFound("no take '" + trashId + "' in the trash");
        TakeRef ref = guarded(() -> library.restore(trashId));
        return get(ref.id());
    }

    @Override
    public Path track(String id, int number) throws IOException {
        Take t = take(id);
        List<TakeInfo.Track> tracks = t.info().tracks;
        if (number < 1 || number > tracks.size()) throw ApiError.notFound("take " + id + " has no track " + number);
        Path folder = t.ref().folder();
        Path file = folder.resolve(tracks.get(number - 1).file()).normalize();
        // take.json is data on disk: never let it point a request outside the take's folder.
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) throw ApiError.notFound("track " + number + " of take " + id + " has no file");
        return file;
    }

    @Override
    public Path folder(String id) throws IOException {
        return take(id).ref().folder();
    }

    @Override
    public boolean visible(Path folder) {
        if (!Files.isRegularFile(folder.resolve(TakeJson.FILE_NAME))) {
            // Not a take (a song's folder: its render jobs): the teachers' work, as songs are.
            return Viewer.maySee(null);
        }
        try {
            return Viewer.maySee(Owners.of(TakeJson.read(folder)));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String owner(String id) throws IOException {
        return Owners.of(take(id).info());
    }

    /**
     * The one lookup by id, and with it the owner check: a take the caller may not see is not
     * found, with the same answer as an id that never existed.
     */
    private Take take(String id) throws IOException {
        Take t = library.get(id).orElse(null);
        if (t == null || !Viewer.maySee(Owners.of(t.info()))) throw ApiError.notFound("no take '" + id + "'");
        return t;
    }

    private interface Change<T> {
        T run() throws IOException;
    }

    private static <T> T guarded(Change<T> change) throws IOException {
        try {
            return change.run();
        } catch (NoSuchElementException e) {
            throw ApiError.notFound(e.getMessage().replaceAll(" in /.*$", ""));
        } catch (IllegalStateException e) {
            throw ApiError.conflict(e.getMessage());
        }
    }

    static Map<String, Object> doc(Take t) {
        TakeInfo i = t.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", i.name == null || i.name.isEmpty() ? t.ref().folder().getFileName().toString() : i.name);
        m.put("day", t.ref().folder().getParent().getFileName().toString());
        m.put("startedAt", isoInstant(i.started));
        m.put("state", i.state);
        m.put("durationSeconds", i.seconds());
        m.put("rateHz", i.rateHz);
        m.put("bits", i.bits);
        m.put("device", i.device);
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (int n = 1; n <= i.tracks.size(); n++) {
            TakeInfo.Track tr = i.tracks.get(n - 1);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("number", n);
            d.put("name", tr.name());
            d.put("input", tr.input());
            // The file name without .wav: the key the mix settings use for this track.
            d.put("stem", tr.file().replaceFirst("(?i)\\.wav$", ""));
            tracks.add(d);
        }
        m.put("tracks", tracks);
        List<Map<String, Object>> markers = new ArrayList<>();
        for (TakeInfo.Marker mk : i.markers) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("seconds", i.rateHz == 0 ? 0 : (double) mk.frame() / i.rateHz);
            d.put("label", mk.label());
            d.put("source", mk.source());
            markers.add(d);
        }
        m.put("markers", markers);
        m.put("overruns", i.overruns.size());
        m.put("notes", i.notes == null ? "" : i.notes);
        m.put("source", i.source);
        m.put("owner", Owners.of(i));
        TakeMarks marks = TakeMarks.read(t.ref().folder());
        m.put("keep", marks.keep());
        m.put("feedback", marks.feedback());
        m.put("endReason", i.endReason == null ? null : i.endReason.wireName());
        return m;
    }

    private static String isoInstant(String started) {
        if (started == null) return null;
        try {
            return OffsetDateTime.parse(started).toInstant().toString();
        } catch (DateTimeParseException e) {
            return started;
        }
    }
}
