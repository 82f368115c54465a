package org.taperoom.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The panel's message files against the code that reads them: every key a page uses (through
 * {@code t('…')}, {@code plural('…')} or a {@code data-i18n*} attribute) is in English and German,
 * both files hold the same keys with the same placeholders, no key is left unused, and no German
 * text is a copy of the English unless de.properties says the word is the same
 * ({@code # same as English: key, key}). Pages are found by walking panel/, so a page added
 * later is checked as it lands.
 */
class MessageFilesTest {
    static final Path PANEL = Path.of("src/main/resources/panel");
    static final Pattern CALL = Pattern.compile("\\b(t|plural)\\(\\s*'([^']+)'");
    static final Pattern ATTRIBUTE = Pattern.compile("data-i18n(?:-label|-title|-placeholder)?=\"([^\"]+)\"");
    static final Pattern LITERAL = Pattern.compile("['\"`]([a-z][\\w]*(?:\\.[\\w]+)+)['\"`]");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    static final Pattern SAME = Pattern.compile("^#\\s*same as English:\\s*(.*)$");

    record Messages(Map<String, String> texts, Set<String> sameAsEnglish, List<String> duplicates) {}

    static Messages read(String lang) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> same = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String raw : Files.readAllLines(PANEL.resolve("i18n/" + lang + ".properties"), StandardCharsets.UTF_8)) {
            String line = raw.strip();
            Matcher s = SAME.matcher(line);
            if (s.matches()) {
                for (String k : s.group(1).split(",")) if (!k.isBlank()) same.add(k.strip());
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            assertTrue(eq > 0, lang + ".properties: not a 'key = text' line: " + line);
            String key = line.substring(0, eq).strip();
            if (texts.put(key, line.substring(eq + 1).strip()) != null) duplicates.add(key);
        }
        return new Messages(texts, same, duplicates);
    }

    /** Every file of the panel's code and markup, path → text. */
    static Map<String, String> sources() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(PANEL)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).sorted().toList()) {
                files.put(PANEL.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    /** Keys read by t(), plural() (both forms) and data-i18n attributes, each with where it is read. */
    static Map<String, String> usedKeys() throws IOException {
        Map<String, String> used = new LinkedHashMap<>();
        for (var file : sources().entrySet()) {
            Matcher call = CALL.matcher(file.getValue());
            while (call.find()) {
                if (call.group(1).equals("plural")) {
                    used.putIfAbsent(call.group(2) + ".one", file.getKey());
                    used.putIfAbsent(call.group(2) + ".other", file.getKey());
                } else {
                    used.putIfAbsent(call.group(2), file.getKey());
                }
            }
            Matcher attribute = ATTRIBUTE.matcher(file.getValue());
            while (attribute.find()) used.putIfAbsent(attribute.group(1), file.getKey());
        }
        used.remove("key"); // i18n.js's own documentation of the attribute
        return used;
    }

    @Test
    void everyKeyThePanelReadsIsInTheEnglishAndTheGermanFile() throws IOException {
        Map<String, String> en = read("en").texts();
        Map<String, String> de = read("de").texts();
        List<String> missing = new ArrayList<>();
        usedKeys().forEach((key, where) -> {
            if (!en.containsKey(key)) missing.add(key + " (read in " + where + ") is not in en.properties");
            if (!de.containsKey(key)) missing.add(key + " (read in " + where + ") is not in de.properties");
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void bothFilesHoldTheSameKeysWithTheSamePlaceholdersAndNoKeyTwice() throws IOException {
        Messages en = read("en");
        Messages de = read("de");
        assertEquals(List.of(), en.duplicates(), "keys given twice in en.properties");
        assertEquals(List.of(), de.duplicates(), "keys given twice in de.properties");
        Set<String> onlyEnglish = new TreeSet<>(en.texts().keySet());
        onlyEnglish.removeAll(de.texts().keySet());
        Set<String> onlyGerman = new TreeSet<>(de.texts().keySet());
        onlyGerman.removeAll(en.texts().keySet());
        assertEquals(Set.of(), onlyEnglish, "keys in en.properties only");
        assertEquals(Set.of(), onlyGerman, "keys in de.properties only");
        List<String> different = new ArrayList<>();
        en.texts().forEach((key, text) -> {
            Set<String> want = placeholders(text);
            Set<String> got = placeholders(de.texts().getOrDefault(key, ""));
            if (!want.equals(got)) different.add(key + ": en " + want + ", de " + got);
        });
        assertEquals(List.of(), different, "placeholders differ");
    }

    @Test
    void noKeyIsUnusedAndNoGermanTextIsACopyOfTheEnglishUnlessMarkedTheSame() throws IOException {
        Messages en = read("en");
        Messages de = read("de");
        Set<String> used = new TreeSet<>(usedKeys().keySet());
        // Keys a page picks at run time are written out whole in a map ('state.idle'), so a
        // quoted key anywhere in the code counts as read.
        for (String text : sources().values()) {
            Matcher m = LITERAL.matcher(text);
            while (m.find()) used.add(m.group(1));
        }
        Set<String> unused = new TreeSet<>(en.texts().keySet());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys in the message files that no page reads");

        Set<String> copied = new TreeSet<>();
        en.texts().forEach((key, text) -> {
            if (text.equals(de.texts().get(key)) && !de.sameAsEnglish().contains(key)) copied.add(key);
        });
        assertEquals(Set.of(), copied, "German texts identical to the English (translate them, or list them after '# same as English:')");
        Set<String> wrongSame = new TreeSet<>();
        for (String key : de.sameAsEnglish()) {
            if (!en.texts().containsKey(key) || !en.texts().get(key).equals(de.texts().get(key))) wrongSame.add(key);
        }
        assertEquals(Set.of(), wrongSame, "listed as the same as English but not the same (or not a key)");
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
