package org.taperoom.appliance.recording.take;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** take.json's end reason is a type in the code and the same strings on disk as ever. */
class TakeJsonEndReasonTest {

    @Test
    void everyEndReasonIsReadFromAndWrittenAsTheStringsEarlierVersionsWrote(@TempDir Path dir) throws Exception {
        String[] onDisk = {"stopped", "duration", "device-gone", "disk-full", "write-failed", "recovered"};
        for (String name : onDisk) {
            Files.writeString(dir.resolve(TakeJson.FILE_NAME), "{\"format\":\"taperoom-take/1\",\"state\":\"complete\",\"endReason\":\"" + name + "\"}");
            TakeInfo info = TakeJson.read(dir);
            assertEquals(name, info.endReason.wireName());
            TakeJson.write(dir, info);
            assertTrue(Files.readString(dir.resolve(TakeJson.FILE_NAME)).contains("\"endReason\" : \"" + name + "\""),
                    "written back as " + name);
        }
        assertEquals(onDisk.length, EndReason.values().length, "every reason has its string");
    }

    @Test
    void aReasonThisVersionDoesNotKnowReadsAsNoneInsteadOfFailingTheTake(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(TakeJson.FILE_NAME), "{\"format\":\"taperoom-take/1\",\"state\":\"complete\",\"endReason\":\"battery-low\"}");
        TakeInfo info = TakeJson.read(dir);
        assertNull(info.endReason);
        assertEquals(TakeInfo.COMPLETE, info.state);
    }
}
