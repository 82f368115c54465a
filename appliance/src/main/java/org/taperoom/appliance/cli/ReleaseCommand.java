package org.taperoom.appliance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.taperoom.appliance.dsp.release.OutputPreset;
import org.taperoom.appliance.dsp.release.Release;
import org.taperoom.appliance.dsp.release.ReleaseBuilder;
import org.taperoom.appliance.dsp.release.ReleaseDocument;
import org.taperoom.appliance.dsp.release.ReleaseResult;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.settings.SettingsException;

/** {@code taperoom release --library DIR --from release.json --out DIR}: a release folder for distributors. */
final class ReleaseCommand implements Command {
    @Override
    public String name() {
        return "release";
    }

    @Override
    public String summary() {
        return "Builds a release for distributors from takes: WAV 16/44.1 and 24/48, FLAC, MP3 320, Opus, tagged, with a CUE sheet and a ZIP.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("library", "DIR", "The take library the release's takes are named in."),
                Flag.value("from", "FILE", "release.json: album tags, cover, loudness {preset, mode track|album}, outputs ("
                        + String.join(", ", OutputPreset.names()) + "), tracks [{take, title, artist, isrc}]."),
                Flag.value("out", "DIR", "The release folder to create (must not exist, or be empty)."),
                Flag.value("threads", "N", "Threads that share each mixdown (default: the number of cores)."),
                Flag.toggle("quiet", "No progress line."));
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positionals().isEmpty()) throw new UsageException("'release' takes no positional arguments; use --library DIR --from FILE --out DIR");
        String library = args.string("library", null);
        String from = args.string("from", null);
        String out = args.string("out", null);
        if (library == null) throw new UsageException("--library DIR is required (the take library)");
        if (from == null) throw new UsageException("--from FILE is required (release.json)");
        if (out == null) throw new UsageException("--out DIR is required (the release folder to create)");
        if (!Files.isDirectory(Path.of(library))) throw new UsageException("--library " + library + ": no such folder");
        int threads = (int) args.integer("threads", Renderer.defaultThreads(), 1, 64);
        Release release;
        try {
            release = ReleaseDocument.load(Path.of(from), Path.of(library).toAbsolutePath());
        } catch (SettingsException e) {
            throw new UsageException(from + ": " + e.getMessage());
        }
        ProgressLine line = new ProgressLine("release", 28, !args.has("quiet") && Terminal.isStdout());
        ReleaseResult r;
        try {
            r = new ReleaseBuilder(new Renderer(threads)).build(release, Path.of(out), line, () -> false);
        } catch (SettingsException e) {
            line.clear();
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            line.clear();
            throw e;
        }
        line.clear();
        System.out.printf(Locale.ROOT, "release %s: %d tracks x %d outputs%n", r.folder(), r.tracks().size(), release.outputs().size());
        if (r.albumGainDb() != null) System.out.printf(Locale.ROOT, "album mode: %+.2f dB for every track (release measured %.1f LUFS)%n", r.albumGainDb(), r.albumLufs());
        for (ReleaseResult.TrackResult t : r.tracks()) {
            System.out.printf(Locale.ROOT, "%02d %s: %s LUFS, %s dBTP%n", t.track().number(), t.track().title(),
                    fmt(t.master().integratedLufs()), fmt(t.master().truePeakDbtp()));
        }
        System.out.println("zip: " + r.zip());
        return 0;
    }

    private static String fmt(Double d) {
        return d == null ? "undefined" : String.format(Locale.ROOT, "%.1f", d);
    }
}
