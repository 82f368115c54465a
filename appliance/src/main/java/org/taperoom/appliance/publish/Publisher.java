package org.taperoom.appliance.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.HexFormat;
import org.tinylog.Logger;

/**
 * Works through the {@link UploadQueue}: uploads each due job with rclone, asks the remote for
 * the object's MD5 and compares it with the local file's, and only then records the job as done.
 * A failure (rclone's error, a checksum mismatch, a vanished local file) leaves the job queued
 * with its error and the next attempt after an exponential backoff. Nothing here deletes or
 * changes a local file.
 *
 * <p>Runs on one publisher thread (the caller's); the queue may be read by others meanwhile, and
 * any thread may read {@link #live}, {@link #stop} it or {@link #cancel} a job. Progress of an
 * upload is logged at most once per {@code progressLogMillis}, besides one line at its end.
 *
 * @param backoffBaseMillis wait after the first failure; doubled after each further one
 * @param backoffMaxMillis  the longest wait between attempts
 */
public final class Publisher {
    /** How a run of due jobs went. */
    public record Round(int uploaded, int failed) {}

    /**
     * What the publisher is doing now.
     *
     * @param inFlight the job being uploaded, or null
     */
    public record Live(PublishJob inFlight, long inFlightBytes, double bytesPerSecond, int done, int failed, String lastError,
                       long lastErrorMillis) {}

    private final UploadQueue queue;
    private final Rclone rclone;
    private final String bandwidthLimit;
    private final TimeWindow window;
    private final long backoffBaseMillis;
    private final long backoffMaxMillis;
    private final Clock clock;
    private final long progressLogMillis;
    // Written by the publisher thread (inFlight, done, failed, lastError) and by rclone's output
    // reader (inFlightBytes, bytesPerSecond); read by any thread through live().
    private volatile PublishJob inFlight;
    private volatile long inFlightBytes;
    private volatile double bytesPerSecond;
    private volatile int done;
    private volatile int failed;
    private volatile String lastError;
    private volatile long lastErrorMillis;
    /** Set by any thread: stop() ends the running upload (it stays queued), cancel() takes one job out. */
    private volatile boolean stopping;
    private volatile String cancelId;

    public Publisher(UploadQueue queue, Rclone rclone, String bandwidthLimit, TimeWindow window, long backoffBaseMillis,
                     long backoffMaxMillis, Clock clock) {
        this(queue, rclone, bandwidthLimit, window, backoffBaseMillis, backoffMaxMillis, clock, 10_000);
    }

    public Publisher(UploadQueue queue, Rclone rclone, String bandwidthLimit, TimeWindow window, long backoffBaseMillis,
                     long backoffMaxMillis, Clock clock, long progressLogMillis) {
        this.progressLogMillis = progressLogMillis;
        this.queue = queue;
        this.rclone = rclone;
        this.bandwidthLimit = bandwidthLimit;
        this.window = window;
        this.backoffBaseMillis = backoffBaseMillis;
        this.backoffMaxMillis = backoffMaxMillis;
        this.clock = clock;
    }

    /** Runs every job that is due now, oldest first, while the time window is open. */
    public Round runDue() throws IOException {
        int uploaded = 0;
        int failed = 0;
        for (PublishJob job : queue.jobs()) {
            if (stopping || !windowOpen()) break;
            if (job.nextAttemptMillis() > clock.millis()) continue;
            if (publish(job)) uploaded++;
            else failed++;
        }
        return new Round(uploaded, failed);
    }

    public boolean windowOpen() {
        return window.contains(LocalTime.now(clock));
    }

    public Live live() {
        return new Live(inFlight, inFlightBytes, bytesPerSecond, done, failed, lastError, lastErrorMillis);
    }

    /** Ends the upload in flight, if any (its job stays queued as it was), and starts no other. Any thread. */
    public void stop() {
        stopping = true;
    }

    /**
     * Takes job {@code id} out of the queue (the local file stays); when it is being uploaded,
     * that upload is stopped first. Any thread.
     */
    public boolean cancel(String id) throws IOException {
        PublishJob running = inFlight;
        if (running != null && running.id().equals(id)) {
            cancelId = id;
            return true;
        }
        java.util.Optional<PublishJob> job = queue.job(id);
        if (job.isEmpty()) return false;
        queue.cancel(job.get(), clock.millis());
        Logger.info("upload of {} to {} cancelled; the local file stays", Path.of(job.get().localPath()).getFileName(), job.get().remotePath());
        return true;
    }

    /** Makes job {@code id} due now (a person's "retry"); false when it is not queued. Any thread. */
    public boolean retryNow(String id) throws IOException {
        java.util.Optional<PublishJob> job = queue.job(id);
        if (job.isEmpty()) return false;
        queue.update(job.get().dueAt(clock.millis()));
        return true;
    }

    /** Milliseconds until the next queued job is due (0 when one is due now), or -1 when the queue is empty. */
    public long millisToNextDue() throws IOException {
        long next = Long.MAX_VALUE;
        for (PublishJob j : queue.jobs()) next = Math.min(next, j.nextAttemptMillis());
        return next == Long.MAX_VALUE ? -1 : Math.max(0, next - clock.millis());
    }

    private boolean publish(PublishJob job) throws IOException {
        Path local = Path.of(job.localPath());
        inFlightBytes = 0;
        bytesPerSecond = 0;
        inFlight = job;
        long startNanos = System.nanoTime();
        try {
            if (!Files.isRegularFile(local)) throw new IOException("local file " + local + " is gone");
            String localMd5 = md5(local);
            rclone.copyTo(local, job.remotePath(), bandwidthLimit, new Progress(job, local));
            long uploadNanos = System.nanoTime() - startNanos;
            String remoteMd5 = rclone.md5(job.remotePath());
            if (!remoteMd5.equals(localMd5)) {
                throw new IOException("checksum mismatch after upload: local MD5 " + localMd5 + ", remote " + remoteMd5);
            }
            queue.complete(job, localMd5, clock.millis());
            done++;
            Logger.info("published {} to {} ({} bytes in {} s, {} kB/s, MD5 verified)", local.getFileName(), job.remotePath(), job.bytes(),
                    String.format(java.util.Locale.ROOT, "%.1f", uploadNanos / 1e9),
                    String.format(java.util.Locale.ROOT, "%.0f", job.bytes() / 1e3 / Math.max(1e-9, uploadNanos / 1e9)));
            return true;
        } catch (IOException e) {
            if (stopping) {
                Logger.info("upload of {} stopped with the publisher; it stays queued", local.getFileName());
                return false;
            }
            if (job.id().equals(cancelId)) {
                queue.cancel(job, clock.millis());
                Logger.info("upload of {} to {} cancelled; the local file stays", local.getFileName(), job.remotePath());
                return false;
            }
            long wait = backoff(job.attempts() + 1);
            queue.update(job.failed(e.getMessage(), clock.millis() + wait));
            failed++;
            lastError = local.getFileName() + ": " + e.getMessage();
            lastErrorMillis = clock.millis();
            Logger.warn("upload of {} to {} failed (attempt {}), retrying in {} s: {}", local.getFileName(), job.remotePath(),
                    job.attempts() + 1, wait / 1000, e.getMessage());
            return false;
        } finally {
            inFlight = null;
            inFlightBytes = 0;
            bytesPerSecond = 0;
            cancelId = null;
        }
    }

    /** One upload's statistics into the live figures and, at most once per progressLogMillis, the log. */
    private final class Progress implements Rclone.Transfer {
        private final PublishJob job;
        private final Path local;
        /** rclone's output reader only. */
        private long lastLogNanos = System.nanoTime();

        Progress(PublishJob job, Path local) {
            this.job = job;
            this.local = local;
        }

        @Override
        public void progress(long bytes, long totalBytes, double rate) {
            inFlightBytes = bytes;
            bytesPerSecond = rate;
            long now = System.nanoTime();
            if (now - lastLogNanos >= progressLogMillis * 1_000_000L && bytes < job.bytes()) {
                lastLogNanos = now;
                Logger.info("uploading {}: {} of {} bytes, {} kB/s", local.getFileName(), bytes, job.bytes(),
                        String.format(java.util.Locale.ROOT, "%.0f", rate / 1e3));
            }
        }

        @Override
        public boolean cancelled() {
            return stopping || job.id().equals(cancelId);
        }
    }

    /** The wait after the {@code failures}-th failure: base, 2 base, 4 base ... up to the maximum. */
    long backoff(int failures) {
        long wait = backoffBaseMillis << Math.min(30, Math.max(0, failures - 1));
        return Math.min(backoffMaxMillis, wait < 0 ? backoffMaxMillis : wait);
    }

    public static String md5(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
