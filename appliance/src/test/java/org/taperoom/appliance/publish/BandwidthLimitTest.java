package org.taperoom.appliance.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bandwidth limit holds: a 3 MiB upload with {@code --bwlimit 1M} (1 MiB/s) to rclone's WebDAV
 * server on loopback, which would take milliseconds unlimited, is measured by this test's own
 * clock, not by rclone's reported rate.
 *
 * <p>Tolerances: rclone's limiter is a token bucket that starts empty, so over the whole upload
 * the bytes sent can exceed limit × time only by what one read hands over before the bucket
 * is charged; the upper bound is the limit + 5 % (timer granularity and the 1 s statistics
 * sampling). The lower bounds say the limit is what governs, not something slower: the whole
 * upload, process start and WebDAV handshake included, at least 80 % of the limit; its steady
 * part (between rclone's first and last statistics line) at least 90 %.
 */
class BandwidthLimitTest {
    static final long LIMIT_BYTES_PER_SECOND = 1 << 20;

    @Test
    void anUploadWithABandwidthLimitOf1MiBPerSecondRunsAtTheLimitAndNotAbove(@TempDir Path dir) throws Exception {
        try (Remotes remotes = new Remotes(dir)) {
            byte[] bytes = new byte[3 << 20];
            new Random(3).nextBytes(bytes);
            Path file = Files.write(dir.resolve("take.flac"), bytes);
            Rclone rclone = new Rclone("rclone", remotes.config, 120);

            List<long[]> samples = new ArrayList<>();
            long start = System.nanoTime();
            rclone.copyTo(file, "nas:bw/take.flac", "1M", new Rclone.Transfer() {
                @Override
                public void progress(long sent, long total, double bytesPerSecond) {
                    synchronized (samples) {
                        samples.add(new long[] {System.nanoTime(), sent});
                    }
                }
            });
            double wholeSeconds = (System.nanoTime() - start) / 1e9;
            assertArrayEquals(bytes, Files.readAllBytes(remotes.davFolder.resolve("bw/take.flac")));

            double whole = bytes.length / wholeSeconds;
            long[] first;
            long[] last;
            synchronized (samples) {
                // The steady part: from the first line with bytes sent to the last before the end.
                List<long[]> moving = samples.stream().filter(s -> s[1] > 0 && s[1] < bytes.length).toList();
                assertTrue(moving.size() >= 2, "rclone printed its statistics once a second: " + samples.size() + " lines");
                first = moving.get(0);
                last = moving.get(moving.size() - 1);
            }
            double steady = (last[1] - first[1]) / ((last[0] - first[0]) / 1e9);
            System.out.printf("bandwidth limit 1 MiB/s (1048576 B/s): whole upload %.0f B/s (%.1f %% of the limit, %d bytes in %.2f s);"
                    + " steady part %.0f B/s (%.1f %%)%n", whole, 100 * whole / LIMIT_BYTES_PER_SECOND, bytes.length, wholeSeconds,
                    steady, 100 * steady / LIMIT_BYTES_PER_SECOND);
            assertTrue(whole <= 1.05 * LIMIT_BYTES_PER_SECOND, "over the limit: " + whole + " B/s");
            assertTrue(steady <= 1.05 * LIMIT_BYTES_PER_SECOND, "over the limit while steady: " + steady + " B/s");
            assertTrue(whole >= 0.80 * LIMIT_BYTES_PER_SECOND, "far below the limit: " + whole + " B/s");
            assertTrue(steady >= 0.90 * LIMIT_BYTES_PER_SECOND, "below the limit while steady: " + steady + " B/s");
        }
    }
}
