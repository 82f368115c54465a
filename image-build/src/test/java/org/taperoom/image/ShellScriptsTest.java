package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shell script in the repository passes shellcheck, including the ones added later. */
class ShellScriptsTest {
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea");

    /**
     * Files ending in .sh, files whose first line starts a POSIX shell or bash, and shell fragments
     * that other scripts source (they say so with a {@code # shellcheck shell=} directive).
     */
    static List<Path> shellScripts(Path root) throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isRegularFile(p) || isSkipped(root.relativize(p))) continue;
                if (p.getFileName().toString().endsWith(".sh") || startsAShell(p)) scripts.add(p);
            }
        }
        return scripts;
    }

    private static boolean isSkipped(Path relative) {
        for (Path part : relative) if (SKIPPED_FOLDERS.contains(part.toString())) return true;
        return false;
    }

    private static boolean startsAShell(Path p) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.ISO_8859_1)) {
            String first = r.readLine();
            if (first != null && first.matches("#!\\s*(/usr)?/bin/(env\\s+)?(ba|da)?sh\\b.*")) return true;
            for (String line = first; line != null && line.startsWith("#"); line = r.readLine()) {
                if (line.startsWith("# shellcheck shell=")) return true;
            }
            return false;
        }
    }

    @Test
    void theFinderFindsTheLauncherCiAndMaintainerScripts() throws Exception {
        Path root = Run.repo();
        List<String> found = shellScripts(root).stream().map(p -> root.relativize(p).toString()).toList();
        for (String expected : List.of("taperoom", ".ci/run", "image-build/src/deb/bin/taperoom",
                "image-build/src/deb/control/postinst", "image-build/src/deb/control/prerm", "image-build/src/deb/control/postrm",
                "image-build/build-image.sh", "image-build/pi-gen/config", "image-build/pi-gen/stage-taperoom/prerun.sh",
                "image-build/pi-gen/stage-taperoom/01-system/files/taperoom-firstboot")) {
            assertTrue(found.contains(expected), expected + " is a shell script but was not found; found " + found);
        }
    }

    @Test
    void everyShellScriptInTheRepositoryPassesShellcheck() throws Exception {
        Path root = Run.repo();
        List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style", "--external-sources"));
        List<Path> scripts = shellScripts(root);
        for (Path p : scripts) command.add(root.relativize(p).toString());
        Run run = Run.of(root, java.util.Map.of(), command);
        System.out.println("shellcheck checked " + scripts.size() + " scripts");
        assertEquals(0, run.exit(), "shellcheck found problems:\n" + run.output());
    }
}
