package org.taperoom.appliance.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.Tmpfs;
import org.taperoom.appliance.recording.take.TakeLibrary;

/**
 * A remote that runs out of space: s3proxy and rclone's WebDAV server storing onto a real 1 MiB tmpfs. The
 * service's publisher uploads the export that fits; the one that does not fails with rclone's
 * own reason, stays queued with its error (shown in the figures /api/state carries), keeps its
 * local file, and is retried with backoff; once the remote has room it arrives, MD5-verified.
 */
class RemoteFullTest {
    private static final String TAKE = "2026-12-01/193000-blue-room";

    /** The S3 store (s3proxy) and the WebDAV store (rclone serve webdav) of {@link Remotes}, each on a 1 MiB tmpfs. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"school-s3:recordings", "nas:band"})
    void aFullRemoteGivesAClearRetriedFailureAndTheFileArrivesOnceThereIsRoom(String destination, @TempDir Path dir) throws Exception {
        String refusal = Tmpfs.mountRefusal(dir);
        assumeTrue(refusal == null, () -> "skipped: " + refusal);
        Path store = Files.createDirectories(dir.resolve(destination.startsWith("nas") ? "dav-store" : "s3-store"));
        Tmpfs.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", store.toString());
        try (Remotes remotes = new Remotes(dir)) {
            Path config = remotes.config;
            Path library = dir.resolve("library");
            Path renders = Files.createDirectories(library.resolve(TAKE).resolve("renders"));
            // The small one always fits; the large one never does until the remote has room.
            byte[] small = random(200_000, 1);
            byte[] large = random(1_200_000, 2);
            Files.write(renders.resolve("20261201-200000-a-mix.flac"), small);
            Files.write(renders.resolve("20261201-200100-b-master.flac"), large);

            UploadService.Settings settings = new UploadService.Settings(new PublishPlan(destination, "room-7", PublishScope.EXPORTS), config,
                    null, TimeWindow.ALWAYS, 0, 200, 300, 300, 10_000);
            try (UploadService uploads = new UploadService(library, new TakeLibrary(library), settings, Clock.systemDefaultZone())) {
                uploads.start();
                UploadFigures failing = await(uploads, f -> f.failed() >= 2, "two failed attempts");
                System.out.println("remote full (" + destination + "): " + failing.lastError());
                assertEquals(1, failing.queued(), "the file that fits is published, the other stays queued: " + failing);
                assertEquals(1, failing.failing());
                assertNotNull(failing.lastError());
                assertTrue(failing.lastError().startsWith("20261201-200100-b-master.flac: "), failing.lastError());
                // WebDAV's answer (405 from Go's server, 507 from Nextcloud) says "no room" and gets the plain-words hint;
                // s3proxy answers a full disk with a bare 500, which is passed on as it is (a quota would say QuotaExceeded).
                String reason = destination.startsWith("nas") ? Rclone.REMOTE_FULL_HINT : "InternalServerError";
                assertTrue(failing.lastError().contains(reason), "the remote's reason: " + failing.lastError());
                PublishJob job = uploads.jobs().jobs().get(0);
                assertTrue(job.attempts() >= 2 && job.lastError().equals(failing.lastError().substring(failing.lastError().indexOf(": ") + 2)),
                        "the job file keeps its attempts and error: " + job);
                assertArrayEquals(large, Files.readAllBytes(renders.resolve("20261201-200100-b-master.flac")), "the local file is kept as it was");

                // Room on the remote: the next retry publishes it.
                Tmpfs.run("mount", "-o", "remount,size=4m", store.toString());
                UploadFigures done = await(uploads, f -> f.queued() == 0, "the queue to empty");
                assertEquals(2, done.done());
                Path remote = destination.startsWith("nas") ? store.resolve("band/room-7").resolve(TAKE).resolve("renders")
                        : remotes.s3Object("room-7/" + TAKE + "/renders");
                assertArrayEquals(small, Files.readAllBytes(remote.resolve("20261201-200000-a-mix.flac")));
                assertArrayEquals(large, Files.readAllBytes(remote.resolve("20261201-200100-b-master.flac")));
                assertEquals(2, new UploadQueue(library).verifiedCount());
            }
        } finally {
            // Lazily: s3proxy's blob store may hold the failed upload's file a moment longer.
            Tmpfs.run("umount", "-l", store.toString());
        }
    }

    private static UploadFigures await(UploadService uploads, java.util.function.Predicate<UploadFigures> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            UploadFigures f = uploads.figures();
            if (condition.test(f)) return f;
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within 60 s: " + uploads.figures());
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
