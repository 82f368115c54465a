package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.taperoom.appliance.config.Spelling;

/**
 * Strict reading of one JSON object of a settings document: every key read is checked for type
 * and range, and {@link #finish()} rejects any key nobody read, so a typo is an error rather than
 * a silently ignored setting. Messages start with the full key path ({@code mix.tracks.bass.fader_db}).
 */
public final class Fields {
    private final String path;
    private final JsonNode node;
    private final Set<String> known = new HashSet<>();
    private final List<String> knownOrder = new ArrayList<>();

    private Fields(String path, JsonNode node) {
        this.path = path;
        this.node = node;
    }

    public static Fields of(String path, JsonNode node) throws SettingsException {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new SettingsException(path + ": expected an object {...}, got " + kind(node));
        }
        return new Fields(path, node);
    }

    public String path() {
        return path;
    }

    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode take(String name) {
        if (known.add(name)) knownOrder.add(name);
        if (node == null || node.isNull()) return null;
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    public double number(String name, double fallback, double min, double max) throws SettingsException {
        JsonNode v = take(name);
        if (v == null) return fallback;
        if (!v.isNumber()) throw new SettingsException(key(name) + ": expected a number from " + fmt(min) + " to " + fmt(max) + ", got " + kind(v));
        double d = v.asDouble();
        if (!(d >= min && d <= max)) throw new SettingsException(key(name) + ": " + v + " is out of range; expected " + fmt(min) + " to " + fmt(max));
        return d;
    }

    /** A level in dB that may also be the string "-inf" (silence), at most {@code max}. */
    double levelDb(String name, double fallback, double max) throws SettingsException {
        JsonNode v = take(name);
        if (v == null) return fallback;
        if (v.isTextual() && v.asText().equals("-inf")) return Double.NEGATIVE_INFINITY;
        if (!v.isNumber()) throw new SettingsException(key(name) + ": expected a number up to " + fmt(max) + " (dB) or \"-inf\", got " + kind(v));
        double d = v.asDouble();
        if (!(d <= max) || d < -144) throw new SettingsException(key(name) + ": " + v + " is out of range; expected -144 to " + fmt(max) + " dB or \"-inf\"");
        return d;
    }

    public boolean bool(String name, boolean fallback) throws SettingsException {
        JsonNode v = take(name);
        if (v == null) return fallback;
        if (!v.isBoolean()) throw new SettingsException(key(name) + ": expected true or false, got " + kind(v));
        return v.asBoolean();
    }

    public String text(String name, String fallback, int maxLength) throws SettingsException {
        JsonNode v = take(name);
        if (v == null) return fallback;
        if (!v.isTextual()) throw new SettingsException(key(name) + ": expected a string, got " + kind(v));
        if (v.asText().length() > maxLength) throw new SettingsException(key(name) + ": longer than " + maxLength + " characters");
        return v.asText();
    }

    public String choice(String name, String fallback, List<String> choices) throws SettingsException {
        JsonNode v = take(name);
        if (v == null) return fallback;
        if (!v.isTextual() || !choices.contains(v.asText().toLowerCase(Locale.ROOT))) {
            throw new SettingsException(key(name) + ": expected one of " + String.join(", ", choices) + ", got " + (v.isTextual() ? "\"" + v.asText() + "\"" : kind(v)));
        }
        return v.asText().toLowerCase(Locale.ROOT);
    }

    /** The elements of an array, or an empty list when absent. */
    public List<JsonNode> list(String name) throws SettingsException {
        JsonNode v = take(name);
        if (v == null) return List.of();
        if (!v.isArray()) throw new SettingsException(key(name) + ": expected an array [...], got " + kind(v));
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    public boolean has(String name) {
        return node != null && node.has(name) && !node.get(name).isNull();
    }

    public Fields object(String name) throws SettingsException {
        return Fields.of(key(name), take(name));
    }

    /** The names of this object's keys (for maps such as mix.tracks). */
    public List<String> keys() {
        List<String> names = new ArrayList<>();
        if (node == null || node.isNull()) return names;
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) names.add(it.next());
        return names;
    }

    /** Rejects keys this object does not know, naming the closest known one. */
    public void finish() throws SettingsException {
        if (node == null || node.isNull()) return;
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!known.contains(k)) {
                String best = Spelling.closest(k, knownOrder);
                if (best == null) {
                    // "fader" for "fader_db": a missing unit suffix is the commonest slip.
                    best = knownOrder.stream().filter(n -> n.startsWith(k + "_")).findFirst().orElse(null);
                }
                throw new SettingsException(key(k) + ": unknown key" + (best != null ? " (did you mean " + best + "?)" : "")
                        + "; known keys: " + String.join(", ", knownOrder));
            }
        }
    }

    public static String kind(JsonNode v) {
        if (v.isTextual()) return "the string \"" + v.asText() + "\"";
        if (v.isNumber()) return "the number " + v;
        if (v.isBoolean()) return v.asText();
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    static String fmt(double d) {
        if (d == Double.NEGATIVE_INFINITY) return "-inf";
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }

    static void putLevel(ObjectNode n, String name, double db) {
        if (db == Double.NEGATIVE_INFINITY) n.put(name, "-inf");
        else n.put(name, db);
    }
}
