package org.taperoom.appliance.recording.take;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How takes are laid out in a library: {@code <library>/<yyyy-mm-dd>/<hhmmss>-<slug>/}, track files
 * {@code NN-<slug>.wav}; a take's id is its folder relative to the library with '/' replaced by
 * '_' (a day folder has no '_', so the id maps back unambiguously).
 */
public final class TakeFolders {
    public static final String TRASH = ".trash";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private TakeFolders() {}

    /** Lower-case ASCII letters, digits and dashes; "take" when nothing is left. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) s = s.substring(0, 40).replaceAll("-+$", "");
        return s.isEmpty() ? "take" : s;
    }

    /** The folder of a new take started at {@code time}, relative to the library (day/hhmmss-slug). */
    public static Path relativeFolder(LocalDateTime time, String name) {
        return Path.of(time.format(DAY), time.format(TIME) + "-" + slug(name));
    }

    public static String idOf(Path library, Path folder) {
        return library.relativize(folder).toString().replace('/', '_');
    }

    /** The folder an id names; null when the id cannot be one. */
    public static Path folderOf(Path library, String id) {
        int sep = id.indexOf('_');
        if (sep <= 0 || id.contains("/") || id.contains("..") || id.startsWith(".")) return null;
        return library.resolve(id.substring(0, sep)).resolve(id.substring(sep + 1));
    }

    /** The track file name: two-digit track number and the track's slug. */
    public static String trackFile(int trackNumber, String trackName) {
        return String.format(Locale.ROOT, "%02d-%s.wav", trackNumber, slug(trackName));
    }
}
