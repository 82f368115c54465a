package org.taperoom.appliance.cli;


import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.taperoom.appliance.dsp.analysis.MusicAnalysis;
import org.taperoom.appliance.dsp.analysis.MusicAnalyzer;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;

/** {@code taperoom analyze FILE [--json]}: EBU R128 loudness and peaks, tempo, beats, meter, key and chords of a file. */
final class AnalyzeCommand implements Command {
    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "Loudness (integrated, short-term, momentary, LRA), true peak, sample peak, tempo, beats, time signature, key and chords "
                + "of a WAV/RF64/FLAC/MP3 file.";
    }

    @Override
    public String positionals() {
        return "FILE";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.toggle("json", "Print one JSON object (keys integrated_lufs, loudness_range_lu, true_peak_dbtp, "
                + "sample_peak_dbfs, momentary_max_lufs, short_term_max_lufs, duration_seconds, tempo_bpm, beats_seconds, time_signature, "
                + "key, key_confidence, chords [{start_seconds, end_seconds, chord}]; null where undefined)."));
    }

    @Override
    public int run(Args args) throws Exception {
        Path file = Path.of(args.single("FILE"));
        LoudnessFigures f;
        MusicAnalysis music;
        // The two analyses read the file each on their own: side by side they take the longer
        // one's time, not the sum (each is single-threaded; the appliance has 2 to 4 cores).
        FutureTask<MusicAnalysis> musicTask = new FutureTask<>(() -> MusicAnalyzer.analyze(file));
        Thread musicThread = new Thread(musicTask, "taperoom-analyze-music");
        musicThread.setDaemon(true);
        musicThread.start();
        try {
            f = FileLoudness.measure(file);
            music = musicTask.get();
        } catch (SoundFileException e) {
            musicTask.cancel(true);
            throw new UsageException(e.getMessage());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SoundFileException s) throw new UsageException(s.getMessage());
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
        Map<String, Object> m = f.toJsonMap();
        m.putAll(music.toJsonMap());
        if (args.has("json")) {
            System.out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            System.out.printf("integrated      %s LUFS%n", text(f.integratedLufs()));
            System.out.printf("loudness range  %s LU%n", text(f.loudnessRangeLu()));
            System.out.printf("true peak       %s dBTP%n", text(f.truePeakDbtp()));
            System.out.printf("sample peak     %s dBFS%n", text(f.samplePeakDbfs()));
            System.out.printf("momentary max   %s LUFS%n", text(f.momentaryMaxLufs()));
            System.out.printf("short-term max  %s LUFS%n", text(f.shortTermMaxLufs()));
            System.out.printf("duration        %.3f s%n", f.durationSeconds());
            System.out.printf("tempo           %s%n", music.tempoBpm() == null ? "undefined" : String.format("%.1f BPM (%d beats)",
                    music.tempoBpm(), music.beatsSeconds().length));
            System.out.printf("time signature  %s%n", music.timeSignature() == null ? "undefined" : music.timeSignature());
            System.out.printf("key             %s%n", music.key() == null ? "undefined"
                    : String.format("%s (confidence %.2f)", music.key(), music.keyConfidence()));
            StringBuilder chords = new StringBuilder();
            for (MusicAnalysis.ChordSpan c : music.chords()) {
                if (chords.length() > 0) chords.append(' ');
                chords.append(c.chord()).append('@').append(String.format("%.1f", c.startSeconds()));
            }
            System.out.printf("chords          %s%n", chords.length() == 0 ? "none" : chords);
        }
        return 0;
    }

    private static String text(Double v) {
        return v == null ? "undefined" : String.format("%.1f", v);
    }
}
