package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the panel's pages and markup name is in the English and the German file. */
class MessageFilesTest {
    static final Path PANEL = Path.of("src", "main", "resources", "panel");
    /** t('key') and t("key") with a literal key; keys built at run time are listed by the page test that shows them. */
    static final Pattern T_CALL = Pattern.compile("\\bt\\(\\s*['\"]([A-Za-z0-9_.]+)['\"]");
    static final Pattern DATA_I18N = Pattern.compile("data-i18n(?:-label|-title|-placeholder)?=\"([A-Za-z0-9_.]+)\"");
    /** The keys the tuner and sheet pages build from a value (`tuner.${word}`, `sheets.kind.${kind}` …). */
    static final List<String> BUILT = List.of("tuner.inTune", "tuner.sharp", "tuner.flat", "sheets.owner.song", "sheets.owner.take",
            "sheets.kind.verse", "sheets.kind.chorus", "sheets.kind.bridge", "sheets.kind.intro", "sheets.kind.outro", "sheets.kind.tab",
            "sheets.kind.grid");

    static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(PANEL.resolve("i18n").resolve(lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyThePagesNameIsInBothMessageFiles() throws IOException {
        TreeSet<String> used = new TreeSet<>(BUILT);
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PANEL.resolve("js"))) {
            files.filter(f -> f.toString().endsWith(".js")).forEach(sources::add);
        }
        for (Path f : sources) {
            Matcher m = T_CALL.matcher(Files.readString(f));
            while (m.find()) used.add(m.group(1));
        }
        Matcher m = DATA_I18N.matcher(Files.readString(PANEL.resolve("index.html")));
        while (m.find()) used.add(m.group(1));
        for (String lang : List.of("en", "de")) {
            Properties p = load(lang);
            List<String> missing = used.stream().filter(k -> !p.containsKey(k)).toList();
            assertEquals(List.of(), missing, "keys missing from " + lang + ".properties");
        }
    }
}
