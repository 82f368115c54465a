package org.taperoom.appliance.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration every command reads: defaults in code ({@link Schema}), then the file, then
 * command-line flags. Immutable; a change makes a new instance ({@link #with}).
 *
 * <p>The file is lines of {@code key = value}; {@code #} starts a comment line; blank lines are
 * ignored. An unknown key or a bad value is an error naming the key and the line.
 */
public final class Config {
    /** Where {@code taperoom serve} looks when no {@code --config} is given. */
    public static final Path SYSTEM_FILE = Path.of("/etc/taperoom/taperoom.conf");

    private final Map<String, Object> values;

    private Config(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** All defaults. */
    public static Config defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ConfigKey<?> k : Schema.all()) m.put(k.name(), k.defaultValue());
        return new Config(m);
    }

    /**
     * Defaults, then {@code file} if not null, then {@code overrides} (flag name to text value).
     *
     * @throws ConfigException one line naming the file, line and key, or the flag
     */
    public static Config load(Path file, Map<String, String> overrides) throws ConfigException {
        Config c = defaults();
        if (file != null) c = c.withFile(file);
        return c.withTexts(overrides, "--");
    }

    /** This configuration with the keys of {@code file} applied. */
    public Config withFile(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>(values);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            String where = file + " line " + (i + 1);
            if (eq <= 0) throw new ConfigException(where + ": expected 'key = value', found '" + line + "'");
            String name = line.substring(0, eq).strip();
            ConfigKey<?> key = Schema.find(name);
            if (key == null) throw new ConfigException(where + ": unknown key '" + name + "'" + suggestion(name));
            try {
                m.put(name, key.parse(line.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        return new Config(m);
    }

    /**
     * This configuration with text values applied, e.g. from flags ({@code prefix} "--") or from
     * the panel's settings API ({@code prefix} "").
     */
    public Config withTexts(Map<String, String> texts, String prefix) throws ConfigException {
        if (texts.isEmpty()) return this;
        Map<String, Object> m = new LinkedHashMap<>(values);
        for (Map.Entry<String, String> e : texts.entrySet()) {
            ConfigKey<?> key = Schema.find(e.getKey());
            if (key == null) throw new ConfigException("unknown setting " + prefix + e.getKey() + suggestion(e.getKey()));
            try {
                m.put(key.name(), key.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(prefix + key.name() + ": " + ex.getMessage());
            }
        }
        return new Config(m);
    }

    /** This configuration with one typed value replaced. */
    public <T> Config with(ConfigKey<T> key, T value) {
        Map<String, Object> m = new HashMap<>(values);
        m.put(key.name(), value);
        return new Config(new LinkedHashMap<>(m));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        Object v = values.get(key.name());
        if (v == null && !values.containsKey(key.name())) {
            throw new IllegalStateException("key " + key.name() + " is not in the Schema");
        }
        return (T) v;
    }

    /** Every key and its current value, in schema order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private static String suggestion(String name) {
        String best = Spelling.closest(name, Schema.all().stream().map(ConfigKey::name).toList());
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
