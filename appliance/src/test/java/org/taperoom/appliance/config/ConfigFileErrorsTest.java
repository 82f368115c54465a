package org.taperoom.appliance.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration errors name the file, the key and the line, and say what would be right. */
class ConfigFileErrorsTest {
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
