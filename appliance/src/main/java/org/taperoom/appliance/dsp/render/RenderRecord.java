package org.taperoom.appliance.dsp.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import com.fasterxml.jackson.databind.JsonNode;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;

/**
 * The record stored beside every rendered file, {@code <file>.json}: {@code {"settings": ...,
 * "result": {"before": figures, "after": figures, "target_lufs", "shortfall_lu", "note", ...}}}.
 */
public final class RenderRecord {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RenderRecord() {}

    public static Path sidecar(Path renderedFile) {
        return renderedFile.resolveSibling(renderedFile.getFileName() + ".json");
    }

    /**
     * The normalisation the take's newest render (by the time its record was written) applied,
     * for playback to apply the same; empty when the take has no render record. A record from
     * before records carried the exact limiter gets the limiter of {@code master} at {@code rate}
     * and its rounded gain.
     */
    public static java.util.Optional<Normalisation> latestNormalisation(Path take, MasterSettings master, int rate) throws IOException {
        Path dir = take.resolve(RenderService.RENDERS_DIR);
        if (!Files.isDirectory(dir)) return java.util.Optional.empty();
        java.util.List<Path> records;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            records = files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
                    .sorted(java.util.Comparator.comparing(RenderRecord::modified).reversed()).toList();
        }
        for (Path f : records) {
            JsonNode result;
            try {
                result = JSON.readTree(f.toFile()).path("result");
            } catch (IOException e) {
                continue;
            }
            JsonNode limiter = result.path("limiter");
            if (limiter.has("input_gain_db") && limiter.has("ceiling_linear")) {
                return java.util.Optional.of(new Normalisation(limiter.get("input_gain_db").asDouble(), limiter.get("ceiling_linear").asDouble(),
                        limiter.path("lookahead_frames").asInt(), limiter.path("release_frames").asDouble()));
            }
            if (result.has("normalisation_gain_db")) {
                return java.util.Optional.of(Normalisation.of(master, rate, result.get("normalisation_gain_db").asDouble()));
            }
        }
        return java.util.Optional.empty();
    }

    private static java.nio.file.attribute.FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    static void write(Path out, RenderSettings settings, RenderResult result) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.set("settings", settings.toJson());
        n.set("result", result.toJson(JSON));
        Path side = sidecar(out);
        Path tmp = side.resolveSibling("." + side.getFileName() + ".part");
        Files.writeString(tmp, JSON.writeValueAsString(n) + "\n");
        Files.move(tmp, side, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
