package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CUE sheet of a WAV set, one FILE per track: the form distributors and CD plants read ISRCs
 * (per track) and the UPC/EAN ({@code CATALOG}, 13 digits) from. UTF-8, CRLF line ends.
 */
final class CueSheet {
    private CueSheet() {}

    static void write(Path file, Release release, List<String> fileNames) throws IOException {
        StringBuilder b = new StringBuilder();
        if (release.genre() != null) line(b, "REM GENRE " + quoted(release.genre()));
        if (release.year() != null) line(b, "REM DATE " + release.year());
        // CATALOG is always 13 digits: a UPC-A is an EAN-13 with a leading zero.
        if (release.upc() != null) line(b, "CATALOG " + (release.upc().length() == 12 ? "0" + release.upc() : release.upc()));
        line(b, "PERFORMER " + quoted(release.albumArtist()));
        line(b, "TITLE " + quoted(release.album()));
        for (Release.Track t : release.tracks()) {
            line(b, "FILE " + quoted(fileNames.get(t.number() - 1)) + " WAVE");
            line(b, String.format("  TRACK %02d AUDIO", t.number()));
            line(b, "    TITLE " + quoted(t.title()));
            line(b, "    PERFORMER " + quoted(t.artist()));
            if (t.isrc() != null) line(b, "    ISRC " + t.isrc());
            line(b, "    INDEX 01 00:00:00");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append("\r\n");
    }

    /** CUE strings cannot escape a double quote; a typographic one keeps the title readable. */
    private static String quoted(String s) {
        return "\"" + s.replace('"', '\u201D') + "\"";
    }
}
