package org.taperoom.web.school;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.Take;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeLibrary;

/** Students' takes older than the expiry go to the trash; kept ones, newer ones and teachers' stay. */
class ExpiryTest {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    static Path take(TakeLibrary library, String name, int daysOld, String source) throws Exception {
        LocalDateTime started = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).minusDays(daysOld);
        Path folder = library.createTakeFolder(started, name);
        TakeInfo info = new TakeInfo();
        info.name = name;
        info.state = TakeInfo.COMPLETE;
        info.started = started.atOffset(ZoneOffset.UTC).toString();
        info.source = source;
        TakeJson.write(folder, info);
        return folder;
    }

    @Test
    void aStudentsTakeOlderThanTheExpiryGoesToTheTrashUnlessATeacherKeepsIt(@TempDir Path dir) throws Exception {
        TakeLibrary library = new TakeLibrary(dir);
        take(library, "old", 31, "student:s0123456789");
        Path kept = take(library, "kept", 40, "student:s0123456789");
        TakeMarks.NONE.withKeep(true).write(kept);
        take(library, "recent", 29, "student:s0123456789");
        take(library, "teachers", 90, "button");

        List<String> moved = new Expiry(library, 30).run(NOW);

        assertEquals(1, moved.size(), moved.toString());
        assertEquals(List.of("recent", "kept", "teachers").stream().sorted().toList(),
                library.list().stream().map(t -> t.info().name).sorted().toList());
        assertEquals(List.of("old"), library.trash().stream().map((Take t) -> t.info().name).toList());
        assertEquals(List.of(), new Expiry(library, 0).run(NOW.plusSeconds(86_400L * 3650)), "0 days: nothing expires");
    }
}
