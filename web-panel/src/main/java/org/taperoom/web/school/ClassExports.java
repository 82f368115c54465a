package org.taperoom.web.school;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.taperoom.appliance.recording.take.Take;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.web.takes.Owners;
import org.tinylog.Logger;

/**
 * A class's work in one ZIP for the teacher to take away: every track of every take of the
 * class's students, as {@code <student>/<take folder>/<track>.wav} (stored, not compressed: WAV
 * hardly shrinks and the Pi's CPU is the recorder's). Built by one background thread into
 * {@code <library>/.school/exports/}, written to a temporary name and renamed when complete, with
 * its progress in bytes. Jobs are kept in memory until the panel stops.
 */
public final class ClassExports implements AutoCloseable {
    public enum State { RUNNING, DONE, FAILED }

    /** One export. Its volatile fields are written by the export thread and read by request threads. */
    public static final class Job {
        final String id;
        final String className;
        final Path file;
        final int takes;
        final long totalBytes;
        volatile long doneBytes;
        volatile State state = State.RUNNING;
        volatile String error;

        Job(String id, String className, Path file, int takes, long totalBytes) {
            this.id = id;
            this.className = className;
            this.file = file;
            this.takes = takes;
            this.totalBytes = totalBytes;
        }

        public String id() {
            return id;
        }

        public String className() {
            return className;
        }

        public Path file() {
            return file;
        }

        public int takes() {
            return takes;
        }

        public State state() {
            return state;
        }

        public String error() {
            return error;
        }

        /** 0..1 of the bytes to copy. */
        public double fraction() {
            return totalBytes == 0 ? (state == State.DONE ? 1 : 0) : (double) doneBytes / totalBytes;
        }
    }

    private record Entry(String name, Path file) {}

    private final TakeLibrary library;
    private final Roster roster;
    private final Path folder;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "class-export");
        t.setDaemon(true);
        return t;
    });

    public ClassExports(TakeLibrary library, Roster roster) {
        this.library = library;
        this.roster = roster;
        this.folder = library.root().resolve(".school").resolve("exports");
    }

    /** Starts exporting the takes of the students of {@code className}; empty when no student is in that class. */
    public Optional<Job> start(String className) throws IOException {
        Map<String, String> names = new java.util.HashMap<>();
        for (Roster.Student s : roster.students()) if (s.className().equals(className)) names.put(s.id(), s.name());
        if (names.isEmpty()) return Optional.empty();
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        int takes = 0;
        for (Take t : library.list()) {
            String owner = Owners.of(t.info());
            if (owner == null || !names.containsKey(owner) || TakeInfo.RECORDING.equals(t.info().state)) continue;
            takes++;
            for (TakeInfo.Track track : t.info().tracks) {
                Path f = t.ref().folder().resolve(track.file()).normalize();
                if (!f.startsWith(t.ref().folder()) || !Files.isRegularFile(f)) continue;
                entries.add(new Entry(safe(names.get(owner)) + "/" + t.ref().folder().getFileName() + "/" + f.getFileName(), f));
                total += Files.size(f);
            }
        }
        String id = Integer.toString(nextId.getAndIncrement());
        Path file = folder.resolve(safe(className) + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + id + ".zip");
        Job job = new Job(id, className, file, takes, total);
        jobs.put(id, job);
        worker.execute(() -> run(job, entries));
        return Optional.of(job);
    }

    public Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job, List<Entry> entries) {
        Path tmp = job.file.resolveSibling("." + job.file.getFileName() + ".tmp");
        try {
            Files.createDirectories(folder);
            byte[] buffer = new byte[256 * 1024];
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setMethod(ZipOutputStream.DEFLATED);
                zip.setLevel(0);
                for (Entry e : entries) {
                    zip.putNextEntry(new ZipEntry(e.name()));
                    try (InputStream in = Files.newInputStream(e.file())) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            zip.write(buffer, 0, n);
                            job.doneBytes += n;
                        }
                    }
                    zip.closeEntry();
                }
            }
            Files.move(tmp, job.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            job.state = State.DONE;
        } catch (IOException | RuntimeException e) {
            job.error = e.getMessage();
            job.state = State.FAILED;
            Logger.warn("export of class {} failed: {}", job.className, e.toString());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file stays; it is hidden and replaced by the next export
            }
        }
    }

    /** A name safe as a ZIP folder or file name: letters, digits, space, '-', '_', '.'. */
    static String safe(String name) {
        String s = name.replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
