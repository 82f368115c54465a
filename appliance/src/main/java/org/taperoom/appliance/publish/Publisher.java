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
 * <p>Runs on one publisher thread (the caller's); the queue may be read by others meanwhile.
 *
 * @param backoffBaseMillis wait after the first failure; doubled after each further one
 * @param backoffMaxMillis  the longest wait between attempts
 */
public final class Publisher {
    /** How a run of due jobs went. */
    public record Round(int uploaded, int failed) {}

    private final UploadQueue queue;
    private final Rclone rclone;
    private final String bandwidthLimit;
    private final TimeWindow window;
    private final long backoffBaseMillis;
    private final long backoffMaxMillis;
    private final Clock clock;

    public Publisher(UploadQueue queue, Rclone rclone, String bandwidthLimit, TimeWindow window, long backoffBaseMillis,
                     long backoffMaxMillis, Clock clock) {
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
            if (!window.contains(LocalTime.now(clock))) break;
            if (job.nextAttemptMillis() > clock.millis()) continue;
            if (publish(job)) uploaded++;
            else failed++;
        }
        return new Round(uploaded, failed);
    }

    /** Milliseconds until the next queued job is due (0 when one is due now), or -1 when the queue is empty. */
    public long millisToNextDue() throws IOException {
        long next = Long.MAX_VALUE;
        for (PublishJob j : queue.jobs()) next = Math.min(next, j.nextAttemptMillis());
        return next == Long.MAX_VALUE ? -1 : Math.max(0, next - clock.millis());
    }

    private boolean publish(PublishJob job) throws IOException {
        Path local = Path.of(job.localPath());
        try {
            if (!Files.isRegularFile(local)) throw new IOException("local file " + local + " is gone");
            String localMd5 = md5(local);
            rclone.copyTo(local, job.remotePath(), bandwidthLimit);
            String remoteMd5 = rclone.md5(job.remotePath());
            if (!remoteMd5.equals(localMd5)) {
                throw new IOException("checksum mismatch after upload: local MD5 " + localMd5 + ", remote " + remoteMd5);
            }
            queue.complete(job, localMd5, clock.millis());
            Logger.info("published {} to {} ({} bytes, MD5 verified)", local.getFileName(), job.remotePath(), job.bytes());
            return true;
        } catch (IOException e) {
            long wait = backoff(job.attempts() + 1);
            queue.update(job.failed(e.getMessage(), clock.millis() + wait));
            Logger.warn("upload of {} to {} failed (attempt {}), retrying in {} s: {}", local.getFileName(), job.remotePath(),
                    job.attempts() + 1, wait / 1000, e.getMessage());
            return false;
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
