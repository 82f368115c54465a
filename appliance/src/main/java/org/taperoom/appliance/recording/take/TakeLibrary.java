package org.taperoom.appliance.recording.take;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The takes in a library folder. The files are the source of truth: every call reads the folders
 * and their take.json, nothing is cached. Deleting moves a take to {@code <library>/.trash/}, from
 * where it can be restored until the trash is purged (explicitly, or by the engine when it needs
 * space).
 *
 * <p>Errors: an unknown id is a {@link NoSuchElementException}; changing the take being recorded
 * is an {@link IllegalStateException}; file system failures are {@link IOException}s. Methods
 * are safe from any thread; concurrent changes to the same take are not coordinated.
 */
public final class TakeLibrary {
    private final Path root;
    /** The id of the take being recorded, or null; written by the engine, read by any thread. */
    private volatile String busyId;

    public TakeLibrary(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Marks the take the engine is recording (null for none): it cannot be renamed, deleted or purged. */
    public void setBusy(String id) {
        busyId = id;
    }

    /** Every take, newest first. Folders without a readable take.json are left out. */
    public List<Take> list() throws IOException {
        return listIn(root, false);
    }

    /** Every take in the trash, most recently recorded first. */
    public List<Take> trash() throws IOException {
        return listIn(root.resolve(TakeFolders.TRASH), true);
    }

    private List<Take> listIn(Path base, boolean trash) throws IOException {
        List<Take> out = new ArrayList<>();
        if (!Files.isDirectory(base)) return out;
        for (Path folder : takeFolders(base)) {
            try {
                TakeInfo info = TakeJson.read(folder);
                String id = trash ? folder.getFileName().toString() : TakeFolders.idOf(root, folder);
                out.add(new Take(new TakeRef(id, folder), info));
            } catch (IOException e) {
                // not a take (or a take.json being replaced this instant): skip it
            }
        }
        out.sort(Comparator.comparing((Take t) -> t.info().started == null ? "" : t.info().started).reversed());
        return out;
    }

    /** Folders holding a take.json: {@code day/take} under the library, or directly under the trash. */
    public static List<Path> takeFolders(Path base) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> days = Files.newDirectoryStream(base)) {
            for (Path day : days) {
                if (!Files.isDirectory(day) || day.getFileName().toString().startsWith(".")) continue;
                if (Files.isRegularFile(day.resolve(TakeJson.FILE_NAME))) {
                    out.add(day);
                    continue;
                }
                try (DirectoryStream<Path> takes = Files.newDirectoryStream(day)) {
                    for (Path t : takes) if (Files.isRegularFile(t.resolve(TakeJson.FILE_NAME))) out.add(t);
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    public Optional<Take> get(String id) throws IOException {
        Path folder = TakeFolders.folderOf(root, id);
        if (folder == null || !Files.isRegularFile(folder.resolve(TakeJson.FILE_NAME))) return Optional.empty();
        return Optional.of(new Take(new TakeRef(id, folder), TakeJson.read(folder)));
    }

    private Take require(String id) throws IOException {
        return get(id).orElseThrow(() -> new NoSuchElementException("no take '" + id + "' in " + root));
    }

    private void requireIdle(String id) {
        if (id.equals(busyId)) throw new IllegalStateException("take '" + id + "' is being recorded");
    }

    /**
     * Gives a take a new name: take.json's name and the folder's slug (the time part stays, so
     * the id changes). Returns the renamed take's reference.
     */
    public TakeRef rename(String id, String newName) throws IOException {
        requireIdle(id);
        Take t = require(id);
        t.info().name = newName;
        TakeJson.write(t.ref().folder(), t.info());
        String time = t.ref().folder().getFileName().toString();
        int dash = time.indexOf('-');
        String base = (dash > 0 ? time.substring(0, dash) : time) + "-" + TakeFolders.slug(newName);
        Path target = unique(t.ref().folder().resolveSibling(base));
        if (target.equals(t.ref().folder())) return t.ref();
        Files.move(t.ref().folder(), target);
        return new TakeRef(TakeFolders.idOf(root, target), target);
    }

    /** Replaces a take's notes. */
    public void setNotes(String id, String notes) throws IOException {
        Take t = require(id);
        t.info().notes = notes == null ? "" : notes;
        TakeJson.write(t.ref().folder(), t.info());
    }

    /** Moves a take to the trash. */
    public void delete(String id) throws IOException {
        requireIdle(id);
        Take t = require(id);
        Path trash = root.resolve(TakeFolders.TRASH);
        Files.createDirectories(trash);
        Files.move(t.ref().folder(), unique(trash.resolve(id)));
    }

    /** Brings a take back from the trash ({@code trashId} as {@link #trash()} lists it) to where it was. */
    public TakeRef restore(String trashId) throws IOException {
        Path inTrash = root.resolve(TakeFolders.TRASH).resolve(trashId);
        if (trashId.contains("/") || !Files.isRegularFile(inTrash.resolve(TakeJson.FILE_NAME))) {
            throw new NoSuchElementException("no take '" + trashId + "' in the trash of " + root);
        }
        String id = trashId.replaceFirst("~\\d+$", "");
        Path target = TakeFolders.folderOf(root, id);
        if (target == null) throw new NoSuchElementException("'" + trashId + "' is not a take id");
        Files.createDirectories(target.getParent());
        target = unique(target);
        Files.move(inTrash, target);
        return new TakeRef(TakeFolders.idOf(root, target), target);
    }

    /** Deletes one take from the trash for good. */
    public void purge(String trashId) throws IOException {
        Path inTrash = root.resolve(TakeFolders.TRASH).resolve(trashId);
        if (trashId.contains("/") || !Files.isDirectory(inTrash)) {
            throw new NoSuchElementException("no take '" + trashId + "' in the trash of " + root);
        }
        deleteTree(inTrash);
    }

    /** Empties the trash; returns the bytes freed. */
    public long purgeAll() throws IOException {
        long freed = 0;
        for (Take t : trash()) {
            freed += sizeOf(t.ref().folder());
            deleteTree(t.ref().folder());
        }
        return freed;
    }

    /**
     * Purges trashed takes, oldest recording first, until the library's usable space reaches
     * {@code wantedBytes} or the trash is empty. Returns the bytes freed.
     */
    public long freeSpaceFromTrash(long wantedBytes) throws IOException {
        long freed = 0;
        List<Take> trashed = trash();
        for (int i = trashed.size() - 1; i >= 0 && usableBytes() < wantedBytes; i--) {
            Path f = trashed.get(i).ref().folder();
            freed += sizeOf(f);
            deleteTree(f);
        }
        return freed;
    }

    /** Usable bytes on the library's file system. */
    public long usableBytes() throws IOException {
        Path p = root;
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p == null ? 0 : Files.getFileStore(p).getUsableSpace();
    }

    /** Creates the folder of a new take and returns it. */
    public Path createTakeFolder(LocalDateTime time, String name) throws IOException {
        Path folder = unique(root.resolve(TakeFolders.relativeFolder(time, name)));
        Files.createDirectories(folder);
        return folder;
    }

    private static Path unique(Path p) {
        if (!Files.exists(p)) return p;
        for (int i = 2; ; i++) {
            Path q = p.resolveSibling(p.getFileName() + "~" + i);
            if (!Files.exists(q)) return q;
        }
    }

    static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
