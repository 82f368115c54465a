package org.taperoom.appliance.dsp.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.settings.SettingsException;

/** release.json mistakes each get one line naming the key and what would be right. */
class ReleaseDocumentTest {
    @TempDir
    Path dir;

    private String error(String json) throws Exception {
        Files.createDirectories(dir.resolve("library/2026-12-01/193000-a"));
        Path doc = dir.resolve("release.json");
        Files.writeString(doc, json);
        return assertThrows(SettingsException.class, () -> ReleaseDocument.load(doc, dir.resolve("library"))).getMessage();
    }

    private static String doc(String track, String extra) {
        return "{\"album\": \"A\", \"album_artist\": \"B\"" + extra + ", \"tracks\": [" + track + "]}";
    }

    @Test
    void aMistypedIsrcIsNamedWithItsShape() throws Exception {
        assertEquals("tracks[0].isrc: \"GB-XY-26-1\" is not an ISRC; expected CC-XXX-YY-NNNNN (e.g. GB-XYZ-26-00001)",
                error(doc("{\"take\": \"2026-12-01/193000-a\", \"title\": \"T\", \"isrc\": \"GB-XY-26-1\"}", "")));
    }

    @Test
    void aUpcWithAWrongCheckDigitIsCaught() throws Exception {
        assertEquals("upc: \"036000291453\" has check digit 3, but its digits give 2 (a typo?)",
                error(doc("{\"take\": \"2026-12-01/193000-a\", \"title\": \"T\"}", ", \"upc\": \"036000291453\"")));
    }

    @Test
    void aMissingTakeAndAnUnknownKeyAreNamed() throws Exception {
        assertEquals("tracks[0].take: no take folder 2026-12-02/x in " + dir.resolve("library"),
                error(doc("{\"take\": \"2026-12-02/x\", \"title\": \"T\"}", "")));
        assertEquals("tracks[0].titel: unknown key (did you mean title?); known keys: take, title, artist, isrc",
                error(doc("{\"take\": \"2026-12-01/193000-a\", \"title\": \"T\", \"titel\": \"x\"}", "")));
    }

    @Test
    void aTakeOutsideTheLibraryIsRefused() throws Exception {
        assertEquals("tracks[0].take: \"../../etc\" points outside the library",
                error(doc("{\"take\": \"../../etc\", \"title\": \"T\"}", "")));
    }

    @Test
    void anUnknownOutputPresetListsTheKnownOnes() throws Exception {
        assertEquals("outputs: \"wav\" is not an output preset; use one of distributor-wav, hires-wav, flac, mp3, opus",
                error(doc("{\"take\": \"2026-12-01/193000-a\", \"title\": \"T\"}", ", \"outputs\": [\"wav\"]")));
    }

    @Test
    void aCoverThatIsNotAnImageIsRefused() throws Exception {
        Files.writeString(dir.resolve("cover.jpg"), "not a picture");
        assertEquals("cover: cover.jpg is neither JPEG nor PNG (what stores and tags accept)",
                error(doc("{\"take\": \"2026-12-01/193000-a\", \"title\": \"T\"}", ", \"cover\": \"cover.jpg\"")));
    }
}
