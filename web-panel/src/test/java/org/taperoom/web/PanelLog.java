package org.taperoom.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log the panel wrote during a test, read from the file {@code tinylog-test.properties} adds
 * (the same lines the journal gets from the service). Mark, run the requests, then read what was
 * added since the mark.
 */
public final class PanelLog {
    static final Path FILE = Path.of("target", "panel-tests.log");

    private final long from;

    private PanelLog(long from) {
        this.from = from;
    }

    public static PanelLog mark() throws IOException {
        return new PanelLog(Files.exists(FILE) ? Files.size(FILE) : 0);
    }

    /** Everything logged since the mark. */
    public String since() throws IOException {
        if (!Files.exists(FILE)) return "";
        byte[] all = Files.readAllBytes(FILE);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
    }

    /** True when the text holds a Java stack trace ("\tat pkg.Class.method(" or "Exception:" lines). */
    public static boolean hasStackTrace(String text) {
        return text.contains("\tat ") || text.matches("(?s).*\\n\\s+at [\\w$.]+\\(.*");
    }

    /** Lines logged since the mark. */
    public long lines() throws IOException {
        return since().lines().count();
    }
}
