package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.taperoom.appliance.dsp.analysis.SyntheticSong;
import org.taperoom.appliance.testing.TestAudio;

/**
 * The panel detects tempo, time signature, key and progression in a take and puts them on its
 * sheet with one tap. The take's tracks are a synthetic band with known truth: F#m–D–A–E in
 * F# minor, 3/4 at 132 BPM (as the analyze command's test).
 */
@ExtendWith(PanelRigExtension.class)
class SheetDetectionTest {
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;
    static SyntheticSong.Song song;

    @BeforeAll
    static void aTakeOfAKnownSong() throws Exception {
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 600);
        song = SyntheticSong.render(new SyntheticSong.Spec("panel", 132, 3, 6, true, SyntheticSong.MINOR_PROGRESSIONS.get(0), 0, 0, 16, 48000, 5));
        Path folder = rig.library.resolve(takeId.substring(0, 10)).resolve(takeId.substring(11));
        float[] half = new float[song.samples().length];
        for (int i = 0; i < half.length; i++) half[i] = song.samples()[i] * 0.5f;
        try (var files = Files.list(folder)) {
            for (Path wav : files.filter(f -> f.toString().endsWith(".wav")).toList()) TestAudio.writeMono24(wav, 48000, half);
        }
    }

    @Test
    void theTakesTempoTimeKeyAndProgressionAreDetected() throws Exception {
        String before = user.get("/api/takes/" + takeId + "/sheet").body();
        HttpResponse<String> r = user.get("/api/takes/" + takeId + "/sheet/detect");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode found = user.json(r);
        assertEquals(song.truth().tempoBpm(), found.get("tempoBpm").asDouble(), song.truth().tempoBpm() * 0.02, found.toString());
        assertEquals("3/4", found.get("timeSignature").asText(), found.toString());
        assertEquals("F#m", found.get("key").asText(), found.toString());
        assertEquals(List.of("F#m", "D", "A", "E"), PanelRig.JSON.convertValue(found.get("progression"), List.class), found.toString());
        assertEquals(song.samples().length / 48000.0, found.get("analysedSeconds").asDouble(), 0.1, "the whole take, under ten minutes");
        assertEquals(before, user.get("/api/takes/" + takeId + "/sheet").body(), "detecting stores nothing");
    }

    @Test
    void badDetectedValuesAreRefusedNamingTheField() throws Exception {
        for (String[] c : new String[][] {
                {"{\"tempoBpm\": 900}", "tempoBpm"}, {"{\"timeSignature\": \"three\"}", "timeSignature"},
                {"{\"key\": \"H minor\"}", "key"}, {"{\"progression\": [\"Am\", \"Xyz\"]}", "progression"}, {"{\"mood\": 1}", "mood"}}) {
            HttpResponse<String> r = user.change("POST", "/api/takes/" + takeId + "/sheet/detected", c[0]);
            assertEquals(400, r.statusCode(), c[0] + " → " + r.body());
            assertTrue(user.json(r).get("error").asText().startsWith(c[1] + ": "), r.body());
        }
        assertEquals(404, user.get("/api/songs/no-such-song/sheet/detect").statusCode());
    }

    @Test
    void oneTapPutsWhatWasDetectedOnTheTakesSheet() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("sheets");
            b.js("location.hash = arguments[0]", "sheets/take/" + takeId);
            b.find("#sheet-detect").click();
            b.find("#sheet-use-detected");
            String shown = b.find("#sheet-detected").getText();
            assertTrue(shown.contains("F#m") && shown.contains("3/4") && shown.contains("F#m D A E"), shown);
            b.screenshot("sheet-detected-800x480");
            b.find("#sheet-use-detected").click();
            b.until(d -> d.findElements(By.id("sheet-head")).isEmpty() ? null : true);
            String head = b.find("#sheet-head").getText();
            assertTrue(head.contains("Key F#m") && head.contains("3/4"), head);
            @SuppressWarnings("unchecked")
            List<String> chords = (List<String>) b.js("return [...document.querySelectorAll('.sheet-section.kind-progression .sheet-chord')].map(e => e.textContent.trim())");
            assertEquals(List.of("F#m", "D", "A", "E"), chords);
            assertEquals("Progression", b.find(".sheet-section.kind-progression .sheet-section-title").getText());
        }
        JsonNode stored = user.json(user.get("/api/takes/" + takeId + "/sheet"));
        assertEquals("F#m", stored.get("key").asText());
        assertTrue(stored.get("chordPro").asText().contains("{start_of_progression}\n[F#m] [D] [A] [E]\n{end_of_progression}"), stored.get("chordPro").asText());
    }
}
