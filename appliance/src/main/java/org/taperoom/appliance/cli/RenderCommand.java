package org.taperoom.appliance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.render.RenderRecord;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.render.TakeSettings;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;

/**
 * {@code taperoom render --take DIR --settings FILE.json --out FILE}: mix and master a take to a
 * file; or a song's active lanes ({@code --song ID --library DIR}), each placed at its offset.
 */
final class RenderCommand implements Command {
    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "Mixes and masters a take to a stereo WAV (16/24/32f), FLAC, MP3 or Ogg Opus file; format from --out's extension.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("take", "DIR", "The take folder (holding NN-<track>.wav files)."),
                Flag.value("song", "ID", "A song instead of a take: its lanes' active passes at their offsets, with the song's mix and master."),
                Flag.value("library", "DIR", "With --song: the take library holding the song and its passes."),
                Flag.value("settings", "FILE", "Render settings JSON {mix, master, tags, output} (default: the take's mix.json and master.json, or the song's)."),
                Flag.value("out", "FILE", "Output file: .wav, .flac, .mp3 or .opus; FILE.json beside it gets the settings and before/after figures."),
                Flag.value("threads", "N", "Threads that share the mixdown (default: the number of cores)."),
                Flag.toggle("quiet", "No progress line."));
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positionals().isEmpty()) throw new UsageException("'render' takes no positional arguments; use --take DIR --out FILE");
        String takeDir = args.string("take", null);
        String songId = args.string("song", null);
        String outName = args.string("out", null);
        if (takeDir != null && songId != null) throw new UsageException("--take and --song exclude each other: render one take or one song");
        if (takeDir == null && songId == null) throw new UsageException("--take DIR is required (a take folder with NN-<track>.wav files), or --song ID with --library DIR");
        if (outName == null) throw new UsageException("--out FILE is required (.wav, .flac, .mp3 or .opus)");
        int threads = (int) args.integer("threads", Renderer.defaultThreads(), 1, 64);
        Path out = Path.of(outName);
        TakeTracks tracks;
        RenderSettings settings;
        try {
            String settingsFile = args.string("settings", null);
            RenderSettings given = null;
            if (settingsFile != null) {
                if (!Files.isRegularFile(Path.of(settingsFile))) throw new UsageException("--settings " + settingsFile + ": no such file");
                given = RenderSettings.load(Path.of(settingsFile));
            }
            if (songId != null) {
                SongRender song = SongRender.prepare(args.string("library", null), songId, given);
                tracks = song.tracks();
                settings = song.settings();
            } else {
                Path take = Path.of(takeDir);
                tracks = TakeTracks.find(take);
                settings = given != null ? given : TakeSettings.render(take);
            }
        } catch (SettingsException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        ProgressLine line = new ProgressLine("render", 8, !args.has("quiet") && Terminal.isStdout());
        RenderResult r;
        try {
            r = new Renderer(threads).render(tracks, settings, out, line, () -> false);
        } catch (SettingsException e) {
            line.clear();
            throw new UsageException(e.getMessage());
        }
        line.clear();
        System.out.printf("wrote %s (%s, %.1f s of audio in %.1f s, %.1fx real time)%n", out, r.format().extension(),
                r.frames() / (double) r.rateHz(), r.elapsedSeconds(), r.realTimeFactor());
        print("before", r.before());
        print("after", r.after());
        if (r.note() != null) System.out.println("note: " + r.note());
        System.out.println("figures and settings: " + RenderRecord.sidecar(out));
        return 0;
    }

    private static void print(String what, LoudnessFigures f) {
        System.out.printf("%-7s integrated %s LUFS, LRA %s LU, true peak %s dBTP, sample peak %s dBFS%n", what,
                fmt(f.integratedLufs()), fmt(f.loudnessRangeLu()), fmt(f.truePeakDbtp()), fmt(f.samplePeakDbfs()));
    }

    private static String fmt(Double d) {
        return d == null ? "undefined" : String.format("%.1f", d);
    }
}
