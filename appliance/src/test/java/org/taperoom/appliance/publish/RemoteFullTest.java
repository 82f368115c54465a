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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.Tmpfs;
import org.taperoom.appliance.recording.take.TakeLibrary;

/**
 * A remote that runs out of space: rclone's WebDAV server storing onto a real 1 MiB tmpfs. The
 * service's publisher uploads the export that fits; the one that does not fails with rclone's
 * own reason, stays queued with its error (shown in the figures /api/state carries), keeps its
 * local file, and is retried with backoff; once the remote has room it arrives, MD5-verified.
 */
class RemoteFullTest {
    private static final String TAKE = "2026-12-01/193000-blue-room";

    @Test
    void aFullRemoteGivesAClearRetriedFailureAndTheFileArrivesOnceThereIsRoom(@TempDir Path dir) throws Exception {
        String refusal = Tmpfs.mountRefusal(dir);
        assumeTrue(refusal == null, () -> "skipped: " + refusal);
        Path store = Files.createDirectories(dir.resolve("small-store"));
        Tmpfs.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", store.toString());
        int port = Remotes.freePort();
        Process dav = Remotes.serveWebdav(store, port, false);
        try {
            Remotes.waitForPort(port);
            Path config = Files.writeString(dir.resolve("rclone.conf"), "[small-nas]\ntype = webdav\nurl = http://127.0.0.1:" + port + "\nvendor = rclone\n");
            Path library = dir.resolve("library");
            Path renders = Files.createDirectories(library.resolve(TAKE).resolve("renders"));
            byte[] small = random(300_000, 1);
            byte[] large = random(900_000, 2);
            Files.write(renders.resolve("20261201-200000-a-mix.flac"), small);
            Files.write(renders.resolve("20261201-200100-b-master.flac"), large);

            UploadService.Settings settings = new UploadService.Settings(new PublishPlan("small-nas:band", "room-7", PublishScope.EXPORTS), config,
                    null, TimeWindow.ALWAYS, 0, 200, 300, 300, 10_000);
            try (UploadService uploads = new UploadService(library, new TakeLibrary(library), settings, Clock.systemDefaultZone())) {
                uploads.start();
                UploadFigures failing = await(uploads, f -> f.failed() >= 2, "two failed attempts");
                System.out.println("remote full: " + failing.lastError());
                assertEquals(1, failing.queued(), "the file that fits is published, the other stays queued: " + failing);
                assertEquals(1, failing.failing());
                assertNotNull(failing.lastError());
                assertTrue(failing.lastError().startsWith("20261201-200100-b-master.flac: rclone copyto failed"), failing.lastError());
                assertTrue(failing.lastError().toLowerCase(java.util.Locale.ROOT).contains("no space left on device")
                        || failing.lastError().contains("507"), "rclone's own reason is given: " + failing.lastError());
                PublishJob job = uploads.jobs().jobs().get(0);
                assertTrue(job.attempts() >= 2 && job.lastError().equals(failing.lastError().substring(failing.lastError().indexOf(": ") + 2)),
                        "the job file keeps its attempts and error: " + job);
                assertArrayEquals(large, Files.readAllBytes(renders.resolve("20261201-200100-b-master.flac")), "the local file is kept as it was");

                // Room on the remote: the next retry publishes it.
                Tmpfs.run("mount", "-o", "remount,size=4m", store.toString());
                UploadFigures done = await(uploads, f -> f.queued() == 0, "the queue to empty");
                assertEquals(2, done.done());
                Path remote = store.resolve("band/room-7").resolve(TAKE).resolve("renders");
                assertArrayEquals(small, Files.readAllBytes(remote.resolve("20261201-200000-a-mix.flac")));
                assertArrayEquals(large, Files.readAllBytes(remote.resolve("20261201-200100-b-master.flac")));
                assertEquals(2, new UploadQueue(library).verifiedCount());
            }
        } finally {
            dav.destroy();
            dav.waitFor();
            Tmpfs.run("umount", store.toString());
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
