package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Unpacks the control files (control, conffiles, maintainer scripts) into {@code dir} (dpkg-deb -e). */
    static void extractControl(Path dir) throws Exception {
        Run run = Run.of(List.of("dpkg-deb", "-e", file().toString(), dir.toString()));
        assertEquals(0, run.exit(), run.output());
    }
}
