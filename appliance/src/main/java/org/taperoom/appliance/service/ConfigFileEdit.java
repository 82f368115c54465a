package org.taperoom.appliance.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.ConfigKey;

/**
 * Sets one key in a configuration file and keeps everything else (comments, order) as it was:
 * the line that sets the key is replaced, else its commented-out default ({@code #key = ...}),
 * else a line is added at the end. The new file is checked before it replaces the old one, and
 * replaces it in one rename, so a power cut leaves the old or the new file, never half of one.
 */
public final class ConfigFileEdit {
    private ConfigFileEdit() {}

    public static <T> void set(Path file, ConfigKey<T> key, String value) throws IOException, ConfigException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        String line = key.name() + " = " + value;
        int set = -1;
        int commented = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.matches("\\Q" + key.name() + "\\E\\s*=.*")) set = i;
            else if (commented < 0 && l.matches("#\\s*\\Q" + key.name() + "\\E\\s*=.*")) commented = i;
        }
        List<String> out = new ArrayList<>(lines);
        if (set >= 0) out.set(set, line);
        else if (commented >= 0) out.add(commented + 1, line);
        else out.add(line);
        Path temp = file.resolveSibling("." + file.getFileName() + ".new");
        Files.write(temp, out, StandardCharsets.UTF_8);
        try {
            Config.load(temp, Map.of());
        } catch (ConfigException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
