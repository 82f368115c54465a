package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything a render needs besides the take: {@code {"mix": MixSettings, "master": MasterSettings,
 * "tags": Tags, "output": OutputSettings}}, every part optional. The schema is documented on each
 * record; appliance/docs/render-settings.md has an example. Parsing is strict: an unknown key, a wrong type
 * or a value out of range is a {@link SettingsException} whose one-line message names the key path.
 */
public record RenderSettings(MixSettings mix, MasterSettings master, Tags tags, OutputSettings output) {
    public static final RenderSettings DEFAULT = new RenderSettings(MixSettings.DEFAULT, MasterSettings.DEFAULT, Tags.NONE,
            OutputSettings.DEFAULT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RenderSettings parse(String json) throws SettingsException {
        Fields f = Fields.of("", read(json));
        RenderSettings s = new RenderSettings(MixSettings.parse(f.object("mix")), MasterSettings.parse(f.object("master")),
                Tags.parse(f.object("tags")), OutputSettings.parse(f.object("output")));
        f.finish();
        return s;
    }

    public static RenderSettings load(Path file) throws SettingsException, IOException {
        try {
            return parse(Files.readString(file));
        } catch (SettingsException e) {
            throw new SettingsException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** A mix document alone ({@code mix.json} beside take.json). */
    public static MixSettings parseMix(String json) throws SettingsException {
        return MixSettings.parse(Fields.of("mix", read(json)));
    }

    /** A master document alone ({@code master.json} beside take.json). */
    public static MasterSettings parseMaster(String json) throws SettingsException {
        return MasterSettings.parse(Fields.of("master", read(json)));
    }

    private static JsonNode read(String json) throws SettingsException {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null) throw new SettingsException("settings: empty document; expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new SettingsException("settings: not valid JSON at line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
        }
    }

    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        mix.write(n.putObject("mix"));
        master.write(n.putObject("master"));
        tags.write(n.putObject("tags"));
        output.write(n.putObject("output"));
        return n;
    }

    public static String mixJson(MixSettings m) {
        ObjectNode n = JSON.createObjectNode();
        m.write(n);
        return pretty(n);
    }

    public static String masterJson(MasterSettings m) {
        ObjectNode n = JSON.createObjectNode();
        m.write(n);
        return pretty(n);
    }

    public String toJsonText() {
        return pretty(toJson());
    }

    public RenderSettings withMix(MixSettings m) {
        return new RenderSettings(m, master, tags, output);
    }

    public RenderSettings withMaster(MasterSettings m) {
        return new RenderSettings(mix, m, tags, output);
    }

    public RenderSettings withOutput(OutputSettings o) {
        return new RenderSettings(mix, master, tags, o);
    }

    public RenderSettings withTags(Tags t) {
        return new RenderSettings(mix, master, t, output);
    }

    static String pretty(JsonNode n) {
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
