package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taperoom.appliance.cli.Run.taperoom;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.testing.TestAudio;

/** {@code taperoom analyze} and {@code taperoom render} as a user meets them: exit codes, output, files. */
class AnalyzeAndRenderCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path tone(Path dir) throws Exception {
        Path wav = dir.resolve("tone.wav");
        TestAudio.run(List.of("sox", "-n", "-r", "48000", "-b", "24", "-c", "2", wav.toString(), "synth", "10", "sine", "1000", "vol", "-23", "dB"));
        return wav;
    }

    @Test
    void analyzeJsonHasTheContractKeysForWavRf64FlacAndMp3(@TempDir Path dir) throws Exception {
        Path wav = tone(dir);
        Path rf64 = dir.resolve("tone-rf64.wav");
        Path flac = dir.resolve("tone.flac");
        Path mp3 = dir.resolve("tone.mp3");
        TestAudio.run(List.of("ffmpeg", "-loglevel", "error", "-i", wav.toString(), "-c:a", "pcm_s24le", "-rf64", "always", rf64.toString()));
        TestAudio.run(List.of("sox", wav.toString(), flac.toString()));
        TestAudio.run(List.of("ffmpeg", "-loglevel", "error", "-i", wav.toString(), "-c:a", "libmp3lame", "-b:a", "256k", mp3.toString()));
        assertTrue(Files.readString(rf64, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("RF64"), "ffmpeg wrote RF64");
        for (Path f : List.of(wav, rf64, flac, mp3)) {
            Run r = taperoom("analyze", f.toString(), "--json");
            assertEquals(0, r.status(), r.err());
            JsonNode n = JSON.readTree(r.out());
            List<String> keys = new ArrayList<>();
            Iterator<String> it = n.fieldNames();
            while (it.hasNext()) keys.add(it.next());
            assertTrue(keys.containsAll(List.of("integrated_lufs", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs",
                    "momentary_max_lufs", "short_term_max_lufs")), f + ": " + keys);
            // A stereo 1 kHz sine at -23 dBFS peak reads -23 LUFS (Tech 3341 case 1); MP3 costs a little.
            assertEquals(-23.0, n.get("integrated_lufs").asDouble(), f.toString().endsWith(".mp3") ? 0.2 : 0.1, f.toString());
            assertEquals(-23.0, n.get("sample_peak_dbfs").asDouble(), 0.2, f.toString());
        }
    }

    @Test
    void analyzeOfSilenceGivesNullWhereLoudnessIsUndefined(@TempDir Path dir) throws Exception {
        Path silence = dir.resolve("silence.wav");
        TestAudio.run(List.of("sox", "-D", "-n", "-r", "48000", "-b", "16", "-c", "2", silence.toString(), "trim", "0", "5"));
        Run r = taperoom("analyze", silence.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode n = JSON.readTree(r.out());
        assertTrue(n.get("integrated_lufs").isNull() && n.get("loudness_range_lu").isNull() && n.get("true_peak_dbtp").isNull(), r.out());
    }

    @Test
    void analyzeRejectsBadInputInOneLine(@TempDir Path dir) throws Exception {
        Run missing = taperoom("analyze", dir.resolve("nope.wav").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path three = dir.resolve("three.wav");
        TestAudio.run(List.of("sox", "-n", "-r", "48000", "-c", "3", three.toString(), "synth", "1", "sine", "440"));
        Run r = taperoom("analyze", three.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("3 channels") && r.err().contains("5 (5.0) or 6 (5.1)"), r.err());
    }

    @Test
    void renderWritesTheFileAndItsFiguresBesideIt(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("2026-11-25/101500-blue-room");
        TestAudio.writeTake(take, 48000, TestAudio.BAND_NAMES, TestAudio.band(48000, 4, 9));
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"master\": {\"preset\": \"rehearsal\"}, \"tags\": {\"title\": \"Blue Room\"}}");
        Path out = dir.resolve("out/blue-room.flac");
        Run r = taperoom("render", "--take", take.toString(), "--settings", settings.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(out) > 10000);
        JsonNode record = JSON.readTree(dir.resolve("out/blue-room.flac.json").toFile());
        assertEquals(-18.0, record.at("/result/after/integrated_lufs").asDouble(), 0.5);
        assertTrue(record.at("/result/before/integrated_lufs").isNumber());
        assertEquals("rehearsal", record.at("/settings/master/preset").asText());
        assertTrue(r.out().contains("after") && r.out().contains("LUFS"), r.out());
    }

    @Test
    void renderRejectsBadSettingsAndMissingFlagsInOneLine(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, 48000, List.of("vox"), List.of(TestAudio.sine(48000, 440, 0.2, 1)));
        Path settings = dir.resolve("bad.json");
        Files.writeString(settings, "{\"mix\": {\"tracks\": {\"vox\": {\"pan\": 2}}}}");
        Run bad = taperoom("render", "--take", take.toString(), "--settings", settings.toString(), "--out", dir.resolve("x.wav").toString());
        assertEquals(2, bad.status());
        assertEquals("taperoom render: bad.json: mix.tracks.vox.pan: 2 is out of range; expected -1 to 1", bad.err().strip());
        Run noTake = taperoom("render", "--out", "x.wav");
        assertEquals(2, noTake.status());
        assertTrue(noTake.err().contains("--take DIR is required"), noTake.err());
        Run badExt = taperoom("render", "--take", take.toString(), "--out", dir.resolve("x.aiff").toString());
        assertEquals(2, badExt.status());
        assertTrue(badExt.err().contains("use .wav, .flac, .mp3 or .opus"), badExt.err());
        assertTrue(Files.notExists(dir.resolve("x.wav")));
    }

    @Test
    void helpListsBothCommands() {
        Run r = taperoom("--help");
        assertTrue(r.out().contains("analyze") && r.out().contains("render"), r.out());
        Run h = taperoom("render", "--help");
        assertTrue(h.out().contains("--settings FILE") && h.out().contains("--out FILE"), h.out());
    }
}
