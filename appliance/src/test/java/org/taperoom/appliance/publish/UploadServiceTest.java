package org.taperoom.appliance.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeLibrary;

/**
 * The service's publisher honours its rules against rclone's WebDAV server: outside its time
 * window it queues but uploads nothing (and says so in its figures); with a retention rule, a
 * take older than the newest days goes to the trash once its raw files are verified on the
 * remote, and a recent one stays.
 */
class UploadServiceTest {
    @TempDir
    static Path dir;
    static Remotes remotes;

    @BeforeAll
    static void start() throws Exception {
        remotes = new Remotes(dir.resolve("remotes"));
    }

    @AfterAll
    static void stop() throws Exception {
        remotes.close();
    }

    private static Path take(TakeLibrary library, LocalDateTime when, String name) throws Exception {
        Path folder = library.createTakeFolder(when, name);
        TakeInfo info = new TakeInfo();
        info.name = name;
        info.state = TakeInfo.COMPLETE;
        info.started = when.toString();
        TakeJson.write(folder, info);
        Files.writeString(folder.resolve("01-vocals.wav"), "audio of " + name);
        return folder;
    }

    private static UploadService.Settings settings(String destination, TimeWindow window, int retainDays) {
        return new UploadService.Settings(new PublishPlan(destination, "room-3", PublishScope.TAKES), remotes.config, null, window, retainDays,
                200, 300, 300, 10_000);
    }

    @Test
    void outsideItsTimeWindowThePublisherQueuesButUploadsNothing() throws Exception {
        TakeLibrary library = new TakeLibrary(dir.resolve("closed-library"));
        take(library, LocalDateTime.of(2026, 12, 1, 19, 30), "late song");
        // Noon, with uploads only at night.
        Clock noon = Clock.fixed(LocalDateTime.of(2026, 12, 7, 12, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        try (UploadService uploads = new UploadService(library.root(), library, settings("nas:closed", TimeWindow.parse("22:00-06:00"), 0), noon)) {
            uploads.start();
            long deadline = System.currentTimeMillis() + 20_000;
            while (uploads.figures().queued() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(50);
            Thread.sleep(1500);
            UploadFigures f = uploads.figures();
            assertEquals(2, f.queued(), "track and take.json queued: " + f);
            assertFalse(f.windowOpen());
            assertEquals(0, f.done());
            assertEquals(0, f.failed());
            assertFalse(Files.exists(remotes.davFolder.resolve("closed")), "nothing reached the remote outside the window");
        }
    }

    @Test
    void retentionTrashesOnlyTheOldTakeOnceItsFilesAreVerifiedOnTheRemote() throws Exception {
        TakeLibrary library = new TakeLibrary(dir.resolve("retain-library"));
        LocalDateTime now = LocalDateTime.now();
        Path old = take(library, now.minusDays(10), "old song");
        Path recent = take(library, now.with(LocalTime.of(0, 5)), "new song");
        try (UploadService uploads = new UploadService(library.root(), library, settings("nas:retain", TimeWindow.ALWAYS, 3), Clock.systemDefaultZone())) {
            uploads.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (Files.exists(old) && System.currentTimeMillis() < deadline) Thread.sleep(100);
            assertFalse(Files.exists(old), "the old take went to the trash: " + uploads.figures());
            assertTrue(Files.exists(recent), "the newest days stay");
            assertEquals(4, uploads.figures().done());
            List<String> trashed;
            try (var s = Files.list(library.root().resolve(".trash"))) {
                trashed = s.map(p -> p.getFileName().toString()).toList();
            }
            assertEquals(1, trashed.size(), "in the trash, not deleted: " + trashed);
            Path remote = remotes.davFolder.resolve("retain/room-3").resolve(old.getParent().getFileName()).resolve(old.getFileName());
            assertEquals("audio of old song", Files.readString(remote.resolve("01-vocals.wav")));
        }
    }
}
