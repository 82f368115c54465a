package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.publish.Remotes;

/**
 * The publisher inside the real {@code taperoom serve} (a child process) against rclone's WebDAV
 * server on loopback: it starts with the service, logs each upload's progress at a bounded rate,
 * stops with SIGTERM leaving the upload in flight queued, and the next start finishes it: the
 * object arrives once and intact.
 */
class ServePublishingTest {
    private static final Pattern PUBLISHED = Pattern.compile("published 20261201-200000-master\\.flac to \\S+ \\((\\d+) bytes in ([0-9.]+) s, (\\d+) kB/s, MD5 verified\\)");
    private static final String EXPORT = "2026-12-01/193000-blue-room/renders/20261201-200000-master.flac";
    private Process process;

    @AfterEach
    void killTheChild() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process serve(Path dir, Path log, NotifySocket socket, Remotes remotes) throws IOException {
        Path config = dir.resolve("taperoom.conf");
        Files.write(config, List.of("library = " + dir.resolve("library"), "statusIntervalSeconds = 1", "gpio = off", "device = sim",
                "publishTo = nas:recordings", "publishRcloneConfig = " + remotes.config, "publishHost = room-7",
                "publishBandwidthLimit = 200k", "publishScanSeconds = 1", "publishProgressLogSeconds = 1"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.taperoom.appliance.cli.Main", "serve", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("NOTIFY_SOCKET", socket.name());
        process = pb.start();
        return process;
    }

    private static String waitForLog(Path log, String text, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            String s = Files.exists(log) ? Files.readString(log) : "";
            if (s.contains(text)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in the log within " + timeoutMillis + " ms:\n" + Files.readString(log));
    }

    @Test
    void theServicePublishesInTheBackgroundStopsCleanlyMidUploadAndResumesAfterARestart(@TempDir Path dir) throws Exception {
        try (Remotes remotes = new Remotes(dir.resolve("remotes")); NotifySocket socket = NotifySocket.bindAbstract()) {
            Path export = dir.resolve("library").resolve(EXPORT);
            Files.createDirectories(export.getParent());
            byte[] bytes = new byte[1_600_000];
            new Random(7).nextBytes(bytes);
            Files.write(export, bytes);
            Files.writeString(export.resolveSibling("20261201-200000-master.flac.json"), "{\"settings\": {}}");

            Path firstLog = dir.resolve("serve-1.log");
            serve(dir, firstLog, socket, remotes);
            waitForLog(firstLog, "uploading 20261201-200000-master.flac:", 60_000);
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop within 30 s of SIGTERM");
            String first = Files.readString(firstLog);
            assertTrue(first.contains("upload of 20261201-200000-master.flac stopped with the publisher; it stays queued"), first);
            assertTrue(first.contains("stopped"), first);
            List<Path> queued = jobFiles(dir.resolve("library/.publish/queue"));
            assertTrue(queued.stream().anyMatch(f -> read(f).contains("master.flac\"")), "the interrupted job left the queue: " + queued);
            for (Path f : queued) assertEquals(0, new ObjectMapper().readTree(f.toFile()).path("attempts").asInt(), "a stop is no failed attempt: " + read(f));

            Path secondLog = dir.resolve("serve-2.log");
            serve(dir, secondLog, socket, remotes);
            String second = waitForLog(secondLog, "published 20261201-200000-master.flac", 90_000);
            // The export's record may come after it (the queue's order is by time queued, then id).
            long deadline = System.currentTimeMillis() + 30_000;
            while (!jobFiles(dir.resolve("library/.publish/queue")).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(100);
            assertTrue(second.matches("(?s).*publishing to nas:recordings \\(exports, at most 200kB/s\\): [12] files? queued from before.*"), second);
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));

            Path remote = remotes.davFolder.resolve("recordings/room-7").resolve(EXPORT);
            assertArrayEquals(bytes, Files.readAllBytes(remote), "the object on the remote is the local file");
            assertEquals(bytes.length, Files.size(export), "the local file is untouched");
            assertEquals(List.of(), jobFiles(dir.resolve("library/.publish/queue")));
            assertEquals(2, jobFiles(dir.resolve("library/.publish/done")).size(), "the export and its record, each verified once");

            Matcher m = PUBLISHED.matcher(second);
            assertTrue(m.find(), second);
            double seconds = Double.parseDouble(m.group(2));
            long progressLines = second.lines().filter(l -> l.contains("uploading 20261201-200000-master.flac:")).count();
            System.out.printf("serve published %s bytes in %.1f s (%s kB/s, limit 200 KiB/s) with %d progress lines%n", m.group(1), seconds,
                    m.group(3), progressLines);
            assertTrue(progressLines >= 1 && progressLines <= Math.ceil(seconds) + 1,
                    "progress at most once a second: " + progressLines + " lines in " + seconds + " s");
        }
    }

    private static List<Path> jobFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
