package org.taperoom.web.songs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.song.Pass;

/**
 * Passes taken out of a song, kept in {@code <song>/trash.json} until restored: the pass (its
 * take stays in the library, untouched), the lane it was in, whether it was the one heard, and,
 * when it took its lane with it, the lane's strip, so a restore brings back what was heard.
 * Nothing here deletes audio. Written atomically (temporary file, rename); callers hold the
 * song's write lock ({@link Songs#change}).
 */
final class PassTrash {
    static final String FILE_NAME = "trash.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One pass in the trash; {@code strip} is the lane's mix strip as JSON when the lane went with it, else null. */
    record Entry(int entry, String lane, Pass pass, boolean wasActive, String removedAt, String strip) {
        Map<String, Object> doc() {
            return Map.of("entry", entry, "lane", lane, "take", pass.take(), "track", pass.track(), "offsetFrames", pass.offsetFrames(),
                    "wasActive", wasActive, "laneRemoved", strip != null, "removedAt", removedAt);
        }
    }

    private PassTrash() {}

    static List<Entry> read(Path songFolder) throws IOException {
        Path file = songFolder.resolve(FILE_NAME);
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode n : root.path("entries")) {
            out.add(new Entry(n.path("entry").asInt(), n.path("lane").asText(), new Pass(n.path("take").asText(), n.path("track").asText(),
                    n.path("offsetFrames").asLong()), n.path("wasActive").asBoolean(), n.path("removedAt").asText(),
                    n.hasNonNull("strip") ? n.get("strip").toString() : null));
        }
        return out;
    }

    /** Adds a pass; returns its entry. {@code strip} non-null when the lane went too. */
    static Entry add(Path songFolder, String lane, Pass pass, boolean wasActive, TrackSettings strip) throws IOException {
        List<Entry> entries = read(songFolder);
        int next = entries.stream().mapToInt(Entry::entry).max().orElse(0) + 1;
        String stripJson = strip == null ? null : RenderSettings.mixJson(
                org.taperoom.appliance.dsp.settings.MixSettings.DEFAULT.withTracks(Map.of(lane, strip)));
        Entry e = new Entry(next, lane, pass, wasActive, Instant.now().toString(), stripJson);
        entries.add(e);
        write(songFolder, entries);
        return e;
    }

    static void remove(Path songFolder, int entry) throws IOException {
        List<Entry> entries = read(songFolder);
        entries.removeIf(e -> e.entry() == entry);
        write(songFolder, entries);
    }

    /** The lane's strip kept with {@code e}, or the default strip. */
    static TrackSettings strip(Entry e) {
        if (e.strip() == null) return TrackSettings.DEFAULT;
        try {
            return RenderSettings.parseMix(e.strip()).tracks().getOrDefault(e.lane(), TrackSettings.DEFAULT);
        } catch (SettingsException ex) {
            return TrackSettings.DEFAULT;
        }
    }

    private static void write(Path songFolder, List<Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("entries");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("entry", e.entry());
            n.put("lane", e.lane());
            n.put("take", e.pass().take());
            n.put("track", e.pass().track());
            n.put("offsetFrames", e.pass().offsetFrames());
            n.put("wasActive", e.wasActive());
            n.put("removedAt", e.removedAt());
            if (e.strip() != null) n.set("strip", JSON.readTree(e.strip()));
        }
        Path file = songFolder.resolve(FILE_NAME);
        Path temp = songFolder.resolve("." + FILE_NAME + ".tmp");
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
