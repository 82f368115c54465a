package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.analysis.SyntheticSong;
import org.taperoom.appliance.testing.TestAudio;

/** {@code taperoom analyze FILE --json} reports tempo, beats, meter, key and chords beside the loudness. */
class AnalyzeMusicCommandTest {
    @Test
    void analyzeJsonOfAStereoSongGivesItsTempoBeatsMeterKeyAndChords(@TempDir Path dir) throws Exception {
        // F#m–D–A–E in F# minor (i–VI–III–VII), 3/4 at 132 BPM, written as a 48 kHz stereo file.
        SyntheticSong.Song song = SyntheticSong.render(new SyntheticSong.Spec("cli", 132, 3, 6, true,
                SyntheticSong.MINOR_PROGRESSIONS.get(0), 0, 0, 16, 48000, 5));
        float[] stereo = new float[song.samples().length * 2];
        for (int i = 0; i < song.samples().length; i++) stereo[2 * i] = stereo[2 * i + 1] = song.samples()[i] * 0.5f;
        Path wav = dir.resolve("song.wav");
        TestAudio.writeFloat(wav, 48000, 2, stereo);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        int status;
        try (PrintStream o = new PrintStream(out, true); PrintStream e = new PrintStream(err, true)) {
            System.setOut(o);
            status = Main.run(List.of("analyze", wav.toString(), "--json"), o, e);
        } finally {
            System.setOut(realOut);
        }
        assertEquals(0, status, err.toString());
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertTrue(n.has("integrated_lufs") && n.has("true_peak_dbtp"), "loudness keys kept: " + n);
        assertEquals(song.truth().tempoBpm(), n.get("tempo_bpm").asDouble(), song.truth().tempoBpm() * 0.02, n.toString());
        assertEquals("3/4", n.get("time_signature").asText());
        assertEquals("F# minor", n.get("key").asText());
        double confidence = n.get("key_confidence").asDouble();
        assertTrue(confidence > 0.5 && confidence <= 1, "key_confidence " + confidence);
        // Every true beat has a reported beat within 50 ms.
        JsonNode beats = n.get("beats_seconds");
        for (double t : song.truth().beatsSeconds()) {
            double nearest = Double.MAX_VALUE;
            for (JsonNode b : beats) nearest = Math.min(nearest, Math.abs(b.asDouble() - t));
            assertTrue(nearest < 0.05, "no beat near " + t + " in " + beats);
        }
        // The chords in the middle of bars 1–4, spelled for F# minor, and spans that tile the file.
        String[] expected = {"F#m", "D", "A", "E"};
        for (int bar = 0; bar < 4; bar++) {
            double mid = (song.truth().barStartsSeconds()[bar] + song.truth().barStartsSeconds()[bar + 1]) / 2;
            String chord = null;
            for (JsonNode c : n.get("chords")) {
                if (c.get("start_seconds").asDouble() <= mid && mid < c.get("end_seconds").asDouble()) chord = c.get("chord").asText();
            }
            assertEquals(expected[bar], chord, "bar " + (bar + 1) + " in " + n.get("chords"));
        }
        double end = 0;
        for (JsonNode c : n.get("chords")) {
            assertEquals(end, c.get("start_seconds").asDouble(), 0.002, "spans are contiguous: " + n.get("chords"));
            end = c.get("end_seconds").asDouble();
        }
        assertEquals(n.get("duration_seconds").asDouble(), end, 0.05);
    }
}
