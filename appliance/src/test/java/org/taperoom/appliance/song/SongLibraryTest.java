package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.TakeSettings;

/** Songs in the library: made from a take, comped, muted, saved atomically, and never lost to a missing pass. */
class SongLibraryTest {
    @TempDir
    Path library;

    private String rehearsal() throws Exception {
        return SongRig.take(library, "201500-rehearsal", List.of("guitar", "bass", "vox"),
                List.of(SongRig.noise(4800, 0.1, 1), SongRig.noise(4800, 0.1, 2), SongRig.noise(4800, 0.1, 3)));
    }

    @Test
    void aTakeBecomesASongWhoseLanesAreItsTracksWithItsMix() throws Exception {
        String take = rehearsal();
        TakeSettings.putMix(library.resolve("2026-12-07/201500-rehearsal"),
                "{\"tracks\": {\"bass\": {\"fader_db\": -3}}}");
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Night Bus", take);
        assertEquals("night-bus", s.id());
        assertEquals(List.of("guitar", "bass", "vox"), s.lanes().stream().map(Lane::name).toList());
        assertEquals(new Pass(take, "02-bass", 0), s.lane("bass").activePass());
        assertEquals(-3, s.strip("bass").faderDb(), "the take's mix moves to the song, keyed by lane");
        assertEquals(48000, s.rateHz());
        Song again = songs.load("night-bus");
        assertEquals(s, again, "what was saved reads back the same");
        assertEquals("night-bus-2", songs.create("Night Bus", null).id(), "a second song of the same name gets its own id");
        assertEquals(2, songs.list().size());
    }

    @Test
    void aSongGoesToTheTrashWithoutItsTakesAndComesBackAsItWas() throws Exception {
        String take = rehearsal();
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Bin Me", take).withTempo(101, "3/4");
        songs.save(s);
        String trashId = songs.trash("bin-me");
        assertEquals("bin-me", trashId);
        assertEquals(List.of(), songs.list(), "a trashed song is not listed");
        assertThrows(java.util.NoSuchElementException.class, () -> songs.load("bin-me"));
        assertTrue(Files.isRegularFile(library.resolve(".trash/songs/bin-me/song.json")), "the document is in the library's trash folder");
        assertTrue(Files.isRegularFile(library.resolve("2026-12-07/201500-rehearsal/01-guitar.wav")), "its takes stay in the library");
        assertEquals(List.of(new SongLibrary.Trashed("bin-me", "bin-me", "Bin Me")), songs.trashed());

        songs.create("Bin Me", null);
        SongException taken = assertThrows(SongException.class, () -> songs.restore("bin-me"));
        assertTrue(taken.getMessage().contains("a song bin-me exists again"), taken.getMessage());
        assertEquals("bin-me~2", songs.trash("bin-me"), "a second song of that id goes beside the first");
        assertEquals(s, songs.restore("bin-me"), "the song comes back as it was");
        assertEquals(List.of("bin-me~2"), songs.trashed().stream().map(SongLibrary.Trashed::trashId).toList());
        assertThrows(java.util.NoSuchElementException.class, () -> songs.restore("../2026-12-07"));
    }

    @Test
    void compingMutingAndSoloingAreKeptInTheDocument() throws Exception {
        String take = rehearsal();
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Comp", take);
        Lane vox = s.lane("vox").withNewPass(new Pass(take, "01-guitar", 480));
        s = s.withLane(vox).withActivePass("vox", 0).withMute("guitar", true).withSolo("vox", true)
                .withTempo(96, "6/8").withKey("E minor")
                .withSections(List.of(new Song.Section("verse", 0), new Song.Section("chorus", 96000)))
                .withMarkers(List.of(new Song.Marker("breath", 1234)));
        songs.save(s);
        Song back = songs.load("comp");
        assertEquals(s, back);
        assertEquals(0, back.lane("vox").active());
        assertEquals(2, back.lane("vox").passes().size());
        assertTrue(back.strip("guitar").mute());
        assertTrue(back.strip("vox").solo());
        assertEquals("6/8", back.timeSignature());
        assertThrows(IllegalArgumentException.class, () -> back.withActivePass("vox", 2), "there is no third pass");
    }

    @Test
    void savingReplacesTheDocumentWholeAndLeavesNoTemporaryFile() throws Exception {
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Atomic", rehearsal());
        for (int i = 0; i < 20; i++) songs.save(s.withTempo(60 + i, "4/4"));
        try (Stream<Path> files = Files.list(songs.folderOf("atomic"))) {
            assertEquals(List.of("song.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(79, songs.load("atomic").tempoBpm());
    }

    @Test
    void aMissingPassIsReportedAndTheOtherLanesStillPlay() throws Exception {
        String take = rehearsal();
        SongLibrary songs = new SongLibrary(library);
        Song s = songs.create("Gone", take);
        s = s.withLane(s.lane("vox").withNewPass(new Pass("2026-12-07_999999-lost", "01-vox", 0)));
        songs.save(s);
        Files.delete(library.resolve("2026-12-07/201500-rehearsal/01-guitar.wav"));
        SongArrangement a = SongArrangement.of(songs.load("gone"), library);
        assertEquals(List.of("bass"), a.tracks().tracks().stream().map(t -> t.name()).toList());
        assertEquals(2, a.missing().size());
        assertTrue(a.missing().get(0).contains("lane guitar: track 01-guitar is missing"), a.missing().get(0));
        assertTrue(a.missing().get(1).contains("lane vox: take 2026-12-07_999999-lost is missing"), a.missing().get(1));
    }

    @Test
    void aDamagedDocumentGetsOneLineNamingTheKey() throws Exception {
        SongLibrary songs = new SongLibrary(library);
        songs.create("Bad", null);
        Files.writeString(SongRig.songFile(library, "bad"), "{\"format\": \"taperoom-song/1\", \"rate_hz\": 48000, \"tempo\": 90}");
        SongException e = assertThrows(SongException.class, () -> songs.load("bad"));
        assertTrue(e.getMessage().startsWith("song.json: unknown key tempo;"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(songs.list().isEmpty(), "a damaged song is not listed");
    }
}
