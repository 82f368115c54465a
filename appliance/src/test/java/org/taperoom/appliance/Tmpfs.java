package org.taperoom.appliance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Small RAM file systems for the tests of full and read-only disks; mounting is probed, not assumed. */
public final class Tmpfs {
    private Tmpfs() {}

    /**
     * Why this process may not mount a tmpfs, or null when it may: probed by mounting one, since
     * being root is not enough (a container may forbid mounts) and not being root may be (a
     * user namespace with CAP_SYS_ADMIN).
     */
    public static String mountRefusal(Path dir) throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "this process may not mount a tmpfs (" + (said.isEmpty() ? "mount exited " + p.exitValue() : said) + ")";
        }
        run("umount", probe.toString());
        return null;
    }

    /** Runs a command (mount, umount) and fails the test unless it succeeds within 30 s. */
    public static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd));
    }
}
