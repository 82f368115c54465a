package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.RecordingKeys;

class ConfigFileEditTest {

    @Test
    void aKeyIsSetBelowItsCommentedDefaultAndEveryOtherLineStays(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taperoom.conf"), DefaultConfigFile.text());
        ConfigFileEdit.set(file, RecordingKeys.CHANNELS, "8");
        List<String> before = DefaultConfigFile.text().lines().toList();
        List<String> after = Files.readAllLines(file);
        assertEquals(before.size() + 1, after.size());
        int at = after.indexOf("channels = 8");
        assertEquals("#channels = 2", after.get(at - 1));
        assertEquals(8, Config.load(file, Map.of()).get(RecordingKeys.CHANNELS));
    }

    @Test
    void aKeyAlreadySetIsReplacedNotRepeated(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taperoom.conf"), "# mine\nchannels = 4\n");
        ConfigFileEdit.set(file, RecordingKeys.CHANNELS, "16");
        assertEquals(List.of("# mine", "channels = 16"), Files.readAllLines(file));
    }

    @Test
    void aBadValueLeavesTheFileAsItWas(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taperoom.conf"), "channels = 4\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileEdit.set(file, RecordingKeys.CHANNELS, "999"));
        assertTrue(e.getMessage().contains("channels"), e.getMessage());
        assertEquals("channels = 4\n", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "the temporary file was left behind");
        }
    }
}
