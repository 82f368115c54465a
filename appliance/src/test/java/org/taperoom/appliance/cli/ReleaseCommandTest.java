package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taperoom.appliance.cli.Run.taperoom;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.testing.TestAudio;

/** {@code taperoom release} as a user meets it: the folder it prints, and one line for a bad document. */
class ReleaseCommandTest {
    @Test
    void releaseBuildsTheFolderAndPrintsItsZip(@TempDir Path dir) throws Exception {
        Path library = dir.resolve("library");
        TestAudio.writeTake(library.resolve("2026-12-01/193000-a"), 48000, List.of("tone"), List.of(TestAudio.sine(48000, 440, 0.3, 3)));
        Path doc = dir.resolve("release.json");
        Files.writeString(doc, """
                {"album": "Single", "album_artist": "Ann", "outputs": ["distributor-wav", "mp3"],
                 "tracks": [{"take": "2026-12-01/193000-a", "title": "A Tone"}]}""");
        Run r = taperoom("release", "--library", library.toString(), "--from", doc.toString(), "--out", dir.resolve("single").toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("zip: " + dir.resolve("single/Single.zip")), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("single/wav-16bit-44k1/01 - A Tone.wav")));
        assertTrue(Files.isRegularFile(dir.resolve("single/mp3-320k/01 - A Tone.mp3")));
    }

    @Test
    void aBadDocumentIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("library"));
        Path doc = dir.resolve("release.json");
        Files.writeString(doc, "{\"album\": \"Single\", \"album_artist\": \"Ann\", \"tracks\": [{\"song\": \"x\", \"title\": \"T\"}]}");
        Run r = taperoom("release", "--library", dir.resolve("library").toString(), "--from", doc.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("tracks[0].song: songs cannot be released yet; name the take instead"), r.err());
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    @Test
    void anExistingReleaseFolderIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Path library = dir.resolve("library");
        TestAudio.writeTake(library.resolve("2026-12-01/193000-a"), 48000, List.of("tone"), List.of(TestAudio.sine(48000, 440, 0.3, 1)));
        Path doc = dir.resolve("release.json");
        Files.writeString(doc, "{\"album\": \"S\", \"album_artist\": \"A\", \"outputs\": [\"opus\"], \"tracks\": [{\"take\": \"2026-12-01/193000-a\", \"title\": \"T\"}]}");
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/keep.txt"), "mine");
        Run r = taperoom("release", "--library", library.toString(), "--from", doc.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("already exists; name a new release folder"), r.err());
        assertEquals("mine", Files.readString(dir.resolve("out/keep.txt")));
    }
}
