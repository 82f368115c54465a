package org.taperoom.appliance.dsp.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
