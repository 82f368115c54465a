package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code taperoom serve} in a child process, with {@code NOTIFY_SOCKET} pointing at a
 * datagram socket this test owns, as systemd would start it. Timeouts are generous (a busy 2-core
 * machine); what is asserted is the order and presence of messages, not their timing.
 */
class ServeProcessTest {
    private static final Duration START = Duration.ofSeconds(60);
    private Process process;

    @AfterEach
    void killTheChild() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process serve(Path dir, NotifySocket socket, long watchdogUsec, String... configLines) throws IOException {
        Path config = dir.resolve("taperoom.conf");
        List<String> lines = new ArrayList<>(List.of("library = " + dir.resolve("library"), "statusIntervalSeconds = 1", "gpio = off"));
        lines.addAll(List.of(configLines));
        Files.write(config, lines);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.taperoom.appliance.cli.Main",
                "serve", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        pb.environment().put("NOTIFY_SOCKET", socket.name());
        if (watchdogUsec > 0) pb.environment().put("WATCHDOG_USEC", Long.toString(watchdogUsec));
        process = pb.start();
        return process;
    }

    /** Messages until one starts with {@code prefix} (returned last), or fails after {@code timeout}. */
    private static List<String> until(NotifySocket socket, String prefix, Duration timeout, Path dir) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String m = socket.receive(Duration.ofMillis(200));
            if (m == null) continue;
            seen.add(m);
            if (m.startsWith(prefix)) return seen;
        }
        throw new AssertionError("no '" + prefix + "' within " + timeout + "; got " + seen + "\nserve.log:\n" + log(dir));
    }

    private static String log(Path dir) throws IOException {
        Path f = dir.resolve("serve.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void serveSaysReadyWithAReadableStatusAndPingsTheWatchdogWhileCaptureRuns(@TempDir Path dir) throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract()) {
            long t0 = System.nanoTime();
            serve(dir, socket, 1_000_000, "device = sim", "channels = 4");
            List<String> start = until(socket, "READY=1", START, dir);
            System.out.printf("serve: READY=1 %.0f ms after the process started%n", (System.nanoTime() - t0) / 1e6);
            String ready = start.get(start.size() - 1);
            assertTrue(ready.matches("READY=1\nSTATUS=idle, device sim \\(4 ch, 48000 Hz\\), .* of recording free"), ready);

            List<String> after = socket.receiveAll(Duration.ofSeconds(4));
            long pings = after.stream().filter("WATCHDOG=1"::equals).count();
            System.out.println("serve: " + pings + " watchdog pings in 4 s at WATCHDOG_USEC=1000000");
            assertTrue(pings >= 4, "expected a ping every 0.5 s, got " + after + "\n" + log(dir));
        }
    }

    @Test
    void theWatchdogPingsStopWhenTheCaptureThreadHangs(@TempDir Path dir) throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract()) {
            // The simulated interface blocks its read at frame 144000: 3 s of paced audio after start.
            serve(dir, socket, 1_000_000, "device = sim:hangAt=144000", "channels = 2");
            until(socket, "READY=1", START, dir);
            List<String> beforeHang = until(socket, "STATUS=unhealthy", Duration.ofSeconds(60), dir);
            String unhealthy = beforeHang.get(beforeHang.size() - 1);
            assertEquals("STATUS=unhealthy: " + HealthCheck.Verdict.CAPTURE_STUCK.sentence(), unhealthy);
            assertTrue(beforeHang.contains("WATCHDOG=1"), "no pings before the hang: " + beforeHang);
            List<String> afterHang = socket.receiveAll(Duration.ofSeconds(4));
            assertFalse(afterHang.contains("WATCHDOG=1"), "pings went on with a hung capture thread: " + afterHang);
            assertTrue(process.isAlive(), "serve must keep running; systemd is the one to kill it");
        }
    }

    @Test
    void withoutItsRecordingsDiskServeIsReadyButSaysSoAndDoesNotRecord(@TempDir Path dir) throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract()) {
            // The temporary folder is on this machine's root file system, like the RAM overlay of the image.
            Files.createDirectories(dir.resolve("library"));
            serve(dir, socket, 0, "device = sim", "requireLibraryDisk = true", "autoRecord = true");
            List<String> start = until(socket, "READY=1", START, dir);
            String ready = start.get(start.size() - 1);
            assertTrue(ready.startsWith("READY=1\nSTATUS=the recordings disk is not mounted: "), ready);
            Thread.sleep(3000);
            try (Stream<Path> recorded = Files.list(dir.resolve("library"))) {
                assertFalse(recorded.findAny().isPresent(), "something was recorded onto the root file system:\n" + log(dir));
            }
        }
    }

    @Test
    void aFrontPanelThatCannotOpenLeavesTheRecorderRunningAndTheStatusSaysTheFrontPanelIsOff(@TempDir Path dir) throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract()) {
            // A board whose GPIO is not a Raspberry Pi's (or none at all): the gpiod board cannot open.
            serve(dir, socket, 0, "device = sim", "channels = 2", "gpio = gpiod", "gpioChip = gpiochip-absent");
            String ready = until(socket, "READY=1", START, dir).getLast();
            assertTrue(ready.matches("(?s)READY=1\nSTATUS=idle, device sim .*, front panel off: .*"), ready);
            assertTrue(log(dir).contains("front panel off: "), log(dir));
            assertTrue(process.isAlive(), "serve stopped over the front panel:\n" + log(dir));
        }
    }

    @Test
    void withAlwaysOnCaptureServeStartsTheEngineFirstAndItsRollingBufferFills(@TempDir Path dir) throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract()) {
            serve(dir, socket, 0, "device = sim", "channels = 2", "alwaysOn = true", "alwaysOnMinutes = 1", "alwaysOnKeepMinutes = 0.5");
            String ready = until(socket, "READY=1", START, dir).getLast();
            assertTrue(ready.startsWith("READY=1\nSTATUS=idle, device sim"), ready + "\n" + log(dir));
            Path buffer = dir.resolve("library").resolve(".always-on");
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long bytes = 0;
            while (bytes == 0 && System.nanoTime() < end) {
                Thread.sleep(200);
                if (!Files.isDirectory(buffer)) continue;
                try (Stream<Path> files = Files.walk(buffer)) {
                    bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                }
            }
            assertTrue(bytes > 0, "the rolling buffer holds audio\n" + log(dir));
        }
    }

    @Test
    void aBadConfigurationExitsWith2NamingTheKeyAndLine(@TempDir Path dir) throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract()) {
            serve(dir, socket, 0, "channels = many");
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue());
            String log = log(dir).strip();
            assertTrue(log.endsWith("taperoom.conf line 4: 'many' is not valid for channels: expected an integer from 1 to 64"), log);
            assertEquals(null, socket.receive(Duration.ofMillis(200)), "READY must not be sent for a configuration that does not load");
        }
    }

    @Test
    void sigtermFinalizesTheTakeBeingRecorded(@TempDir Path dir) throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract()) {
            // Auto-record starts a take as soon as the simulated sine crosses the threshold.
            serve(dir, socket, 0, "device = sim", "channels = 2", "autoRecord = true", "preRollSeconds = 0");
            until(socket, "READY=1", START, dir);
            until(socket, "STATUS=recording", Duration.ofSeconds(60), dir);
            Thread.sleep(1500);
            process.destroy(); // SIGTERM, as systemctl stop sends
            List<String> stopping = until(socket, "STOPPING=1", Duration.ofSeconds(30), dir);
            assertTrue(stopping.get(stopping.size() - 1).contains("finalizing the take"), stopping.toString());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "serve did not exit after SIGTERM");
            Path takeJson;
            try (Stream<Path> files = Files.walk(dir.resolve("library"))) {
                takeJson = files.filter(p -> p.getFileName().toString().equals("take.json")).findFirst().orElse(null);
            }
            assertNotNull(takeJson, "no take was recorded\n" + log(dir));
            String json = Files.readString(takeJson);
            assertTrue(json.replace(" ", "").contains("\"state\":\"complete\""), json);
        }
    }
}
