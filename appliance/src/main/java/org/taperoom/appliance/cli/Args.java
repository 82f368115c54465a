package org.taperoom.appliance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.ConfigKey;
import org.taperoom.appliance.config.Schema;
import org.taperoom.appliance.config.Spelling;

/**
 * A parsed command line: flags by name, positionals in order, and the configuration the command
 * runs with (defaults, then the file, then flags naming configuration keys).
 */
public final class Args {
    private final String command;
    private final Map<String, String> flags;
    private final List<String> positionals;
    private final Config config;
    private final Path configFile;
    /** Names of the configuration keys given as flags ({@code --panelAddress ...}). */
    private final Set<String> configFlags;

    private Args(String command, Map<String, String> flags, List<String> positionals, Config config, Path configFile,
                 Set<String> configFlags) {
        this.command = command;
        this.flags = flags;
        this.configFlags = configFlags;
        this.positionals = positionals;
        this.config = config;
        this.configFile = configFile;
    }

    /**
     * Parses {@code argv} (the words after the command name) for {@code cmd}.
     *
     * @param defaultConfigFile the file read when no {@code --config} is given and it exists, or null
     */
    public static Args parse(Command cmd, List<String> argv, Path defaultConfigFile) throws UsageException {
        Map<String, Flag> known = new LinkedHashMap<>();
        for (Flag f : cmd.flags()) known.put(f.name(), f);
        Map<String, String> flags = new LinkedHashMap<>();
        Map<String, String> configFlags = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        Path configFile = null;
        for (int i = 0; i < argv.size(); i++) {
            String word = argv.get(i);
            if (word.equals("--")) {
                positionals.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (!word.startsWith("--") || word.length() == 2) {
                positionals.add(word);
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Flag flag = known.get(name);
            ConfigKey<?> key = cmd.readsConfig() ? Schema.findFlag(name) : null;
            boolean isConfigFile = cmd.readsConfig() && name.equals("config");
            if (flag == null && key == null && !isConfigFile) {
                throw new UsageException("unknown flag --" + name + " for '" + cmd.name() + "'" + suggest(cmd, name)
                        + "; see 'taperoom " + cmd.name() + " --help'");
            }
            boolean takesValue = flag == null || flag.takesValue();
            if (takesValue && value == null) {
                if (i + 1 >= argv.size()) {
                    String placeholder = flag != null ? flag.valueName() : key != null ? key.expected() : "FILE";
                    throw new UsageException("--" + name + " needs a value (" + placeholder + ")");
                }
                value = argv.get(++i);
            }
            if (!takesValue && value != null) throw new UsageException("--" + name + " takes no value");
            if (isConfigFile) {
                configFile = Path.of(value);
            } else if (flag != null) {
                flags.put(name, takesValue ? value : "true");
            } else {
                configFlags.put(key.name(), value);
            }
        }
        Config config = Config.defaults();
        Path file = null;
        if (cmd.readsConfig()) {
            try {
                file = configFile != null ? configFile
                        : defaultConfigFile != null && defaultConfigFile.toFile().isFile() ? defaultConfigFile : null;
                if (configFile != null && !configFile.toFile().isFile()) {
                    throw new UsageException("--config " + configFile + ": no such file");
                }
                config = Config.load(file, configFlags);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new Args(cmd.name(), Collections.unmodifiableMap(flags), List.copyOf(positionals), config, file,
                Set.copyOf(configFlags.keySet()));
    }

    public Config config() {
        return config;
    }

    /** The configuration file that was read ({@code --config}, or the system file when it exists), or null. */
    public Path configFile() {
        return configFile;
    }

    /** Whether {@code key} was given on the command line (not only in a file or by default). */
    public boolean gave(ConfigKey<?> key) {
        return configFlags.contains(key.name());
    }

    public boolean has(String flag) {
        return flags.containsKey(flag);
    }

    public String string(String flag, String fallback) {
        return flags.getOrDefault(flag, fallback);
    }

    public double decimal(String flag, double fallback, double min, double max) throws UsageException {
        String v = flags.get(flag);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d >= min && d <= max) return d;
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new UsageException("--" + flag + " " + v + ": expected a number from " + min + " to " + max);
    }

    public long integer(String flag, long fallback, long min, long max) throws UsageException {
        String v = flags.get(flag);
        if (v == null) return fallback;
        try {
            long d = Long.parseLong(v);
            if (d >= min && d <= max) return d;
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new UsageException("--" + flag + " " + v + ": expected an integer from " + min + " to " + max);
    }

    public List<String> positionals() {
        return positionals;
    }

    /** The only positional, or a usage error naming it. */
    public String single(String what) throws UsageException {
        if (positionals.size() != 1) {
            throw new UsageException("'" + command + "' takes exactly one " + what + ", got " + positionals.size());
        }
        return positionals.get(0);
    }

    private static String suggest(Command cmd, String name) {
        List<String> names = new ArrayList<>();
        for (Flag f : cmd.flags()) names.add(f.name());
        if (cmd.readsConfig()) {
            names.add("config");
            for (ConfigKey<?> k : Schema.all()) names.add(k.flagName());
        }
        String best = Spelling.closest(name, names);
        return best == null ? "" : " (did you mean --" + best + "?)";
    }
}
