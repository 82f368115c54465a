package org.taperoom.appliance.publish;

/**
 * The publisher at a glance, for {@code /api/state}, the panel's badge and the log. Immutable.
 *
 * @param destination     {@code remote:prefix} uploads go to
 * @param running         whether the publisher thread runs (false before the library disk is there, after stop)
 * @param windowOpen      whether uploads may start now (the time window)
 * @param queued          jobs in the queue, the one in flight included
 * @param queuedBytes     their bytes
 * @param failing         queued jobs whose last attempt failed (each retried after its backoff)
 * @param inFlightFile    the file being uploaded now (name only), or null
 * @param inFlightBytes   bytes of it rclone has sent
 * @param inFlightTotalBytes its size
 * @param bytesPerSecond  rclone's rate for it over its last seconds, 0 when nothing is in flight
 * @param done            uploads verified since the service started
 * @param failed          failed attempts since the service started
 * @param lastError       what the latest failure said (credentials removed), or null
 * @param lastErrorMillis when, epoch milliseconds (0 for never)
 */
public record UploadFigures(String destination, boolean running, boolean windowOpen, int queued, long queuedBytes, int failing,
                            String inFlightFile, long inFlightBytes, long inFlightTotalBytes, double bytesPerSecond, int done,
                            int failed, String lastError, long lastErrorMillis) {}
