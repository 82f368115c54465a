package org.taperoom.appliance.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeLibrary;

/** Retention frees space only for takes verified on the remote, unchanged since, and older than the newest N days. */
class RetentionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    @TempDir
    Path dir;

    private Path take(TakeLibrary library, LocalDate day, String name) throws Exception {
        Path folder = library.createTakeFolder(day.atTime(19, 30), name);
        TakeInfo info = new TakeInfo();
        info.name = name;
        info.state = TakeInfo.COMPLETE;
        info.started = LocalDateTime.of(day, java.time.LocalTime.of(19, 30)).toString();
        TakeJson.write(folder, info);
        Files.writeString(folder.resolve("01-vocals.wav"), "audio of " + name);
        return folder;
    }

    /** Records every raw file of {@code take} as uploaded and verified, as the publisher does after an MD5 match. */
    private static void verify(UploadQueue queue, Path take, String except) throws Exception {
        for (Path f : PublishScope.TAKES.files(take)) {
            if (f.toString().equals(except)) continue;
            Path local = take.resolve(f);
            queue.enqueue(local, "nas:x/" + take.getFileName() + "/" + f, 0);
            PublishJob job = queue.jobs().stream().filter(j -> j.localPath().equals(local.toAbsolutePath().toString())).findFirst().orElseThrow();
            queue.complete(job, Publisher.md5(local), 0);
        }
    }

    @Test
    void onlyOldVerifiedUnchangedTakesGoToTheTrash() throws Exception {
        TakeLibrary library = new TakeLibrary(dir.resolve("library"));
        UploadQueue queue = new UploadQueue(library.root());
        Path oldSafe = take(library, TODAY.minusDays(10), "old safe");
        Path recentSafe = take(library, TODAY.minusDays(2), "recent safe");
        Path oldPartly = take(library, TODAY.minusDays(10), "old partly");
        Path oldChanged = take(library, TODAY.minusDays(10), "old changed");
        verify(queue, oldSafe, null);
        verify(queue, recentSafe, null);
        verify(queue, oldPartly, "01-vocals.wav");
        verify(queue, oldChanged, null);
        Files.writeString(oldChanged.resolve("01-vocals.wav"), "re-recorded after the upload");

        List<String> trashed = new Retention(library, queue, 3).apply(TODAY);

        assertEquals(List.of("2026-11-27_193000-old-safe"), trashed);
        assertTrue(Files.notExists(oldSafe));
        assertEquals(1, library.trash().size(), "in the trash, not gone");
        for (Path kept : List.of(recentSafe, oldPartly, oldChanged)) assertTrue(Files.isRegularFile(kept.resolve("01-vocals.wav")), kept.toString());
    }
}
