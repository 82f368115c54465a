package org.taperoom.appliance.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sections carry the time they start at in the song or take ({@code {x_taperoom_at: seconds}}
 * before the section), so the stage view can follow the playhead; Taperoom writes those lines and
 * other ChordPro readers pass over them.
 */
class SectionTimesTest {
    static final String TIMED = """
            {title: Harbour Lights}
            {x_taperoom_at: 0}
            {start_of_verse: Verse 1}
            [G]Lanterns on the [C]water
            {end_of_verse}
            {x_taperoom_at: 12.5}
            {start_of_chorus}
            [C]Harbour [G]lights
            {end_of_chorus}
            {start_of_bridge}
            {x_taperoom_at: 31.25}
            [Em]Out beyond the [D]bar
            {end_of_bridge}
            {x_taperoom_at: 40}
            [G]loose words after the blocks
            """;

    private static List<Double> starts(SongSheet sheet) {
        return sheet.sections().stream().map(SongSheet.Section::startSeconds).toList();
    }

    @Test
    void aSectionStartsAtTheTimeWrittenInFrontOfItOrRightAfterItsStart() throws Exception {
        SongSheet sheet = ChordPro.parse(TIMED);
        assertEquals(List.of("verse", "chorus", "bridge", "none"), sheet.sections().stream().map(SongSheet.Section::kind).toList());
        assertEquals(List.of(0.0, 12.5, 31.25, 40.0), starts(sheet));
        assertEquals(TIMED, ChordPro.write(sheet), "the time lines come back as written");
    }

    @Test
    void aSectionWithoutATimeHasNone() throws Exception {
        SongSheet sheet = ChordPro.parse(TIMED.replace("{x_taperoom_at: 12.5}\n", "").replace("{x_taperoom_at: 40}", "{x_taperoom_at: soon}"));
        assertEquals(Arrays.asList(0.0, null, 31.25, null), starts(sheet));
        assertEquals(Arrays.asList(null, null), starts(ChordPro.parse(ChordProRoundTripTest.WALTZ)).subList(0, 2));
    }

    @Test
    void markingASectionsStartWritesOneTimeLineInFrontOfItAndReplacesTheOldOne() throws Exception {
        SongSheet sheet = ChordPro.parse(TIMED);
        SongSheet moved = sheet.withSectionStart(1, 13.0).withSectionStart(2, 30.0);
        assertEquals(List.of(0.0, 13.0, 30.0, 40.0), starts(moved));
        assertEquals(TIMED.replace("{x_taperoom_at: 12.5}", "{x_taperoom_at: 13}")
                .replace("{start_of_bridge}\n{x_taperoom_at: 31.25}\n", "{x_taperoom_at: 30}\n{start_of_bridge}\n"), ChordPro.write(moved));
        SongSheet cleared = moved.withSectionStart(0, null);
        assertEquals(Arrays.asList(null, 13.0, 30.0, 40.0), starts(cleared));
        assertEquals(ChordPro.write(moved).replace("{x_taperoom_at: 0}\n", ""), ChordPro.write(cleared));

        SongSheet untimed = ChordPro.parse(ChordProRoundTripTest.WALTZ).withSectionStart(2, 61.5);
        assertEquals(61.5, untimed.sections().get(2).startSeconds());
        assertEquals(ChordProRoundTripTest.WALTZ.replace("{title: Second Song}\n[D]", "{title: Second Song}\n{x_taperoom_at: 61.5}\n[D]"),
                ChordPro.write(untimed), "a section of loose lines is dated in front of its first line");
    }

    @Test
    void aTimeOutsideTheSheetOrSectionsIsRefused() throws Exception {
        SongSheet sheet = ChordPro.parse(TIMED);
        assertEquals("no section 4: the sheet has sections 0 to 3",
                assertThrows(IllegalArgumentException.class, () -> sheet.withSectionStart(4, 1.0)).getMessage());
        assertEquals("a section's start must be 0 s or later and finite: -1.0",
                assertThrows(IllegalArgumentException.class, () -> sheet.withSectionStart(0, -1.0)).getMessage());
    }
}
