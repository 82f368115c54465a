package org.taperoom.appliance.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * The persistent upload queue in the library: {@code <library>/.publish/queue/<id>.json}, one
 * file per job, {@code .publish/done/<id>.json} for each verified upload, and
 * {@code .publish/cancelled/<id>.json} for each file a person took out of the queue (not queued
 * again until it changes).
 *
 * <p>Every change is a whole new file written beside the old one, forced to disk and renamed over
 * it (then the folder forced too), so after SIGKILL or a power cut each job file is the old
 * version or the new one, never a mix; a leftover {@code .tmp} is ignored and removed. A job
 * leaves the queue only after its done record is on disk, so a crash between the two repeats an
 * upload (to the same object) rather than losing one.
 *
 * <p>Thread-safe for one publisher thread and any number of readers ({@link #stats}).
 */
public final class UploadQueue {
    public static final String FOLDER = ".publish";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path queue;
    private final Path done;
    private final Path cancelled;

    public UploadQueue(Path library) throws IOException {
        Path root = library.resolve(FOLDER);
        queue = Files.createDirectories(root.resolve("queue"));
        done = Files.createDirectories(root.resolve("done"));
        cancelled = Files.createDirectories(root.resolve("cancelled"));
        for (Path dir : List.of(queue, done, cancelled)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** What the queue holds now, for the panel and the metrics. */
    public record Stats(int jobs, long bytes, int failingJobs, long failedAttempts, double oldestAgeSeconds) {}

    /** The job id of a destination: the same remote path is always the same job. */
    static String idFor(String remotePath) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(remotePath.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Queues {@code local} for {@code remotePath} unless it is queued already, or was uploaded
     * and verified, or cancelled, at its current size. Returns whether a job was added.
     */
    public synchronized boolean enqueue(Path local, String remotePath, long nowMillis) throws IOException {
        String id = idFor(remotePath);
        long bytes = Files.size(local);
        if (Files.exists(queue.resolve(id + ".json"))) return false;
        for (Path record : List.of(done.resolve(id + ".json"), cancelled.resolve(id + ".json"))) {
            if (!Files.exists(record)) continue;
            try {
                if (JSON.readTree(record.toFile()).path("bytes").asLong(-1) == bytes) return false;
            } catch (IOException e) {
                Logger.warn("unreadable upload record {}: {}; uploading again", record, e.getMessage());
            }
        }
        write(queue.resolve(id + ".json"), new PublishJob(id, local.toAbsolutePath().toString(), remotePath, bytes, nowMillis, 0, nowMillis, null));
        return true;
    }

    /** Every queued job, oldest first; an unreadable job file is logged and skipped, never deleted. */
    public synchronized List<PublishJob> jobs() throws IOException {
        List<PublishJob> jobs = new ArrayList<>();
        try (Stream<Path> s = Files.list(queue)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    jobs.add(JSON.readValue(p.toFile(), PublishJob.class));
                } catch (IOException e) {
                    Logger.warn("unreadable upload job {}: {}", p, e.getMessage());
                }
            }
        }
        jobs.sort(Comparator.comparingLong(PublishJob::createdMillis).thenComparing(PublishJob::id));
        return jobs;
    }

    /** Stores a job's new state (after a failure). */
    public synchronized void update(PublishJob job) throws IOException {
        write(queue.resolve(job.id() + ".json"), job);
    }

    /** Records a verified upload, then takes the job out of the queue. */
    public synchronized void complete(PublishJob job, String md5, long nowMillis) throws IOException {
        var record = JSON.createObjectNode();
        record.put("local", job.localPath());
        record.put("remote", job.remotePath());
        record.put("bytes", job.bytes());
        record.put("md5", md5);
        record.put("verified_millis", nowMillis);
        writeBytes(done.resolve(job.id() + ".json"), JSON.writeValueAsBytes(record));
        Files.deleteIfExists(queue.resolve(job.id() + ".json"));
    }

    /** The queued job {@code id}, if it is queued. */
    public synchronized java.util.Optional<PublishJob> job(String id) throws IOException {
        Path file = queue.resolve(id + ".json");
        if (!id.matches("[0-9a-f]{24}") || !Files.isRegularFile(file)) return java.util.Optional.empty();
        return java.util.Optional.of(JSON.readValue(file.toFile(), PublishJob.class));
    }

    /**
     * Takes a job out of the queue at a person's request: a cancel record first (so the file is
     * not queued again until it changes), then the job file. The local file is never touched.
     */
    public synchronized void cancel(PublishJob job, long nowMillis) throws IOException {
        var record = JSON.createObjectNode();
        record.put("local", job.localPath());
        record.put("remote", job.remotePath());
        record.put("bytes", job.bytes());
        record.put("cancelled_millis", nowMillis);
        writeBytes(cancelled.resolve(job.id() + ".json"), JSON.writeValueAsBytes(record));
        Files.deleteIfExists(queue.resolve(job.id() + ".json"));
    }

    /** How many verified upload records the library holds. */
    public synchronized int verifiedCount() throws IOException {
        try (Stream<Path> s = Files.list(done)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    /** The verified uploads' records ({@code local}, {@code remote}, {@code bytes}, {@code md5}). */
    public synchronized List<com.fasterxml.jackson.databind.JsonNode> verified() throws IOException {
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(done)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(JSON.readTree(p.toFile()));
                } catch (IOException e) {
                    Logger.warn("unreadable upload record {}: {}", p, e.getMessage());
                }
            }
        }
        return out;
    }

    public Stats stats(long nowMillis) throws IOException {
        List<PublishJob> jobs = jobs();
        long bytes = 0;
        int failing = 0;
        long attempts = 0;
        long oldest = nowMillis;
        for (PublishJob j : jobs) {
            bytes += j.bytes();
            if (j.attempts() > 0) failing++;
            attempts += j.attempts();
            oldest = Math.min(oldest, j.createdMillis());
        }
        return new Stats(jobs.size(), bytes, failing, attempts, (nowMillis - oldest) / 1000.0);
    }

    private void write(Path file, PublishJob job) throws IOException {
        writeBytes(file, JSON.writeValueAsBytes(job));
    }

    private static void writeBytes(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // The rename is durable only once the folder's entry is on disk.
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
