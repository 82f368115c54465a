package org.taperoom.appliance.dsp.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.taperoom.appliance.dsp.settings.Fields;
import org.taperoom.appliance.dsp.settings.Preset;
import org.taperoom.appliance.dsp.settings.SettingsException;

/**
 * Reads release.json strictly: every key checked, unknown keys named with the closest known one,
 * every fault one line that starts with the key's path.
 *
 * <pre>
 * {"album": "Blue Room Sessions", "album_artist": "The Taperoom Band", "year": "2026", "genre": "Rock",
 *  "upc": "036000291452", "cover": "cover.jpg",
 *  "loudness": {"preset": "streaming", "mode": "album"},
 *  "outputs": ["distributor-wav", "hires-wav", "flac", "mp3", "opus"],
 *  "tracks": [{"take": "2026-12-01/193000-blue-room", "title": "Blue Room", "isrc": "GB-XYZ-26-00001"}]}
 * </pre>
 *
 * Paths: {@code take} is relative to the library, {@code cover} to release.json's folder.
 * {@code loudness.preset} is one of the master presets (streaming -14, apple -16, broadcast -23,
 * rehearsal -18, custom with {@code target_lufs}); {@code mode} "track" (default) or "album".
 * {@code outputs} defaults to all presets.
 */
public final class ReleaseDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where a track's source is named; "song" joins "take" when songs can be rendered. */
    private static final List<String> SOURCE_KEYS = List.of("take");

    private ReleaseDocument() {}

    public static Release load(Path file, Path library) throws IOException, SettingsException {
        if (!Files.isRegularFile(file)) throw new SettingsException(file + ": no such file");
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SettingsException(file.getFileName() + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(root, base, library);
    }

    /** A release document already read; {@code base} resolves {@code cover} (null: a cover is refused). */
    public static Release parse(JsonNode root, Path base, Path library) throws SettingsException {
        if (root == null || !root.isObject()) throw new SettingsException("release.json: expected an object {...}");
        Fields f = Fields.of("", root);
        String album = required(f, "album");
        String albumArtist = required(f, "album_artist");
        String year = f.text("year", null, 4);
        if (year != null && !year.matches("\\d{4}")) throw new SettingsException("year: \"" + year + "\" should be four digits (2026)");
        String genre = f.text("genre", null, 100);
        String upc = f.text("upc", null, 20);
        if (upc != null) upc = checkUpc(upc);
        String coverName = f.text("cover", null, 500);
        if (coverName != null && base == null) throw new SettingsException("cover: not taken here (name it in a release.json for 'taperoom release')");
        Release.Cover cover = coverName == null ? null : cover(base.resolve(coverName), coverName);

        Fields loud = f.object("loudness");
        String presetName = loud.choice("preset", Preset.STREAMING.jsonName(), Arrays.stream(Preset.values()).map(Preset::jsonName).toList());
        Preset preset = Preset.valueOf(presetName.toUpperCase(Locale.ROOT));
        double target = preset.targetLufs;
        if (preset == Preset.CUSTOM) {
            if (!loud.has("target_lufs")) throw new SettingsException("loudness.target_lufs: required with preset custom (-40 to -5)");
            target = loud.number("target_lufs", 0, -40, -5);
        }
        String modeName = loud.choice("mode", "track", List.of("track", "album"));
        loud.finish();

        List<OutputPreset> outputs = new ArrayList<>();
        for (JsonNode o : f.list("outputs")) {
            if (!o.isTextual()) throw new SettingsException("outputs: expected preset names, got " + Fields.kind(o));
            try {
                OutputPreset p = OutputPreset.of(o.asText());
                if (!outputs.contains(p)) outputs.add(p);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("outputs: " + e.getMessage());
            }
        }
        if (!f.has("outputs")) outputs.addAll(List.of(OutputPreset.values()));
        if (outputs.isEmpty()) throw new SettingsException("outputs: empty; name at least one of " + String.join(", ", OutputPreset.names()));

        List<Release.Track> tracks = new ArrayList<>();
        Set<String> isrcs = new HashSet<>();
        List<JsonNode> given = f.list("tracks");
        if (given.isEmpty()) throw new SettingsException("tracks: a release needs at least one track [{\"take\": \"<yyyy-mm-dd>/<take>\", \"title\": ...}]");
        for (int i = 0; i < given.size(); i++) {
            Release.Track t = track(Fields.of("tracks[" + i + "]", given.get(i)), i + 1, albumArtist, library);
            if (t.isrc() != null && !isrcs.add(t.isrc())) throw new SettingsException("tracks[" + i + "].isrc: " + t.isrc() + " is already track " + tracks.stream().filter(x -> t.isrc().equals(x.isrc())).findFirst().orElseThrow().number() + "'s; an ISRC names one recording");
            tracks.add(t);
        }
        f.finish();
        return new Release(album, albumArtist, year, genre, upc, cover, preset, target,
                Release.LoudnessMode.valueOf(modeName.toUpperCase(Locale.ROOT)), List.copyOf(outputs), List.copyOf(tracks));
    }

    private static Release.Track track(Fields t, int number, String albumArtist, Path library) throws SettingsException {
        if (t.has("song")) {
            throw new SettingsException(t.key("song") + ": songs cannot be released yet; name the take instead (\"take\": \"<yyyy-mm-dd>/<take>\")");
        }
        String take = t.text("take", null, 500);
        if (take == null) throw new SettingsException(t.key("take") + ": required (one of " + SOURCE_KEYS + "): the take folder relative to the library, \"<yyyy-mm-dd>/<take>\"");
        Path folder = library.resolve(take).normalize();
        if (!folder.startsWith(library.normalize())) throw new SettingsException(t.key("take") + ": \"" + take + "\" points outside the library");
        if (!Files.isDirectory(folder)) {
            throw new SettingsException(t.key("take") + ": no take folder " + take + " in " + library);
        }
        String title = required(t, "title");
        String artist = t.text("artist", albumArtist, 500);
        String isrc = t.text("isrc", null, 20);
        if (isrc != null) isrc = checkIsrc(t.key("isrc"), isrc);
        t.finish();
        return new Release.Track(number, new TakeSource(library, folder), title, artist, isrc);
    }

    private static String required(Fields f, String key) throws SettingsException {
        String v = f.text(key, null, 500);
        if (v == null || v.isBlank()) throw new SettingsException(f.key(key) + ": required (a non-empty string)");
        return v.strip();
    }

    /** ISO 3901: country (2 letters), registrant (3 letters or digits), year (2 digits), designation (5 digits). */
    static String checkIsrc(String key, String given) throws SettingsException {
        String s = given.replace("-", "").toUpperCase(Locale.ROOT);
        if (!s.matches("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}")) {
            throw new SettingsException(key + ": \"" + given + "\" is not an ISRC; expected CC-XXX-YY-NNNNN (e.g. GB-XYZ-26-00001)");
        }
        return s;
    }

    /** UPC-A (12 digits) or EAN-13 (13 digits), GS1 check digit included. */
    static String checkUpc(String given) throws SettingsException {
        String s = given.replace(" ", "").replace("-", "");
        if (!s.matches("\\d{12,13}")) throw new SettingsException("upc: \"" + given + "\" should be 12 digits (UPC-A) or 13 (EAN-13)");
        int sum = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            int d = s.charAt(s.length() - 2 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        int check = (10 - sum % 10) % 10;
        if (check != s.charAt(s.length() - 1) - '0') {
            throw new SettingsException("upc: \"" + given + "\" has check digit " + s.charAt(s.length() - 1) + ", but its digits give " + check + " (a typo?)");
        }
        return s;
    }

    private static Release.Cover cover(Path file, String given) throws SettingsException {
        if (!Files.isRegularFile(file)) throw new SettingsException("cover: no such file " + given + " (relative to release.json)");
        String mime;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) mime = "image/jpeg";
            else if (head.length == 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') mime = "image/png";
            else throw new SettingsException("cover: " + given + " is neither JPEG nor PNG (what stores and tags accept)");
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) throw new SettingsException("cover: " + given + " cannot be decoded");
            if (image.getWidth() != image.getHeight()) {
                throw new SettingsException("cover: " + given + " is " + image.getWidth() + "x" + image.getHeight() + " pixels; stores take square covers (3000x3000 is what most ask for)");
            }
            return new Release.Cover(file, mime, image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new SettingsException("cover: " + given + " cannot be read (" + e.getMessage() + ")");
        }
    }
}
