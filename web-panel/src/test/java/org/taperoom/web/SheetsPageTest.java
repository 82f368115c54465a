package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.taperoom.appliance.song.SongLibrary;

/**
 * Song sheets on the panel, in Debian's Chromium on the 800×480 screen: a song's sheet shows its
 * chords over the words, transposes (spelled for the new key) and stores that version, the stage
 * view is large white-on-black type that scrolls by itself, and the print view is black on white
 * without the panel's controls (and prints to a PDF). The API refuses bad input naming the field.
 */
@ExtendWith(PanelRigExtension.class)
class SheetsPageTest {
    static final String SHEET = """
            {title: Harbour Lights}
            {key: G}
            {tempo: 96}
            {time: 3/4}
            # a comment for the writer
            {start_of_verse: Verse 1}
            [G]Lanterns on the [C]water, [D]slowly drifting [G]home
            [Em]Every boat a [C]story [D]we will never [G]know
            {end_of_verse}
            {start_of_chorus}
            [C]Harbour [G]lights, [D]keep me in your [Em]sight
            {end_of_chorus}
            """;
    static PanelRig rig;
    static PanelRig.Client user;
    static String songId;

    @BeforeAll
    static void aSongWithASheet() throws Exception {
        user = rig.loggedIn();
        songId = new SongLibrary(rig.library).create("Harbour Lights", null).id();
        HttpResponse<String> put = user.change("PUT", "/api/songs/" + songId + "/sheet", Body.of(Map.of("chordPro", SHEET)));
        assertEquals(200, put.statusCode(), put.body());
    }


    /** JSON text of a map. */
    static final class Body {
        static String of(Map<String, Object> m) throws Exception {
            return PanelRig.JSON.writeValueAsString(m);
        }
    }

    /** Logs in and opens {@code hash} (a sheet, or its stage view) from the Sheets page. */
    private static void openSheet(Browser b, String hash) {
        b.open(rig.base.toString());
        b.logIn(PanelRig.PIN);
        b.page("sheets");
        b.js("location.hash = arguments[0]", hash);
    }

    private static List<String> chordsShown(Browser b) {
        @SuppressWarnings("unchecked")
        List<String> chords = (List<String>) b.js("return [...document.querySelectorAll('#sheet-body .sheet-chord')]"
                + ".map(e => e.textContent.trim()).filter(t => t.length > 0)");
        return chords;
    }

    @Test
    void aSongsSheetShowsItsChordsTransposesAndStoresThatVersion() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("sheets");
            b.find("[data-sheet='song/" + songId + "']").click();
            assertEquals("Harbour Lights", b.find("#sheet-title").getText());
            assertEquals(List.of("G", "C", "D", "G", "Em", "C", "D", "G", "C", "G", "D", "Em"), chordsShown(b));
            assertTrue(b.find("#sheet-head").getText().contains("Key G"), b.find("#sheet-head").getText());
            assertEquals("Verse 1", b.find(".sheet-section-title").getText());
            assertEquals("Harbour LightsKey G · 96 BPM · 3/4 time", b.js("return document.getElementById('sheet-content').textContent.split('Verse 1')[0]"),
                    "the title and the head line, nothing else above the sections");
            b.screenshot("sheet-800x480");
            SmallScreensTest.assertNoSidewaysScrolling(b, 800, "sheet");
            @SuppressWarnings("unchecked")
            List<Object> small = (List<Object>) b.js("return [...document.querySelectorAll('#view button, #view a.button')]"
                    + ".filter(e => e.offsetParent !== null).map(e => [e.id, e.getBoundingClientRect().width, e.getBoundingClientRect().height])"
                    + ".filter(r => r[1] < 48 || r[2] < 48)");
            assertEquals(List.of(), small, "controls smaller than 48 px");

            // Up a whole tone: G major becomes A major, spelled with sharps (C# appears nowhere, F#m does).
            b.find("#sheet-up").click();
            b.until(d -> "+1".equals(d.findElement(By.id("sheet-transpose")).getText()) ? true : null);
            b.find("#sheet-up").click();
            b.until(d -> chordsShown(b).get(0).equals("A") && "+2".equals(d.findElement(By.id("sheet-transpose")).getText()) ? true : null);
            assertEquals(List.of("A", "D", "E", "A", "F#m", "D", "E", "A", "D", "A", "E", "F#m"), chordsShown(b));
            JsonNode stored = user.json(user.get("/api/songs/" + songId + "/sheet"));
            assertEquals("G", stored.get("key").asText(), "transposing only shows; the stored sheet is unchanged until saved");
            b.find("#sheet-save-moved").click();
            b.until(d -> d.findElement(By.id("sheet-save-moved")).isDisplayed() ? null : true);
            stored = user.json(user.get("/api/songs/" + songId + "/sheet"));
            assertEquals("A", stored.get("key").asText());
            assertTrue(stored.get("chordPro").asText().contains("[F#m]Every boat"), stored.get("chordPro").asText());
            assertTrue(stored.get("chordPro").asText().contains("# a comment for the writer"), "comments survive a transposition");
            // Back to G for the other tests.
            assertEquals(200, user.change("PUT", "/api/songs/" + songId + "/sheet", Body.of(Map.of("chordPro", SHEET))).statusCode());
        }
    }

    @Test
    void theStageViewIsLargeWhiteOnBlackTypeThatScrollsByItself() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            openSheet(b, "sheets/song/" + songId + "/stage");
            b.find("#stage");
            double fontPx = ((Number) b.js("return parseFloat(getComputedStyle(document.querySelector('#stage .sheet-text')).fontSize)")).doubleValue();
            assertTrue(fontPx >= 26, "stage type is large: " + fontPx + " px");
            assertEquals("rgb(0, 0, 0)", b.js("return getComputedStyle(document.getElementById('stage')).backgroundColor"));
            assertEquals("rgb(255, 255, 255)", b.js("return getComputedStyle(document.querySelector('#stage .sheet-text')).color"));
            assertEquals(Boolean.TRUE, b.js("return getComputedStyle(document.querySelector('header.bar')).display === 'none'"), "the panel's bar is gone");
            b.screenshot("sheet-stage-800x480");
            b.find("#stage-faster").click();
            b.find("#stage-faster").click();
            b.find("#stage-play").click();
            assertEquals("true", b.find("#stage-play").getAttribute("aria-pressed"));
            long before = ((Number) b.js("return document.getElementById('stage-scroll').scrollTop")).longValue();
            Thread.sleep(1500);
            long after = ((Number) b.js("return document.getElementById('stage-scroll').scrollTop")).longValue();
            assertTrue(after - before >= 20, "it scrolled by itself: " + before + " → " + after);
            b.find("#stage-play").click();
            assertEquals("false", b.find("#stage-play").getAttribute("aria-pressed"));
            b.find("#stage-exit").click();
            b.find("#sheet-title");
            assertEquals(Boolean.TRUE, b.js("return getComputedStyle(document.querySelector('header.bar')).display !== 'none'"), "the bar is back");
        }
    }

    @Test
    void leavingTheStageBeforeThePlayersStateArrivesBringsTheBarBack() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.logIn(PanelRig.PIN);
            b.page("sheets");
            // A loaded appliance: the player's state takes its time to answer.
            b.js("const f = window.fetch; window.fetch = (u, i) => String(u).startsWith('/api/playback')"
                    + " ? new Promise((ok) => setTimeout(ok, 4000)).then(() => f(u, i)) : f(u, i);");
            b.js("location.hash = arguments[0]", "sheets/song/" + songId + "/stage");
            b.find("#stage-exit").click();
            b.find("#sheet-title");
            assertEquals(Boolean.TRUE, b.js("return getComputedStyle(document.querySelector('header.bar')).display !== 'none'"), "the bar is back");
            Thread.sleep(4500);
            assertEquals(Boolean.TRUE, b.js("return getComputedStyle(document.querySelector('header.bar')).display !== 'none'"),
                    "the bar stays once the player's state arrives");
        }
    }

    /** Three sections of four lines each: more than the 800×480 stage shows at once. */
    static final String STAGED = """
            {title: Tide Table}
            {start_of_verse: Verse 1}
            [Am]Low tide at [F]seven, the [C]mud flats [G]shine
            [Am]Gulls on the [F]mooring, the [C]rope and the [G]line
            [Am]Boots in the [F]harbour, the [C]smell of the [G]brine
            [Am]Waiting for [F]water to [E]carry the [E7]sign
            {end_of_verse}
            {start_of_chorus: Chorus}
            [C]High tide, [G]high tide
            [Am]Bring the boats [F]home
            [C]High tide, [G]high tide
            [F]Never a[E]lone
            {end_of_chorus}
            {start_of_bridge: Bridge}
            [Dm]Moon pulls the [Am]water
            [Dm]Water pulls [E]me
            [Dm]Out past the [Am]breakwater
            [F]Into the [E]sea
            {end_of_bridge}
            """;

    /**
     * What the stage view shows as the current section, read at one moment (the playhead moves on):
     * its index, whether it is inside the visible part of the stage, its title as drawn (with the
     * sign before it) and the stage bar's words, e.g. {@code 1 visible | ▶ Chorus | Now: Chorus}.
     */
    private static String currentSection(Browser b) {
        return (String) b.js("const all = [...document.querySelectorAll('#stage .sheet-section')];"
                + "const i = all.findIndex(e => e.getAttribute('aria-current') === 'true');"
                + "if (i < 0) return 'none';"
                + "const s = document.getElementById('stage-scroll').getBoundingClientRect(), r = all[i].getBoundingClientRect();"
                + "const t = all[i].querySelector('.sheet-section-title');"
                + "return i + (r.top >= s.top - 1 && r.top < s.bottom - 40 ? ' visible' : ' hidden at ' + r.top)"
                + " + ' | ' + getComputedStyle(t, '::before').content.replaceAll('\"', '') + t.textContent"
                + " + ' | ' + document.getElementById('stage-now').textContent;");
    }

    private static void awaitShown(Browser b, String shown) {
        b.until(d -> shown.equals(currentSection(b)) ? true : null);
    }

    @Test
    void whileTheTakePlaysTheStageViewShowsTheSectionThePlayheadIsIn() throws Exception {
        String takeId = rig.recordTake(user, 6000);
        String sheet = "/api/takes/" + takeId + "/sheet";
        assertEquals(200, user.change("PUT", sheet, Body.of(Map.of("chordPro", STAGED))).statusCode());
        for (var start : List.of(List.of(2, 2.5), List.of(3, 4.5), List.of(1, 0))) {
            HttpResponse<String> dated = user.change("PATCH", sheet + "/sections/" + start.get(0), "{\"startSeconds\": " + start.get(1) + "}");
            assertEquals(200, dated.statusCode(), dated.body());
        }
        JsonNode doc = user.json(user.get(sheet));
        assertEquals(List.of(0.0, 2.5, 4.5), doc.get("sections").findValues("startSeconds").stream().map(JsonNode::asDouble).toList());
        assertTrue(doc.get("chordPro").asText().contains("{x_taperoom_at: 2.5}\n{start_of_chorus: Chorus}"), doc.get("chordPro").asText());
        HttpResponse<String> none = user.change("PATCH", sheet + "/sections/4", "{\"startSeconds\": 1}");
        assertEquals(404, none.statusCode(), none.body());
        HttpResponse<String> negative = user.change("PATCH", sheet + "/sections/1", "{\"startSeconds\": -1}");
        assertEquals(400, negative.statusCode(), negative.body());
        assertTrue(negative.body().contains("startSeconds"), negative.body());

        try (Browser b = new Browser(800, 480, true)) {
            openSheet(b, "sheets/take/" + takeId + "/stage");
            b.find("#stage");
            assertEquals("none", currentSection(b), "nothing plays: no section is marked");
            assertEquals(Boolean.TRUE, b.js("return document.querySelectorAll('#stage .sheet-section')[2].getBoundingClientRect().top"
                    + " > document.getElementById('stage-scroll').getBoundingClientRect().bottom"), "the bridge starts below the screen");
            try {
                assertEquals(200, user.change("POST", "/api/takes/" + takeId + "/play", "{\"fromSeconds\": 4.6}").statusCode());
                awaitShown(b, "2 visible | ▶ Bridge | Now: Bridge");
                b.screenshot("sheet-stage-following");
                assertEquals(200, user.change("POST", "/api/playback/seek", "{\"seconds\": 2.6}").statusCode());
                // Marked by a sign, not by colour alone, and named in the bar.
                awaitShown(b, "1 visible | ▶ Chorus | Now: Chorus");

                // Tapping along: at the start, the next section (the chorus) is dated where the playhead is.
                assertEquals(200, user.change("POST", "/api/playback/seek", "{\"seconds\": 0}").statusCode());
                awaitShown(b, "0 visible | ▶ Verse 1 | Now: Verse 1");
                assertEquals("Chorus starts now", b.find("#stage-mark").getText());
                b.find("#stage-mark").click();
                b.until(d -> currentSection(b).startsWith("1 visible") ? true : null);
                double chorus = user.json(user.get(sheet)).get("sections").get(1).get("startSeconds").asDouble();
                assertTrue(chorus > 0 && chorus < 2.5, "the chorus now starts where the tap was: " + chorus);
            } finally {
                user.change("POST", "/api/playback/stop", null);
            }
        }
    }

    @Test
    void whileTheSongPlaysTheStageViewShowsTheSectionThePlayheadIsIn() throws Exception {
        String take = rig.recordTake(user, 3000);
        HttpResponse<String> made = user.change("POST", "/api/songs", Body.of(Map.of("title", "Tide Song", "fromTake", take)));
        assertEquals(201, made.statusCode(), made.body());
        String song = user.json(made).get("id").asText();
        // Times written by hand in the text: in front of a section, or right after its start.
        String timed = STAGED.replace("{start_of_chorus: Chorus}", "{x_taperoom_at: 1}\n{start_of_chorus: Chorus}")
                .replace("{start_of_bridge: Bridge}", "{start_of_bridge: Bridge}\n{x_taperoom_at: 2}");
        assertEquals(200, user.change("PUT", "/api/songs/" + song + "/sheet", Body.of(Map.of("chordPro", timed))).statusCode());
        try (Browser b = new Browser(800, 480, true)) {
            openSheet(b, "sheets/song/" + song + "/stage");
            b.find("#stage");
            try {
                HttpResponse<String> play = user.change("POST", "/api/songs/" + song + "/play", "{\"fromSeconds\": 2.1}");
                assertEquals(200, play.statusCode(), play.body());
                awaitShown(b, "2 visible | ▶ Bridge | Now: Bridge");
                assertEquals(200, user.change("POST", "/api/playback/seek", "{\"seconds\": 1.1}").statusCode());
                awaitShown(b, "1 visible | ▶ Chorus | Now: Chorus");
            } finally {
                user.change("POST", "/api/playback/stop", null);
            }
        }
    }

    @Test
    void aSheetDownloadsAsAChordProFileAndAChordProFileOpensInTheEditor() throws Exception {
        String other = new SongLibrary(rig.library).create("Imported Song", null).id();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("imported", ".cho");
        String imported = STAGED.replace("{title: Tide Table}", "{title: Imported Song}") + "{x_unknown: kept}\n";
        java.nio.file.Files.writeString(file, imported);
        try (Browser b = new Browser(800, 480, true)) {
            openSheet(b, "sheets/song/" + songId);
            var link = b.find("#sheet-download");
            assertEquals("Harbour Lights.cho", link.getAttribute("download"));
            java.nio.file.Path downloads = java.nio.file.Files.createTempDirectory("sheet-downloads");
            ((ChromeDriver) b.driver).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            link.click();
            java.nio.file.Path saved = downloads.resolve("Harbour Lights.cho");
            String storedText = user.json(user.get("/api/songs/" + songId + "/sheet")).get("chordPro").asText();
            String downloaded = b.until(d -> {
                try {
                    String got = java.nio.file.Files.isRegularFile(saved) ? java.nio.file.Files.readString(saved) : null;
                    return got != null && got.length() >= storedText.length() ? got : null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            assertEquals(storedText, downloaded, "the downloaded file is the stored sheet");
            java.nio.file.Files.delete(saved);
            java.nio.file.Files.delete(downloads);

            // A song without a sheet opens the editor; a ChordPro file fills it, and Save stores it as written.
            b.js("location.hash = arguments[0]", "sheets/song/" + other);
            b.find("#sheet-file").sendKeys(file.toString());
            b.until(d -> imported.equals(d.findElement(By.id("sheet-text")).getAttribute("value")) ? true : null);
            b.find("#sheet-save").click();
            b.until(d -> d.findElements(By.id("sheet-title")).isEmpty() ? null : true);
            assertEquals("Imported Song", b.find("#sheet-title").getText());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertEquals(imported, user.json(user.get("/api/songs/" + other + "/sheet")).get("chordPro").asText(), "imported byte for byte, unknown directive kept");
    }

    @Test
    void theSheetItsEditorAndTheStageViewHaveNoSeriousOrCriticalAccessibilityViolation() throws Exception {
        List<String> problems = new java.util.ArrayList<>();
        try (Browser b = new Browser(800, 480, true)) {
            openSheet(b, "sheets/song/" + songId);
            b.find("#sheet-title");
            problems.addAll(Axe.seriousOrCritical(b, "sheet"));
            b.find("#sheet-edit").click();
            b.find("#sheet-file");
            problems.addAll(Axe.seriousOrCritical(b, "editor"));
            b.js("location.hash = arguments[0]", "sheets/song/" + songId + "/stage");
            b.find("#stage");
            problems.addAll(Axe.seriousOrCritical(b, "stage"));
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void thePrintViewIsBlackOnWhiteWithoutControlsAndPrintsToAPdf() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            openSheet(b, "sheets/song/" + songId);
            b.find("#sheet-title");
            ((ChromeDriver) b.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertEquals("rgb(255, 255, 255)", b.js("return getComputedStyle(document.body).backgroundColor"));
            assertEquals("rgb(0, 0, 0)", b.js("return getComputedStyle(document.querySelector('.sheet-chord')).color"));
            assertEquals("none", b.js("return getComputedStyle(document.querySelector('header.bar')).display"));
            assertEquals("none", b.js("return getComputedStyle(document.querySelector('.sheet-tools')).display"));
            assertEquals("avoid", b.js("return getComputedStyle(document.querySelector('.sheet-section')).breakInside"));
            ((ChromeDriver) b.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            Pdf pdf = ((PrintsPage) b.driver).print(new PrintOptions());
            byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
            java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("sheet-print.pdf"), bytes);
            assertEquals("%PDF-", new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1));
            assertTrue(bytes.length > 5000, "a page with text: " + bytes.length + " bytes");
        }
    }

    @Test
    void inGermanTheSheetsSpeakGerman() throws Exception {
        try (Browser b = new Browser(800, 480, true)) {
            b.open(rig.base.toString());
            b.js("localStorage.setItem('taperoom.lang', 'de')");
            openSheet(b, "sheets/song/" + songId);
            assertEquals("Bühnenansicht", b.find("#sheet-stage").getText());
            assertEquals("Refrain", b.find(".sheet-section.kind-chorus .sheet-section-title").getText());
            assertTrue(b.find("#sheet-head").getText().contains("Tonart G"), b.find("#sheet-head").getText());
        }
    }

    @Test
    void badSheetRequestsAreRefusedNamingWhatIsWrong() throws Exception {
        HttpResponse<String> bad = user.change("PUT", "/api/songs/" + songId + "/sheet", Body.of(Map.of("chordPro", "[Am lost bracket")));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("line 1: chord without a closing ']'"), bad.body());
        HttpResponse<String> far = user.get("/api/songs/" + songId + "/sheet?transpose=12");
        assertEquals(400, far.statusCode(), far.body());
        assertTrue(far.body().contains("transpose"), far.body());
        assertEquals(404, user.get("/api/songs/no-such-song/sheet").statusCode());
        assertEquals(404, user.get("/api/takes/nothing-here/sheet").statusCode());
        JsonNode list = user.json(user.get("/api/sheets"));
        assertEquals("Harbour Lights", list.get(0).get("title").asText());
        assertTrue(list.get(0).get("hasSheet").asBoolean());
    }
}
