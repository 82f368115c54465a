package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (dpkg-deb, lintian, shellcheck, systemd-analyze) and keeps what it said. */
record Run(int exit, String output) {

    static Run of(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) pb.directory(dir.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail(command.get(0) + " is not installed (.ci/run installs it): " + e.getMessage());
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 5 minutes");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Run of(List<String> command) throws IOException, InterruptedException {
        return of(null, Map.of(), command);
    }

    /** The repository's root (the build passes it; tests run in image-build/). */
    static Path repo() {
        return Path.of(System.getProperty("taperoom.repo", "..")).toAbsolutePath().normalize();
    }
}
