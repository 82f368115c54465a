package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** tracklist.txt: the release at a glance for a person (tags, order, ISRCs, durations, loudness per file). */
final class TrackList {
    private TrackList() {}

    static void write(Path file, Release release, ReleaseResult result, double ceilingDbtp) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(release.album()).append(" - ").append(release.albumArtist());
        if (release.year() != null || release.genre() != null) {
            b.append(" (").append(String.join(", ", java.util.stream.Stream.of(release.year(), release.genre())
                    .filter(java.util.Objects::nonNull).toList())).append(")");
        }
        b.append('\n');
        if (release.upc() != null) b.append("UPC/EAN ").append(release.upc()).append('\n');
        if (release.cover() != null) {
            b.append(String.format(Locale.ROOT, "Cover %s, %dx%d pixels%s%n", release.cover().file().getFileName(),
                    release.cover().widthPixels(), release.cover().heightPixels(),
                    release.cover().widthPixels() < 3000 ? " (most stores ask for 3000x3000)" : ""));
        }
        b.append(String.format(Locale.ROOT, "Loudness %s %.1f LUFS, %s, true peak ceiling %.1f dBTP%n", release.preset().jsonName(),
                release.targetLufs(), result.albumGainDb() == null ? "each track normalised"
                        : String.format(Locale.ROOT, "album mode: one gain of %+.2f dB for the whole release (measured %.1f LUFS)",
                        result.albumGainDb(), result.albumLufs()), ceilingDbtp));
        b.append('\n');
        for (ReleaseResult.TrackResult t : result.tracks()) {
            Release.Track tr = t.track();
            b.append(String.format(Locale.ROOT, "%02d  %s - %s  %s  %s%n", tr.number(), tr.title(), tr.artist(),
                    tr.isrc() == null ? "(no ISRC)" : "ISRC " + tr.isrc(), duration(t.master().durationSeconds())));
            for (Map.Entry<OutputPreset, ReleaseResult.File> e : t.files().entrySet()) {
                ReleaseResult.File f = e.getValue();
                b.append(String.format(Locale.ROOT, "    %-16s %-40s %s LUFS, %s dBTP%s%n", e.getKey().jsonName,
                        e.getKey().folder + "/" + f.path().getFileName(), fmt(f.figures().integratedLufs()),
                        fmt(f.figures().truePeakDbtp()),
                        f.correctionDb() < 0 ? String.format(Locale.ROOT, " (%.2f dB to hold the ceiling after conversion)", f.correctionDb()) : ""));
            }
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String fmt(Double d) {
        return d == null ? "undefined" : String.format(Locale.ROOT, "%.1f", d);
    }
}
