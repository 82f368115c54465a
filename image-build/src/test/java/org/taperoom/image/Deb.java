package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The package the build made, and ways to open it. */
final class Deb {
    private Deb() {}

    static Path file() {
        Path deb = Path.of(System.getProperty("taperoom.deb", "target/missing.deb"));
        assertTrue(Files.isRegularFile(deb), "the build did not make " + deb + " (run mvn verify, not test)");
        return deb;
    }

    /** The optional kiosk package (taperoom-kiosk). */
    static Path kioskFile() {
        Path deb = Path.of(System.getProperty("taperoom.kiosk.deb", "target/missing-kiosk.deb"));
        assertTrue(Files.isRegularFile(deb), "the build did not make " + deb + " (run mvn verify, not test)");
        return deb;
    }

    /** Unpacks the files of the package under {@code root} (dpkg-deb -x). */
    static void extract(Path root) throws Exception {
        extract(file(), root);
    }

    /** Unpacks the files of {@code deb} under {@code root} (dpkg-deb -x). */
    static void extract(Path deb, Path root) throws Exception {
        Run run = Run.of(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        assertEquals(0, run.exit(), run.output());
    }

    /** One control field of {@code deb} (dpkg-deb -f). */
    static String field(Path deb, String name) throws Exception {
        Run run = Run.of(List.of("dpkg-deb", "-f", deb.toString(), name));
        assertEquals(0, run.exit(), run.output());
        return run.output().strip();
    }

    /** lintian's errors about {@code deb}, none expected; its warnings are printed. */
    static void assertLintianFindsNoErrors(Path deb) throws Exception {
        Run run = Run.of(List.of("lintian", "--tag-display-limit", "0", deb.toString()));
        List<String> errors = new ArrayList<>();
        for (String line : run.output().lines().toList()) {
            if (line.startsWith("E: ")) errors.add(line);
            if (line.startsWith("W: ") || line.startsWith("E: ")) System.out.println("lintian " + line);
        }
        assertTrue(errors.isEmpty(), "lintian errors:\n" + String.join("\n", errors));
        assertEquals(0, run.exit(), "lintian failed:\n" + run.output());
    }

    /** Unpacks the control files (control, conffiles, maintainer scripts) into {@code dir} (dpkg-deb -e). */
    static void extractControl(Path dir) throws Exception {
        Run run = Run.of(List.of("dpkg-deb", "-e", file().toString(), dir.toString()));
        assertEquals(0, run.exit(), run.output());
    }
}
