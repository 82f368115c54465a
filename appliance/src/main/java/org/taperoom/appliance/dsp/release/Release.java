package org.taperoom.appliance.dsp.release;

import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.dsp.settings.Preset;

/**
 * A release as release.json describes it (parsed by {@link ReleaseDocument}): album tags, the
 * loudness rule, the output presets and the tracks in order.
 *
 * @param year       four digits, or null
 * @param upc        UPC-A (12 digits) or EAN-13 (13 digits) with a valid check digit, or null
 * @param cover      a square JPEG or PNG, or null
 * @param targetLufs the integrated loudness every track (track mode) or the whole release (album mode) is brought to
 */
public record Release(String album, String albumArtist, String year, String genre, String upc, Cover cover, Preset preset,
                      double targetLufs, LoudnessMode mode, List<OutputPreset> outputs, List<Track> tracks) {

    /** Per-track normalisation, or one gain for the whole release so quiet songs stay quiet. */
    public enum LoudnessMode { TRACK, ALBUM }

    /**
     * One track, numbered from 1 in release order.
     *
     * @param artist the track's artist (the album artist when release.json gives none)
     * @param isrc   twelve characters without hyphens (CC XXX YY NNNNN), or null
     */
    public record Track(int number, TrackSource source, String title, String artist, String isrc) {}

    /** The cover image: its file, MIME type and size in pixels. */
    public record Cover(Path file, String mimeType, int widthPixels, int heightPixels) {}

    /** A title as a file name on every file system a release travels through (FAT, NTFS, a bucket). */
    public static String safeFileName(String title) {
        String s = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) s = "untitled";
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
