package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taperoom.appliance.cli.Run.taperoom;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.publish.PublishJob;
import org.taperoom.appliance.publish.Publisher;
import org.taperoom.appliance.publish.Remotes;
import org.taperoom.appliance.publish.UploadQueue;

/**
 * {@code taperoom publish} against real remotes on loopback: s3proxy speaking S3, rclone's WebDAV
 * server, and a WebDAV server that refuses writes; and a publisher killed mid-upload.
 */
class PublishCommandTest {
    @TempDir
    static Path dir;
    static Remotes remotes;

    @BeforeAll
    static void start() throws Exception {
        remotes = new Remotes(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        remotes.close();
    }

    /** A library with one take: two tracks, take.json, a render with its record and a quick mix. */
    private static Path library(String name, int trackBytes, int tracks) throws Exception {
        Path take = Files.createDirectories(dir.resolve(name).resolve("2026-12-01/193000-blue-room"));
        Random rnd = new Random(name.hashCode());
        for (int i = 1; i <= tracks; i++) {
            byte[] b = new byte[trackBytes];
            rnd.nextBytes(b);
            Files.write(take.resolve(String.format("%02d-track%d.wav", i, i)), b);
        }
        Files.writeString(take.resolve("take.json"), "{\"name\": \"blue room\"}");
        Files.createDirectories(take.resolve("renders"));
        Files.write(take.resolve("renders/20261201-200000-master.mp3"), new byte[] {1, 2, 3, 4, 5});
        Files.writeString(take.resolve("renders/20261201-200000-master.mp3.json"), "{}");
        Files.write(take.resolve("renders/quick-mix.mp3"), new byte[] {9, 9, 9});
        return dir.resolve(name);
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void takesGoToS3UnderHostAndDayEachOnceAndVerified() throws Exception {
        Path lib = library("lib-s3", 100_000, 2);
        Run r = taperoom("publish", "--library", lib.toString(), "--to", "school-s3:recordings/rooms", "--what", "takes",
                "--rclone-config", remotes.config.toString(), "--host", "room-7");
        assertEquals(0, r.status(), r.err() + r.out());
        Path prefix = remotes.s3Object("rooms/room-7/2026-12-01/193000-blue-room");
        assertEquals(List.of(Path.of("01-track1.wav"), Path.of("02-track2.wav"), Path.of("take.json")), filesUnder(prefix));
        Path take = lib.resolve("2026-12-01/193000-blue-room");
        for (Path f : filesUnder(prefix)) assertArrayEquals(Files.readAllBytes(take.resolve(f)), Files.readAllBytes(prefix.resolve(f)), f.toString());
        UploadQueue queue = new UploadQueue(lib);
        assertTrue(queue.jobs().isEmpty());
        assertEquals(3, queue.verified().size());
        assertEquals(Publisher.md5(take.resolve("01-track1.wav")), queue.verified().stream()
                .filter(n -> n.path("local").asText().endsWith("01-track1.wav")).findFirst().orElseThrow().path("md5").asText());
        // A second run finds nothing new to send.
        Run again = taperoom("publish", "--library", lib.toString(), "--to", "school-s3:recordings/rooms", "--what", "takes",
                "--rclone-config", remotes.config.toString(), "--host", "room-7");
        assertTrue(again.out().contains("queued 0 new files"), again.out());
    }

    @Test
    void exportsGoToWebdavWithoutTheQuickMixOrTheTracks() throws Exception {
        Path lib = library("lib-dav", 1000, 1);
        Run r = taperoom("publish", "--library", lib.toString(), "--to", "nas:archive", "--rclone-config", remotes.config.toString(),
                "--host", "room-8");
        assertEquals(0, r.status(), r.err() + r.out());
        assertEquals(List.of(Path.of("renders/20261201-200000-master.mp3"), Path.of("renders/20261201-200000-master.mp3.json")),
                filesUnder(remotes.davFolder.resolve("archive/room-8/2026-12-01/193000-blue-room")));
    }

    @Test
    void aRemoteThatRefusesWritesIsAClearRetriedFailureAndNoLocalFileIsLost() throws Exception {
        Path lib = library("lib-ro", 1000, 1);
        List<Path> before = filesUnder(lib);
        Run r = taperoom("publish", "--library", lib.toString(), "--to", "full-nas:x", "--what", "takes", "--attempts", "2",
                "--backoff-seconds", "0.2", "--rclone-config", remotes.config.toString(), "--host", "room-9");
        assertEquals(1, r.status(), r.out());
        // Standard error carries the log's line per failed attempt (feedback while it retries) and then
        // the command's one-line answer.
        List<String> answer = r.err().strip().lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|WARN) .*")).toList();
        assertEquals(4, r.err().lines().filter(l -> l.contains("WARN  Publisher: upload of")).count(), r.err());
        assertEquals(1, answer.size(), r.err());
        assertTrue(answer.get(0).startsWith("taperoom publish: 2 files not published after 2 attempts (still queued, local files kept): rclone copyto failed"), r.err());
        List<PublishJob> jobs = new UploadQueue(lib).jobs();
        assertEquals(2, jobs.size());
        for (PublishJob j : jobs) {
            assertEquals(2, j.attempts());
            assertTrue(j.lastError().contains("rclone copyto failed"), j.lastError());
        }
        List<Path> after = filesUnder(lib);
        after = after.stream().filter(p -> !p.startsWith(UploadQueue.FOLDER)).toList();
        assertEquals(before, after, "every local file is still there");
        assertFalse(r.err().contains(Remotes.SECRET_KEY) || r.out().contains(Remotes.SECRET_KEY));
    }

    @Test
    void anUnknownRemoteIsOneLineNamingTheDefinedOnes() throws Exception {
        Path lib = library("lib-unknown", 10, 1);
        Run r = taperoom("publish", "--library", lib.toString(), "--to", "dropbox:x", "--rclone-config", remotes.config.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--to dropbox:x: no remote \"dropbox\" in " + remotes.config + "; it defines: full-nas, nas, school-s3"), r.err());
    }

    /** The publisher's rclone processes that are uploading now. */
    private static List<ProcessHandle> uploads(Process publisher) {
        return publisher.descendants().filter(h -> h.info().commandLine().orElse("").contains(" copyto ")).toList();
    }

    @Test
    void aPublisherKilledMidUploadAtRandomMomentsDeliversEveryFileExactlyOnceAndIntact() throws Exception {
        Path lib = library("lib-kill", 400_000, 4);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "publish",
                "--library", lib.toString(), "--to", "school-s3:recordings/kill", "--what", "all", "--bwlimit", "800k",
                "--rclone-config", remotes.config.toString(), "--host", "room-k", "--backoff-seconds", "0.1");
        Random rnd = new Random(20261207);
        List<Long> killedAfterMillis = new ArrayList<>();
        int killedDuringUpload = 0;
        for (int round = 0; round < 4; round++) {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Wait until the run is working on the queue (the JVM's start is slow on a loaded machine), then a random moment.
            long deadline = System.currentTimeMillis() + 20_000;
            while (p.isAlive() && uploads(p).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(5);
            long after = rnd.nextInt(500);
            if (p.waitFor(after, TimeUnit.MILLISECONDS)) break;
            // The random moment may fall between two files (on a loaded machine one upload can end
            // before it): the kill then waits for the next upload to be running, so it lands mid-upload.
            long between = System.currentTimeMillis() + 5_000;
            while (p.isAlive() && uploads(p).isEmpty() && System.currentTimeMillis() < between) Thread.sleep(2);
            List<ProcessHandle> children = p.descendants().toList();
            if (!uploads(p).isEmpty()) killedDuringUpload++;
            p.destroyForcibly().waitFor();
            // Every other round is a power cut: rclone dies with the appliance; otherwise it is orphaned and runs on.
            if (round % 2 == 0) children.forEach(ProcessHandle::destroyForcibly);
            killedAfterMillis.add(after);
        }
        Process last = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(last.getInputStream().readAllBytes());
        assertEquals(0, last.waitFor(), out);
        System.out.println("killed the publisher " + killedAfterMillis + " ms into its work, " + killedDuringUpload
                + " times with rclone running; the last run said: " + out.lines().filter(l -> !l.contains(" INFO ")).toList());
        assertTrue(killedDuringUpload >= 2, "kills came mid-upload: " + killedDuringUpload + " of " + killedAfterMillis.size());
        Path take = lib.resolve("2026-12-01/193000-blue-room");
        List<Path> local = filesUnder(take).stream().filter(p -> !p.toString().startsWith(".")).toList();
        Path prefix = remotes.s3Object("kill/room-k/2026-12-01/193000-blue-room");
        // Leftover rclone processes of killed runs may still be finishing a copy of the same bytes; let them end.
        Thread.sleep(1500);
        assertEquals(local, filesUnder(prefix), "each file once, nothing else");
        for (Path f : local) assertArrayEquals(Files.readAllBytes(take.resolve(f)), Files.readAllBytes(prefix.resolve(f)), f.toString());
        assertTrue(new UploadQueue(lib).jobs().isEmpty());
        assertEquals(local.size(), new UploadQueue(lib).verified().size());
    }
}
