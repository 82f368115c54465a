package org.taperoom.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Set;
import org.taperoom.web.server.ApiError;

/**
 * A request's JSON object, read once, with typed accessors that reject what does not fit with a
 * 400 naming the field ("gainDb: expected a number from -60 to 24, got 1e9"). Unknown fields are
 * rejected too, so a typo never silently does nothing.
 */
public final class Body {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode object;

    private Body(ObjectNode object) {
        this.object = object;
    }

    /** Parses the body as a JSON object whose fields are all in {@code allowed}. */
    public static Body of(Context ctx, Set<String> allowed) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) throw ApiError.badRequest("body", "expected a JSON object, got an empty body");
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("body", "could not be read");
        }
        if (node == null || !node.isObject()) throw ApiError.badRequest("body", "expected a JSON object");
        ObjectNode object = (ObjectNode) node;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw ApiError.badRequest(name, "unknown field; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new Body(object);
    }

    public boolean has(String field) {
        return object.has(field);
    }

    public Set<String> fields() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public JsonNode node(String field) {
        return object.get(field);
    }

    /** A string field of at most {@code maxChars} characters without control characters. */
    public String text(String field, int maxChars) {
        JsonNode n = required(field);
        if (!n.isTextual()) throw ApiError.badRequest(field, "expected a string, got " + kind(n));
        String s = n.textValue();
        if (s.length() > maxChars) throw ApiError.badRequest(field, "at most " + maxChars + " characters, got " + s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t') throw ApiError.badRequest(field, "must not contain control characters");
        }
        return s;
    }

    public boolean bool(String field) {
        JsonNode n = required(field);
        if (!n.isBoolean()) throw ApiError.badRequest(field, "expected true or false, got " + kind(n));
        return n.booleanValue();
    }

    /** A finite number within [min, max]. */
    public double number(String field, double min, double max) {
        return number(field, required(field), min, max);
    }

    public static double number(String field, JsonNode n, double min, double max) {
        if (n == null || !n.isNumber()) throw ApiError.badRequest(field, "expected a number from " + fmt(min) + " to " + fmt(max) + ", got " + kind(n));
        double v = n.doubleValue();
        if (!Double.isFinite(v) || v < min || v > max) {
            throw ApiError.badRequest(field, "expected a number from " + fmt(min) + " to " + fmt(max) + ", got " + n.asText());
        }
        return v;
    }

    private JsonNode required(String field) {
        JsonNode n = object.get(field);
        if (n == null) throw ApiError.badRequest(field, "missing");
        return n;
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isTextual()) return "a string";
        if (n.isNumber()) return "a number";
        if (n.isBoolean()) return "a boolean";
        if (n.isArray()) return "an array";
        return "an object";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
