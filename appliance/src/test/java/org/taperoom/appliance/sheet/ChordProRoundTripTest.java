package org.taperoom.appliance.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChordPro in and out: a corpus of sheets comes back as written, and what they say is read right. */
class ChordProRoundTripTest {
    static final String RIVER = """
            {title: Down by the River}
            {subtitle: rehearsal demo}
            {artist: The Taperoom Band}
            {key: Am}
            {tempo: 92}
            {time: 4/4}
            # first written on the night of the jam
            {x_taperoom_notes: bass stays on A through the intro}
            {meta: arranger Jo}

            {start_of_verse: Verse 1}
            [Am]Down by the [F]river the [C]water runs [G]slow
            I [Am]waited for [F]you where the [E]willows [E7]grow
            {end_of_verse}

            {start_of_chorus}
            Hal[C]le[G]lu[Am]jah, [F]carry me home
            [C]Over the [G/B]water, I'm [Am]not a[F]lone
            {end_of_chorus}

            {comment: Solo over the verse chords}
            {start_of_tab}
            e|-----0---0---|
            B|---1---1---1-|
            {end_of_tab}
            {x_lighting: blue}
            [N.C.]And the [*Riff]river runs on
            """;

    static final String WALTZ = """
            {title: Kitchen Waltz}
            {key: Bb}
            {time: 3/4}
            {tempo: 144}
            {capo: 1}

            {start_of_verse}
            [Bb]One two [Eb]three, [F7]one two [Bb]three
            {end_of_verse}
            {start_of_bridge: Bridge}
            [Gm]Turn a[Cm7]round and [F7sus4]back a[F7]gain
            {end_of_bridge}
            {new_song}
            {title: Second Song}
            [D]Medley part [A/C#]two
            """;

    static final String NO_SECTIONS = """
            {t: Loose Idea}
            [E]Just a [B]line or [C#m]two
            words without chords
                [A]indented, and trailing spaces kept   \s
            # a comment # with hashes
            {unknown_directive}
            {define: Asus2 base-fret 1 frets x 0 2 2 0 0}
            """;

    @Test
    void everySheetOfTheCorpusComesBackExactlyAsWritten() throws Exception {
        for (String sheet : List.of(RIVER, WALTZ, NO_SECTIONS.replace("{t: ", "{title: "))) {
            assertEquals(sheet, ChordPro.write(ChordPro.parse(sheet)));
        }
    }

    @Test
    void otherSpellingsOfTheSameDirectivesComeBackCanonicalAndMeanTheSame() throws Exception {
        String loose = "{Title:Loose}\r\n{t: Short}\n{soc}\n[C]la\n{eoc}\n{key Am}";
        SongSheet once = ChordPro.parse(loose);
        SongSheet twice = ChordPro.parse(ChordPro.write(once));
        assertEquals(once, twice);
        assertEquals("{title: Loose}\n{t: Short}\n{soc}\n[C]la\n{eoc}\n{key: Am}\n", ChordPro.write(once));
        assertEquals("Am", once.key().orElseThrow().chordProName());
        assertEquals("chorus", once.sections().get(0).kind());
    }

    @Test
    void theSheetSaysItsTitleKeyTempoTimeCapoNotesSectionsAndChords() throws Exception {
        SongSheet river = ChordPro.parse(RIVER);
        assertEquals("Down by the River", river.title().orElseThrow());
        assertEquals("A minor", river.key().orElseThrow().displayName());
        assertEquals(92.0, river.tempoBpm().orElseThrow());
        assertEquals("4/4", river.time().orElseThrow());
        assertEquals(0, river.capo());
        assertEquals(List.of("bass stays on A through the intro"), river.notes());
        List<SongSheet.Section> sections = river.sections();
        assertEquals(List.of("verse", "chorus", "tab", "none"), sections.stream().map(SongSheet.Section::kind).toList());
        assertEquals("Verse 1", sections.get(0).label());
        assertEquals("Down by the river the water runs slow", sections.get(0).lines().get(0).text());
        assertEquals("Hallelujah, carry me home", sections.get(1).lines().get(0).text(), "chords inside a word split it, the word stays whole");
        assertEquals(List.of("C", "G", "Am", "F"), river.sections().get(1).lines().get(0).segments().stream()
                .map(SheetLine.Segment::chord).filter(c -> c != null).toList());
        assertTrue(river.lines().contains(new SheetLine.Directive("x_lighting", "blue")), "unknown directives are kept");
        assertTrue(river.lines().contains(new SheetLine.Verbatim("e|-----0---0---|")), "tab lines are kept verbatim, not read as chords");
        SongSheet waltz = ChordPro.parse(WALTZ);
        assertEquals(1, waltz.capo());
        assertEquals("3/4", waltz.time().orElseThrow());
        assertEquals(List.of("verse", "bridge", "none"), waltz.sections().stream().map(SongSheet.Section::kind).toList());
    }

    @Test
    void editsKeepEverythingElseInPlace() throws Exception {
        SongSheet river = ChordPro.parse(RIVER);
        SongSheet edited = river.with("tempo", "96").with("time", "6/8").withNotes(List.of("new idea", "second line"));
        String text = ChordPro.write(edited);
        assertTrue(text.contains("{tempo: 96}\n{time: 6/8}\n"), text);
        assertEquals(List.of("new idea", "second line"), edited.notes());
        assertEquals(RIVER.replace("{tempo: 92}", "{tempo: 96}").replace("{time: 4/4}", "{time: 6/8}")
                .replace("{x_taperoom_notes: bass stays on A through the intro}\n", "")
                + "{x_taperoom_notes: new idea}\n{x_taperoom_notes: second line}\n", text);
        SongSheet fresh = SongSheet.titled("New").with("key", "E").with("tempo", "120");
        assertEquals("{title: New}\n{key: E}\n{tempo: 120}\n", ChordPro.write(fresh));
    }

    @Test
    void badChordProIsRefusedNamingTheLine() {
        SheetException e = assertThrows(SheetException.class, () -> ChordPro.parse("{title: ok}\n[Am lyrics"));
        assertEquals("line 2: chord without a closing ']': [Am lyrics", e.getMessage());
        e = assertThrows(SheetException.class, () -> ChordPro.parse("{title: broken"));
        assertEquals("line 1: directive without a closing '}': {title: broken", e.getMessage());
    }

    @Test
    void theStoreRewritesTheSheetBesideATakeAtomically(@TempDir Path take) throws Exception {
        assertTrue(SheetStore.read(take).isEmpty());
        SongSheet river = ChordPro.parse(RIVER);
        SheetStore.write(take, river);
        assertEquals(RIVER, Files.readString(take.resolve("sheet.cho")));
        SheetStore.write(take, river.transpose(2));
        assertEquals(river.transpose(2), SheetStore.read(take).orElseThrow());
        try (var files = Files.list(take)) {
            assertEquals(List.of("sheet.cho"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }
}
