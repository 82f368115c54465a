package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code taperoom demo} in a child process, its output going to a file (not a terminal),
 * as a newcomer's first run or a CI log sees it. Waits are generous for a busy 2-core machine.
 */
class DemoCommandTest {
    private static final Pattern PANEL = Pattern.compile("panel: http://localhost:(\\d+)/ +PIN (\\d+)");
    private static final Pattern TAKE = Pattern.compile("(?m)^take (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    @TempDir
    Path dir;

    @AfterEach
    void killTheChild() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDemoPrintsALocalPanelUrlWithItsPinItsKeysDriveTheTransportAndATakeGetsAQuickMix() throws Exception {
        Path log = dir.resolve("demo.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.taperoom.appliance.cli.Main", "demo", "--port", "0", "--library", dir.resolve("library").toString(),
                "--minFreeMinutes", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long started = System.nanoTime();
        Matcher panel = await(log, PANEL, Duration.ofSeconds(60));
        URI base = URI.create("http://localhost:" + panel.group(1) + "/");
        String pin = panel.group(2);

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), "the printed PIN opens a session: " + login.body());
        assertEquals("idle", state(base));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        LiveSocket live = new LiveSocket(base, cookie);

        OutputStream keys = process.getOutputStream();
        key(keys, "r");
        awaitState(base, "recording");
        Thread.sleep(1500);
        key(keys, "r");
        awaitState(base, "idle");
        Path take = Path.of(await(log, TAKE, Duration.ofSeconds(30)).group(1));
        assertTrue(Files.isRegularFile(take.resolve("take.json")), "the take the keys recorded is in the library: " + take);
        assertTrue(take.startsWith(dir.resolve("library")), "--library is used: " + take);
        assertTrue(Files.readString(log).contains("playing the demo band"), "the demo says what it plays");
        assertEquals(6, PanelRig.JSON.readTree(take.resolve("take.json").toFile()).get("tracks").size(),
                "the demo band's six microphones are six tracks");
        assertQuickMixIsPlayable(take.resolve("renders").resolve("quick-mix.mp3"), 1.5);
        LiveSocket.Message done = null;
        for (LiveSocket.Message m; done == null && (m = live.next("progress", 30_000)) != null; ) {
            if (m.json().path("state").asText().equals("done")) done = m;
        }
        assertTrue(done != null && done.json().path("result").path("file").asText().equals("quick-mix.mp3"),
                "the panel's browsers see the quick mix finish: " + (done == null ? "no progress message" : done.json()));
        assertTrue(live.next("takes", 10_000) != null, "and their take list refreshes");
        live.close();

        key(keys, "q");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "q ends the demo");
        assertEquals(0, process.exitValue(), Files.readString(log));
        double seconds = (System.nanoTime() - started) / 1e9;
        long meterLines = Files.readAllLines(log).stream().filter(l -> l.contains("  peak ")).count();
        System.out.printf("demo ran %.1f s and printed %d meter lines to a file%n", seconds, meterLines);
        assertTrue(meterLines <= seconds / 5 + 2, "not a terminal: a meter line every 5 s at most, not " + meterLines + " in " + seconds + " s");
        assertTrue(Files.readString(log).lines().noneMatch(l -> l.contains("\u001b[")), "no terminal escapes in a file");
        assertTrue(Files.readString(log).lines().noneMatch(l -> l.startsWith("on your network")), "the demo's panel listens on loopback only");
    }

    /** The quick mix renders in the background after the take: an MP3 that ffprobe reads as stereo, as long as the take. */
    private static void assertQuickMixIsPlayable(Path mp3, double takeSeconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(mp3) && System.nanoTime() < end) Thread.sleep(100);
        assertTrue(Files.exists(mp3), "the quick mix appears after the take: " + mp3);
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=codec_name,channels:format=duration", "-of", "default=noprint_wrappers=1", mp3.toString())
                .redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.waitFor(), out);
        assertTrue(out.contains("codec_name=mp3"), out);
        assertTrue(out.contains("channels=2"), out);
        Matcher d = Pattern.compile("duration=([0-9.]+)").matcher(out);
        assertTrue(d.find(), out);
        double seconds = Double.parseDouble(d.group(1));
        assertTrue(seconds > takeSeconds * 0.8 && seconds < takeSeconds + 3, "the quick mix lasts about as long as the take, not " + seconds + " s");
    }

    private static void key(OutputStream keys, String key) throws IOException {
        keys.write((key + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private String state(URI base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/state")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("state").asText();
    }

    private void awaitState(URI base, String want) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String now = "";
        while (System.nanoTime() < end) {
            now = state(base);
            if (now.equals(want)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the demo's transport did not reach " + want + "; it is " + now);
    }

    private Matcher await(Path log, Pattern pattern, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = pattern.matcher(text);
            if (m.find()) return m;
            if (!process.isAlive()) throw new AssertionError("the demo ended early:\n" + text);
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " in:\n" + Files.readString(log));
    }
}
