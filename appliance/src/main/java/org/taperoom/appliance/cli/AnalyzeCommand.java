package org.taperoom.appliance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.loudness.FileLoudness;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;

/** {@code taperoom analyze FILE [--json]}: EBU R128 loudness and peaks of a file. */
final class AnalyzeCommand implements Command {
    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "Loudness (integrated, short-term, momentary, LRA), true peak and sample peak of a WAV/RF64/FLAC/MP3 file.";
    }

    @Override
    public String positionals() {
        return "FILE";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.toggle("json", "Print one JSON object (keys integrated_lufs, loudness_range_lu, true_peak_dbtp, "
                + "sample_peak_dbfs, momentary_max_lufs, short_term_max_lufs, duration_seconds; null where undefined)."));
    }

    @Override
    public int run(Args args) throws Exception {
        Path file = Path.of(args.single("FILE"));
        LoudnessFigures f;
        try {
            f = FileLoudness.measure(file);
        } catch (SoundFileException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, Object> m = f.toJsonMap();
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
        }
        return 0;
    }

    private static String text(Double v) {
        return v == null ? "undefined" : String.format("%.1f", v);
    }
}
