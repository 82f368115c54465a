package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.server.Route;

/** web-panel/API.md documents every route with its method, path, access and who may call it, in the server's order. */
@ExtendWith(PanelRigExtension.class)
class ApiReferenceTest {
    static final Path REFERENCE = Path.of("API.md");
    /** A table row: | `METHOD` | `/path` | access | who | what it does | */
    static final Pattern ROW = Pattern.compile("^\\| `([A-Z]+)` \\| `([^`]+)` \\| (\\w+) \\| (\\w+) \\|.*");

    static PanelRig rig;

    @Test
    void theReferencePageListsExactlyTheRoutesTheServerHas() throws Exception {
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(REFERENCE)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) documented.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        List<String> served = new ArrayList<>();
        for (Route r : rig.panel.routes()) served.add(r.method() + " " + r.path() + " " + r.access().name().toLowerCase(java.util.Locale.ROOT) + " " + who(r));
        if (!documented.equals(served)) {
            StringBuilder rows = new StringBuilder();
            for (Route r : rig.panel.routes()) {
                rows.append("| `").append(r.method()).append("` | `").append(r.path()).append("` | ")
                        .append(r.access().name().toLowerCase(java.util.Locale.ROOT)).append(" | ").append(who(r)).append(" | ").append(r.summary()).append(" |\n");
            }
            System.out.println("API.md should list these rows:\n" + rows);
        }
        assertEquals(served, documented);
    }

    static String who(Route r) {
        return r.who() == null ? "undeclared" : r.who().name().toLowerCase(java.util.Locale.ROOT);
    }
}
