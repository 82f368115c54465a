package org.taperoom.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility audit, from its WebJar (a test dependency): injected into the page
 * the browser shows by the test, never served by the panel.
 */
final class Axe {
    static final String SCRIPT = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    private static final String SOURCE = load();

    private Axe() {}

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IllegalStateException("axe-core is not on the test class path at " + SCRIPT + " (the version in the pom changed?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's serious and critical violations on what the browser shows now, one entry each; the milder ones are printed. */
    static List<String> seriousOrCritical(Browser b, String where) throws IOException {
        b.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        b.js(SOURCE);
        String json = (String) ((JavascriptExecutor) b.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] })"
                        + ".then(r => done(JSON.stringify(r.violations)))"
                        + ".catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));");
        List<String> failing = new ArrayList<>();
        for (JsonNode v : PanelRig.JSON.readTree(json)) {
            String impact = v.path("impact").asText();
            StringBuilder line = new StringBuilder(where + ": " + impact + " " + v.get("id").asText() + " (" + v.path("help").asText() + ")");
            for (JsonNode n : v.path("nodes")) line.append("\n    ").append(n.path("target")).append(' ').append(n.path("failureSummary").asText().replace('\n', ' '));
            if (FAILING_IMPACTS.contains(impact)) failing.add(line.toString());
            else System.out.println("axe, not failing: " + line);
        }
        return failing;
    }
}
