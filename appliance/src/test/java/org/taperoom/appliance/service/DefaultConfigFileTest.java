package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigKey;
import org.taperoom.appliance.config.Schema;

class DefaultConfigFileTest {
    /** The conffile the Debian package installs as /etc/taperoom/taperoom.conf. */
    private static final Path SHIPPED = Path.of("..", "systemd", "taperoom.conf");

    @Test
    void theShippedConfigurationIsGeneratedFromTheSchemaAndDocumentsEveryKey() throws Exception {
        String want = DefaultConfigFile.text();
        if (Boolean.getBoolean("taperoom.writeDefaultConfig")) Files.writeString(SHIPPED, want, StandardCharsets.UTF_8);
        assertEquals(want, Files.readString(SHIPPED, StandardCharsets.UTF_8),
                "systemd/taperoom.conf has drifted from the schema; regenerate it: "
                        + "taperoom serve --print-default-config > systemd/taperoom.conf");
        List<String> missing = Schema.all().stream().map(ConfigKey::name)
                .filter(name -> !want.contains("\n#" + name + " = "))
                .toList();
        assertTrue(missing.isEmpty(), "the default configuration does not document " + missing);
    }

    @Test
    void theShippedConfigurationLoadsToTheDefaults() throws Exception {
        assertEquals(Config.defaults().asMap(), Config.load(SHIPPED, Map.of()).asMap());
    }

    @Test
    void uncommentingEveryLineOfTheGeneratedFileStillLoadsToTheDefaults(@TempDir Path dir) throws Exception {
        String uncommented = DefaultConfigFile.text().lines()
                .map(l -> l.matches("#[A-Za-z]+ = .*") ? l.substring(1) : l)
                .collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("taperoom.conf"), uncommented);
        assertEquals(Config.defaults().asMap().toString(), Config.load(file, Map.of()).asMap().toString());
    }
}
