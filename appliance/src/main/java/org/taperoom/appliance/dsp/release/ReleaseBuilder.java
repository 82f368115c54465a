package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.loudness.ChannelLayout;
import org.taperoom.appliance.dsp.loudness.LoudnessMeter;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.OutputSettings;
import org.taperoom.appliance.dsp.settings.Preset;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;

/**
 * Builds a release folder: each track mixed and mastered once to a 32-bit float master at its
 * own rate (through the ordinary {@link Renderer}: limiter, loudness, true-peak ceiling), then
 * converted to every output preset ({@link Conversion}), tagged, listed ({@code tracklist.txt},
 * a CUE sheet per WAV set, {@code release-record.json}) and zipped.
 *
 * <p>Loudness: in track mode each master is normalised to the target. In album mode the masters
 * are first rendered without normalisation, the whole release is measured as one programme, and
 * each track is rendered again normalised to its own loudness plus the one album gain, so the
 * songs keep their differences and the release as a whole meets the target.
 *
 * <p>The folder is built beside {@code out} under a hidden name and renamed when complete, so a
 * crash or a cancel never leaves a half release under the real name. Runs on the caller's thread.
 */
public final class ReleaseBuilder {
    static final String MASTERS = ".masters";
    private final Renderer renderer;

    public ReleaseBuilder(Renderer renderer) {
        this.renderer = renderer;
    }

    /** @param out the release folder to create; must not exist yet (or be empty) */
    public ReleaseResult build(Release release, Path out, RenderProgress progress, BooleanSupplier cancelled)
            throws IOException, SettingsException {
        if (Files.exists(out) && !isEmptyFolder(out)) throw new SettingsException(out + ": already exists; name a new release folder");
        Path work = out.toAbsolutePath().resolveSibling(".part-" + out.getFileName());
        deleteTree(work);
        Files.createDirectories(work.resolve(MASTERS));
        try {
            int n = release.tracks().size();
            List<Master> masters = new ArrayList<>();
            Double albumGainDb = null;
            Double albumLufs = null;
            if (release.mode() == Release.LoudnessMode.TRACK) {
                for (Release.Track t : release.tracks()) {
                    masters.add(renderMaster(t, work, release.preset(), release.targetLufs(), true,
                            span(progress, "mastering " + t.number() + "/" + n, 0.6 * (t.number() - 1) / n, 0.6 / n), cancelled));
                }
            } else {
                List<Master> plain = new ArrayList<>();
                for (Release.Track t : release.tracks()) {
                    plain.add(renderMaster(t, work, release.preset(), release.targetLufs(), false,
                            span(progress, "measuring " + t.number() + "/" + n, 0.3 * (t.number() - 1) / n, 0.3 / n), cancelled));
                }
                albumLufs = albumLoudness(plain);
                if (albumLufs == null) throw new SettingsException("the release is silent (no integrated loudness): nothing to normalise");
                albumGainDb = release.targetLufs() - albumLufs;
                for (Master m : plain) {
                    Release.Track t = m.track;
                    Double own = m.result.before().integratedLufs();
                    // Each track to its own loudness plus the album gain: the limiter's ceiling still
                    // holds, and a track the limiter had to hold back is measured and corrected like any render.
                    double trackTarget = own == null ? release.targetLufs() : Math.max(-40, Math.min(-5, own + albumGainDb));
                    masters.add(renderMaster(t, work, Preset.CUSTOM, trackTarget, own != null,
                            span(progress, "mastering " + t.number() + "/" + n, 0.3 + 0.3 * (t.number() - 1) / n, 0.3 / n), cancelled));
                }
            }

            List<ReleaseResult.TrackResult> results = new ArrayList<>();
            List<Map<OutputPreset, ReleaseResult.File>> files = new ArrayList<>();
            for (int i = 0; i < n; i++) files.add(new EnumMap<>(OutputPreset.class));
            int steps = release.outputs().size() * n;
            int step = 0;
            for (OutputPreset preset : release.outputs()) {
                Path folder = Files.createDirectories(work.resolve(preset.folder));
                List<String> names = new ArrayList<>();
                for (Master m : masters) {
                    checkCancelled(cancelled);
                    Release.Track t = m.track;
                    progress.update("converting " + preset.jsonName + " " + t.number() + "/" + n, 0.6 + 0.35 * step++ / steps);
                    String name = preset.fileName(t.number(), t.title());
                    names.add(name);
                    Conversion.Result c = Conversion.convert(m.file, preset, folder.resolve(name), ReleaseTags.basic(release, t, preset),
                            m.ceilingDbtp, part -> ReleaseTags.write(part, release, t, preset));
                    files.get(t.number() - 1).put(preset, new ReleaseResult.File(folder.resolve(name), c.figures(), c.gainDb()));
                }
                if (preset.format == org.taperoom.appliance.dsp.export.OutputFormat.WAV) {
                    CueSheet.write(folder.resolve(Release.safeFileName(release.album()) + ".cue"), release, names);
                }
            }
            for (Master m : masters) {
                results.add(new ReleaseResult.TrackResult(m.track, m.result.normalisationGainDb(), m.result.after(),
                        files.get(m.track.number() - 1)));
            }
            deleteTree(work.resolve(MASTERS));
            if (release.cover() != null) {
                String ext = release.cover().mimeType().equals("image/png") ? "png" : "jpg";
                Files.copy(release.cover().file(), work.resolve("cover." + ext));
            }
            double ceiling = masters.get(0).ceilingDbtp;
            Path zip = out.toAbsolutePath().resolve(Release.safeFileName(release.album()) + ".zip");
            ReleaseResult inWork = new ReleaseResult(work, work.resolve(zip.getFileName()), albumGainDb, albumLufs, results);
            TrackList.write(work.resolve("tracklist.txt"), release, inWork, ceiling);
            ReleaseRecord.write(work.resolve("release-record.json"), release, inWork);
            progress.update("zipping", 0.96);
            checkCancelled(cancelled);
            ReleaseZip.write(work, work.resolve(zip.getFileName()), Release.safeFileName(release.album()));
            if (Files.exists(out)) Files.delete(out);
            Files.move(work, out, StandardCopyOption.ATOMIC_MOVE);
            progress.update("done", 1.0);
            return relocate(inWork, work, out.toAbsolutePath());
        } finally {
            deleteTree(work);
        }
    }

    /** One track's float master and what its render measured. */
    private record Master(Release.Track track, Path file, RenderResult result, double ceilingDbtp) {}

    private Master renderMaster(Release.Track t, Path work, Preset preset, double targetLufs, boolean normalize,
                                RenderProgress progress, BooleanSupplier cancelled) throws IOException, SettingsException {
        RenderSettings own;
        try {
            own = t.source().settings();
        } catch (SettingsException e) {
            throw new SettingsException("track " + t.number() + " (" + t.source().describe() + "): " + e.getMessage());
        }
        MasterSettings master = own.master().withPreset(preset, targetLufs).withNormalize(normalize);
        RenderSettings settings = own.withMaster(master).withOutput(new OutputSettings("f32", OutputSettings.DEFAULT.quality(),
                own.output().tailSeconds()));
        Path file = work.resolve(MASTERS).resolve(String.format(Locale.ROOT, "%02d.wav", t.number()));
        RenderResult r = t.source().render(renderer, settings, file, progress, cancelled);
        Files.deleteIfExists(org.taperoom.appliance.dsp.render.RenderRecord.sidecar(file));
        return new Master(t, file, r, master.ceilingDbtp());
    }

    /** The integrated loudness of the masters played one after another, as one programme. */
    private static Double albumLoudness(List<Master> masters) throws IOException {
        int rate = 0;
        LoudnessMeter meter = null;
        try {
            for (Master m : masters) {
                try (SoundFileReader in = SoundFileReader.open(m.file)) {
                    if (meter == null) {
                        rate = in.rateHz();
                        meter = new LoudnessMeter(ChannelLayout.STEREO, rate, false);
                    } else if (in.rateHz() != rate) {
                        throw new IOException("track " + m.track.number() + " is " + in.rateHz() + " Hz, track 1 " + rate
                                + " Hz: album mode measures the release as one programme at one rate");
                    }
                    float[] block = new float[2 * 4800];
                    int got;
                    while ((got = in.read(block, 4800)) > 0) meter.add(block, got);
                }
            }
            return meter.integratedLufs();
        } finally {
            if (meter != null) meter.close();
        }
    }

    /** Maps a stage's own 0..1 progress into [from, from + width] of the whole build. */
    private static RenderProgress span(RenderProgress whole, String stage, double from, double width) {
        return (s, fraction) -> whole.update(stage, from + width * fraction);
    }

    private static ReleaseResult relocate(ReleaseResult r, Path from, Path to) {
        List<ReleaseResult.TrackResult> tracks = new ArrayList<>();
        for (ReleaseResult.TrackResult t : r.tracks()) {
            Map<OutputPreset, ReleaseResult.File> files = new EnumMap<>(OutputPreset.class);
            t.files().forEach((p, f) -> files.put(p, new ReleaseResult.File(to.resolve(from.relativize(f.path())), f.figures(), f.correctionDb())));
            tracks.add(new ReleaseResult.TrackResult(t.track(), t.masterGainDb(), t.master(), files));
        }
        return new ReleaseResult(to, to.resolve(from.relativize(r.zip())), r.albumGainDb(), r.albumLufs(), tracks);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancellationException("release cancelled");
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) return false;
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
