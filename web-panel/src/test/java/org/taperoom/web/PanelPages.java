package org.taperoom.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The panel's pages as main.js's {@code pages} map names them, so the browser tests that walk
 * "every page" also walk pages added after they were written.
 */
final class PanelPages {
    static final Path MAIN_JS = Path.of("src/main/resources/panel/js/main.js");
    private static final Pattern MAP = Pattern.compile("const pages = \\{([^}]*)\\}");

    private PanelPages() {}

    /** The hash names ({@code record}, {@code takes}, …) in the map's order. */
    static List<String> names() throws IOException {
        Matcher m = MAP.matcher(Files.readString(MAIN_JS));
        if (!m.find()) throw new IllegalStateException(MAIN_JS + " has no 'const pages = { … }' map");
        List<String> names = Arrays.stream(m.group(1).split(","))
                .map(entry -> entry.split(":")[0].strip())
                .filter(name -> !name.isEmpty())
                .toList();
        if (names.size() < 6) throw new IllegalStateException("expected at least the six first pages in " + MAIN_JS + ": " + names);
        return names;
    }
}
