package org.taperoom.appliance.publish;

/**
 * One file to upload, as its job file in the queue holds it.
 *
 * @param id              names the job file; derived from {@code remotePath}, so one destination is one job
 * @param localPath       absolute path of the file in the library (never deleted by publishing)
 * @param remotePath      {@code remote:prefix/<host>/<yyyy-mm-dd>/<take>/<file>}
 * @param bytes           size when queued
 * @param createdMillis   when it was queued, epoch milliseconds
 * @param attempts        failed attempts so far
 * @param nextAttemptMillis not before this time (exponential backoff after a failure)
 * @param lastError       what the last failure said (credentials removed), or null
 */
public record PublishJob(String id, String localPath, String remotePath, long bytes, long createdMillis, int attempts,
                         long nextAttemptMillis, String lastError) {

    PublishJob failed(String error, long nextAttemptMillis) {
        return new PublishJob(id, localPath, remotePath, bytes, createdMillis, attempts + 1, nextAttemptMillis, error);
    }

    /** The same job, due at {@code millis} (a person's "retry now"); attempts and error kept. */
    PublishJob dueAt(long millis) {
        return new PublishJob(id, localPath, remotePath, bytes, createdMillis, attempts, millis, lastError);
    }
}
