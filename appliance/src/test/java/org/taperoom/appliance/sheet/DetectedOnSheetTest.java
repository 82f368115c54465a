package org.taperoom.appliance.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.music.Key;

/** What the analysis found, put on a sheet in one step: tempo, key, time and the progression as a section of its own. */
class DetectedOnSheetTest {
    @Test
    void theDetectedTempoKeyTimeAndProgressionGoOnTheSheetAndEverythingElseStays() throws Exception {
        SongSheet river = ChordPro.parse(ChordProRoundTripTest.RIVER);
        SongSheet detected = river.withDetected(95.96, "3/4", Key.parse("Gm"), List.of("Gm", "Eb", "Bb", "F"));
        String text = ChordPro.write(detected);
        assertEquals(ChordProRoundTripTest.RIVER.replace("{key: Am}", "{key: Gm}").replace("{tempo: 92}", "{tempo: 96}")
                .replace("{time: 4/4}", "{time: 3/4}")
                + "{start_of_progression}\n[Gm] [Eb] [Bb] [F]\n{end_of_progression}\n", text);
        assertEquals("progression", detected.sections().get(detected.sections().size() - 1).kind());
    }

    @Test
    void detectingAgainReplacesTheProgressionRatherThanAddingASecond() throws Exception {
        SongSheet once = SongSheet.titled("Jam").withDetected(120.0, null, Key.parse("C"), List.of("C", "F", "G", "F"));
        SongSheet twice = once.withDetected(121.4, "4/4", Key.parse("C"), List.of("C", "Am", "F", "G"));
        assertEquals("{title: Jam}\n{key: C}\n{tempo: 121.4}\n{time: 4/4}\n{start_of_progression}\n[C] [Am] [F] [G]\n{end_of_progression}\n",
                ChordPro.write(twice));
        assertEquals("{title: Jam}\n{key: C}\n{tempo: 120}\n", ChordPro.write(SongSheet.titled("Jam").withDetected(120.0, null, Key.parse("C"), List.of())),
                "what was not found is left as it was");
    }
}
