package org.taperoom.appliance.dsp.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** release-record.json: the release's tags, loudness rule and every file's measured figures, for tools and the panel. */
final class ReleaseRecord {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReleaseRecord() {}

    static void write(Path file, Release release, ReleaseResult result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("album", release.album());
        root.put("album_artist", release.albumArtist());
        root.put("year", release.year());
        root.put("genre", release.genre());
        root.put("upc", release.upc());
        ObjectNode loud = root.putObject("loudness");
        loud.put("preset", release.preset().jsonName());
        loud.put("target_lufs", release.targetLufs());
        loud.put("mode", release.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (result.albumGainDb() != null) {
            loud.put("album_gain_db", round(result.albumGainDb()));
            loud.put("album_lufs_before", round(result.albumLufs()));
        }
        ArrayNode tracks = root.putArray("tracks");
        for (ReleaseResult.TrackResult t : result.tracks()) {
            ObjectNode n = tracks.addObject();
            n.put("number", t.track().number());
            n.put("title", t.track().title());
            n.put("artist", t.track().artist());
            n.put("isrc", t.track().isrc());
            n.put("source", t.track().source().describe());
            n.put("master_gain_db", round(t.masterGainDb()));
            ObjectNode files = n.putObject("files");
            t.files().forEach((preset, f) -> {
                ObjectNode fn = files.putObject(preset.jsonName);
                fn.put("file", result.folder().relativize(f.path()).toString());
                fn.set("figures", JSON.valueToTree(f.figures().toJsonMap()));
                fn.put("ceiling_correction_db", round(f.correctionDb()));
            });
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
