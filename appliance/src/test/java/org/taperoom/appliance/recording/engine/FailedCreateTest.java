package org.taperoom.appliance.recording.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.wav.HookedFileOps;
import org.taperoom.drivers.sim.SimSignal;

/** A take the disk refuses leaves nothing behind: no empty track file, no folder without take.json. */
class FailedCreateTest {

    /** Writes as the disk would once it is full: take.json gets in, the first track file's header does not. */
    private static final class FullAfter extends HookedFileOps {
        private final int writesAllowed;
        private int writes;

        FullAfter(int writesAllowed) {
            this.writesAllowed = writesAllowed;
        }

        @Override
        protected boolean before(String kind, long pos, int bytes) throws IOException {
            if (kind.equals("write") && writes++ >= writesAllowed) throw new IOException("No space left on device");
            return true;
        }
    }

    @Test
    void aTakeRefusedByAFullDiskLeavesNoFileAndNoFolderBehind(@TempDir Path dir) throws Exception {
        for (int allowed : new int[] {0, 1, 2}) {
            Path library = dir.resolve("lib" + allowed);
            try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(library, 2, 48000, "24"), Recordings.unpaced(SimSignal.SINE),
                    new FullAfter(allowed))) {
                engine.start();
                EngineException e = assertThrows(EngineException.class, () -> engine.startTake(TakeRequest.everything("full")));
                assertTrue(e.getMessage().contains("No space left"), e.getMessage());
            }
            try (Stream<Path> left = Files.walk(library)) {
                assertEquals(List.of(library), left.toList(), "after " + allowed + " writes got in, nothing of the take is left");
            }
        }
    }
}
