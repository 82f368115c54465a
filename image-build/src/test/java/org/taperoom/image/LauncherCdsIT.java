package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive, with the real launcher and the built jar copied into a
 * scratch tree (no sources there, so the launcher does not build): the archive is written once per
 * command, replaced after a rebuild, and never breaks a run or its JSON output.
 */
class LauncherCdsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scratch tree shaped like the repository: the launcher at its root, the jar in appliance/target. */
    private static Path scratchTree(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("appliance/target"));
        Files.copy(Run.repo().resolve("appliance/target/taperoom.jar"), target.resolve("taperoom.jar"));
        Path share = Files.createDirectories(dir.resolve("image-build/src/deb/share"));
        for (String f : List.of("java-runtime.sh", "taperoom.jvmargs")) {
            Files.copy(Run.repo().resolve("image-build/src/deb/share").resolve(f), share.resolve(f));
        }
        Path launcher = dir.resolve("taperoom");
        Files.copy(Run.repo().resolve("taperoom"), launcher);
        assertTrue(launcher.toFile().setExecutable(true));
        return target;
    }

    /** Runs {@code taperoom devices --json} and checks its standard output alone is JSON. */
    private static void devicesJson(Path dir, Map<String, String> env) throws Exception {
        Path out = dir.resolve("stdout.json");
        Run run = Run.of(dir, env, List.of("bash", "-c", "./taperoom devices --json > stdout.json"));
        assertEquals(0, run.exit(), "the launcher failed; it said:\n" + run.output());
        String stdout = Files.readString(out);
        assertTrue(JSON.readTree(stdout).isArray(), "standard output is not the device list:\n" + stdout);
        assertFalse(run.output().contains("[cds]"), "CDS logging reached the terminal:\n" + run.output());
    }

    private static List<Path> archives(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    @Test
    void theFirstRunOfACommandWritesItsArchiveAndARebuildReplacesIt(@TempDir Path dir) throws Exception {
        Path target = scratchTree(dir);
        devicesJson(dir, Map.of());
        List<Path> first = archives(target);
        assertEquals(1, first.size(), "expected one archive after the first run, found " + first);
        assertTrue(first.get(0).getFileName().toString().startsWith("taperoom-devices-"), first.toString());
        assertTrue(Files.size(first.get(0)) > 1_000_000, "the archive is too small to hold the classes: " + Files.size(first.get(0)));

        devicesJson(dir, Map.of());
        assertEquals(first, archives(target), "a second run must reuse the archive");

        // A rebuild: the jar changes; the old archive (refused by the JVM for this jar) goes, a new one comes.
        Path jar = target.resolve("taperoom.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        devicesJson(dir, Map.of());
        List<Path> rebuilt = archives(target);
        assertEquals(1, rebuilt.size(), "expected one archive after a rebuild, found " + rebuilt);
        assertFalse(rebuilt.equals(first), "the archive of the old jar is still in use: " + rebuilt);
    }

    @Test
    void aTruncatedArchiveIsIgnoredAndTheRunSucceeds(@TempDir Path dir) throws Exception {
        Path target = scratchTree(dir);
        devicesJson(dir, Map.of());
        Path archive = archives(target).get(0);
        byte[] head = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(head, 4096));
        devicesJson(dir, Map.of());
    }

    @Test
    void helpDoesNotWriteAnArchiveAndTaperoomCdsZeroTurnsItOff(@TempDir Path dir) throws Exception {
        Path target = scratchTree(dir);
        Run help = Run.of(dir, Map.of(), List.of("./taperoom", "devices", "--help"));
        assertEquals(0, help.exit(), help.output());
        assertEquals(List.of(), archives(target), "--help wrote an archive");
        devicesJson(dir, Map.of("TAPEROOM_CDS", "0"));
        assertEquals(List.of(), archives(target), "TAPEROOM_CDS=0 wrote an archive");
    }

    @Test
    void aMistypedCommandWritesNoArchive(@TempDir Path dir) throws Exception {
        Path target = scratchTree(dir);
        Run run = Run.of(dir, Map.of(), List.of("./taperoom", "frobnicate"));
        assertEquals(2, run.exit(), run.output());
        assertEquals(List.of(), archives(target), "an unknown command wrote an archive");
    }

    @Test
    void theLauncherOffersArchivesForExactlyTheCommandsOfTheCli() throws Exception {
        Run help = Run.of(Run.repo(), Map.of("TAPEROOM_CDS", "0"), List.of("./taperoom", "--help"));
        List<String> cli = help.output().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .takeWhile(l -> l.startsWith("  ")).map(l -> l.strip().split("\\s+")[0]).sorted().toList();
        assertTrue(cli.size() >= 5, help.output());
        String launcher = Files.readString(Run.repo().resolve("taperoom"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cds_commands=\" ([a-z -]+) \"").matcher(launcher);
        assertTrue(m.find(), "no cds_commands list in the launcher");
        assertEquals(cli, java.util.Arrays.stream(m.group(1).split(" ")).sorted().toList(),
                "the launcher's cds_commands differ from the CLI's commands");
    }

    @Test
    void everyCommandRunsWithTheHeapAndCollectorOfTheService(@TempDir Path dir) throws Exception {
        scratchTree(dir);
        for (List<String> command : List.of(List.of("./taperoom", "devices", "--help"), List.of("./taperoom", "demo", "--help"))) {
            Run run = Run.of(dir, Map.of("TAPEROOM_JAVA_OPTS", "-XX:+PrintFlagsFinal"), command);
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().matches("(?s).*\\bMaxHeapSize += 201326592 .*"), command.toString() + ": heap not capped at 192 MiB");
            assertTrue(run.output().matches("(?s).*\\bUseZGC += true .*"), command.toString() + ": not on ZGC");
            assertTrue(run.output().matches("(?s).*\\bExitOnOutOfMemoryError += true .*"), command.toString());
        }
    }
}
