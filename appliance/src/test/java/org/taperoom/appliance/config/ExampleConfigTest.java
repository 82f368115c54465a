package org.taperoom.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example documents every key, and configuration errors name the key and the line. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("src/main/dist/taperoom.conf.example");

    @Test
    void theShippedExampleFileIsGeneratedFromTheSchemaAndDocumentsEveryKey() throws Exception {
        String want = ExampleFile.render();
        if (Boolean.getBoolean("taperoom.writeExample")) Files.writeString(EXAMPLE, want, StandardCharsets.UTF_8);
        assertEquals(want, Files.readString(EXAMPLE, StandardCharsets.UTF_8),
                "taperoom.conf.example has drifted from the schema; regenerate it (see the command at its top)");
        for (ConfigKey<?> k : Schema.all()) assertTrue(want.contains("\n#" + k.name() + " = "), "documents " + k.name());
    }

    @Test
    void theExampleWithEveryLineUncommentedLoadsAsTheDefaults(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String line : ExampleFile.render().split("\n")) {
            b.append(line.matches("#[A-Za-z0-9]+ = .*") ? line.substring(1) : line).append('\n');
        }
        Path file = dir.resolve("all.conf");
        Files.writeString(file, b.toString());
        assertEquals(Config.defaults().asMap(), Config.load(file, Map.of()).asMap());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheFileTheLineAndTheClosestKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.conf");
        Files.writeString(file, "# comment\nchannels = 8\n\npreRolSeconds = 5\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file, Map.of()));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("preRolSeconds")
                && e.getMessage().contains("preRollSeconds"), e.getMessage());
    }

    @Test
    void aBadValueIsAnErrorNamingTheLineTheKeyAndWhatIsExpected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.conf");
        Files.writeString(file, "channels = 8\nrate = 22050\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file, Map.of()));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("rate") && e.getMessage().contains("48000"), e.getMessage());
        Files.writeString(file, "preRollSeconds = 61\n");
        e = assertThrows(ConfigException.class, () -> Config.load(file, Map.of()));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("preRollSeconds") && e.getMessage().contains("0 to 60"),
                e.getMessage());
    }
}
