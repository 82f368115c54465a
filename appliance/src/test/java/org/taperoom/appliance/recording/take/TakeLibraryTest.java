package org.taperoom.appliance.recording.take;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimSignal;

/** The take library: list, rename, notes, delete to the trash, restore, purge; the files are the truth. */
class TakeLibraryTest {

    private static TakeRef take(Path dir) throws Exception {
        return Recordings.record(Recordings.config(dir, 2, 48000, "16"), Recordings.unpaced(SimSignal.SINE), 4800).ref();
    }

    @Test
    void takesAreListedFromTheirFoldersRenamedAnnotatedTrashedRestoredAndPurged(@TempDir Path dir) throws Exception {
        TakeRef a = take(dir);
        Thread.sleep(1100); // a different second: a different folder and a later start
        TakeRef b = take(dir);
        TakeLibrary lib = new TakeLibrary(dir);
        assertEquals(List.of(b.id(), a.id()), lib.list().stream().map(Take::id).toList(), "newest first");
        assertEquals(4800, lib.get(a.id()).orElseThrow().info().frames);

        TakeRef renamed = lib.rename(a.id(), "Bass riff (take 2)");
        assertTrue(renamed.id().endsWith("-bass-riff-take-2"), renamed.id());
        assertTrue(Files.isDirectory(renamed.folder()) && !Files.exists(a.folder()));
        assertEquals("Bass riff (take 2)", lib.get(renamed.id()).orElseThrow().info().name);

        lib.setNotes(renamed.id(), "keep the second half");
        assertEquals("keep the second half", TakeJson.read(renamed.folder()).notes, "notes are in take.json");

        lib.delete(renamed.id());
        assertEquals(List.of(b.id()), lib.list().stream().map(Take::id).toList());
        assertEquals(List.of(renamed.id()), lib.trash().stream().map(Take::id).toList());
        TakeRef restored = lib.restore(renamed.id());
        assertEquals(renamed.id(), restored.id());
        assertEquals(2, lib.list().size());

        lib.delete(b.id());
        lib.purge(b.id());
        assertEquals(List.of(), lib.trash());
        assertFalse(Files.exists(b.folder()));
        assertThrows(NoSuchElementException.class, () -> lib.get(b.id()).orElseThrow());
        assertThrows(NoSuchElementException.class, () -> lib.setNotes("2020-01-01_000000-none", "x"));
        assertThrows(NoSuchElementException.class, () -> lib.restore("nothing-here"));
    }

    @Test
    void takeJsonKeepsFieldsWrittenByOtherPartsOfTheAppliance(@TempDir Path dir) throws Exception {
        TakeRef a = take(dir);
        Path json = a.folder().resolve(TakeJson.FILE_NAME);
        String text = Files.readString(json).strip();
        Files.writeString(json, text.substring(0, text.length() - 1) + ", \"mix\": {\"gainDb\": [-3.0, 1.5]}}");
        new TakeLibrary(dir).setNotes(a.id(), "n");
        assertTrue(Files.readString(json).contains("\"gainDb\""), "unknown fields survive a rewrite");
    }

    @Test
    void theTakeBeingRecordedCannotBeRenamedOrDeleted(@TempDir Path dir) throws Exception {
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 1, 48000, "24"), Recordings.unpaced(SimSignal.SINE))) {
            engine.start();
            TakeRef ref = engine.startTake(TakeRequest.everything("test"));
            assertThrows(IllegalStateException.class, () -> engine.library().delete(ref.id()));
            assertThrows(IllegalStateException.class, () -> engine.library().rename(ref.id(), "x"));
            engine.stopTake();
            engine.library().delete(ref.id());
            assertEquals(1, engine.library().trash().size());
        }
    }
}
