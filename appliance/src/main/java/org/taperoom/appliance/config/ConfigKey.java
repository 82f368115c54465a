package org.taperoom.appliance.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key: its name (as written in the file, on the command line as
 * {@code --name}, and in the panel's settings API), its default, how a text value is parsed and
 * checked, and the sentence that documents it. A bad value is rejected with a message that names
 * what would be right.
 *
 * @param <T> the value's Java type
 */
public final class ConfigKey<T> {
    private final String name;
    private final T defaultValue;
    private final String description;
    private final String expected;
    private final Function<String, T> parser;

    private ConfigKey(String name, T defaultValue, String description, String expected, Function<String, T> parser) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
        this.expected = expected;
        this.parser = parser;
    }

    public String name() { return name; }

    /** The key as a command-line flag, kebab-case as Unix tools spell flags ({@code preRollSeconds} → {@code pre-roll-seconds}). */
    public String flagName() { return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT); }
    public T defaultValue() { return defaultValue; }
    public String description() { return description; }
    /** What a valid value looks like, for error messages and the example file ("an integer from 1 to 64"). */
    public String expected() { return expected; }

    /**
     * Parses a text value.
     *
     * @throws IllegalArgumentException with a message saying what is expected
     */
    public T parse(String text) {
        String trimmed = text.trim();
        T value;
        try {
            value = parser.apply(trimmed);
        } catch (RuntimeException e) {
            value = null;
        }
        if (value == null) {
            throw new IllegalArgumentException("'" + trimmed + "' is not valid for " + name + ": expected " + expected);
        }
        return value;
    }

    /** The default as it would be written in a file. */
    public String defaultText() {
        return format(defaultValue);
    }

    /** A value as it would be written in a file. */
    public String format(Object value) {
        if (value == null) return "";
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString(d.longValue());
        return value.toString();
    }

    public static ConfigKey<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new ConfigKey<>(name, defaultValue, description, "an integer from " + min + " to " + max, s -> {
            int v = Integer.parseInt(s);
            return v >= min && v <= max ? v : null;
        });
    }

    public static ConfigKey<Long> longInteger(String name, long defaultValue, long min, long max, String description) {
        return new ConfigKey<>(name, defaultValue, description, "an integer from " + min + " to " + max, s -> {
            long v = Long.parseLong(s);
            return v >= min && v <= max ? v : null;
        });
    }

    public static ConfigKey<Double> decimal(String name, double defaultValue, double min, double max, String description) {
        return new ConfigKey<>(name, defaultValue, description, "a number from " + fmt(min) + " to " + fmt(max), s -> {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) && v >= min && v <= max ? v : null;
        });
    }

    /** An integer restricted to a list of values (sample rates). */
    public static ConfigKey<Integer> oneOfIntegers(String name, int defaultValue, List<Integer> allowed, String description) {
        return new ConfigKey<>(name, defaultValue, description, "one of " + join(allowed), s -> {
            int v = Integer.parseInt(s);
            return allowed.contains(v) ? v : null;
        });
    }

    /** A word from a fixed list, compared without regard to case, stored as written in the list. */
    public static ConfigKey<String> oneOf(String name, String defaultValue, List<String> allowed, String description) {
        return new ConfigKey<>(name, defaultValue, description, "one of " + join(allowed), s -> {
            for (String a : allowed) if (a.equalsIgnoreCase(s)) return a;
            return null;
        });
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, "true or false", s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        });
    }

    /** Free text; {@code required} rejects an empty value. */
    public static ConfigKey<String> text(String name, String defaultValue, boolean required, String description) {
        return new ConfigKey<>(name, defaultValue, description, required ? "a non-empty text" : "a text",
                s -> required && s.isEmpty() ? null : s);
    }

    /** Text that must match {@code regex} as a whole; {@code expected} says in words what matches. */
    public static ConfigKey<String> matching(String name, String defaultValue, String regex, String expected, String description) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        return new ConfigKey<>(name, defaultValue, description, expected, s -> pattern.matcher(s).matches() ? s : null);
    }

    public static ConfigKey<Path> path(String name, Path defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, "a file system path", s -> s.isEmpty() ? null : Path.of(s));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String join(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) b.append(i == values.size() - 1 ? " or " : ", ");
            b.append(values.get(i));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
