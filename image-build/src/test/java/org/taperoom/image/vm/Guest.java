package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The virtual appliance (image-build/vm/taperoom-vm) shared by every guest test of one Maven run:
 * the first test class that needs it builds (or takes from the cache) the base image, boots a fresh
 * overlay, installs the package with apt and waits for taperoom.service; it is powered off when
 * the run ends. Everything goes through the rig's own commands, as a person would use them.
 *
 * <p>One run, one architecture: {@code -Dtaperoom.vm.arch=arm64} boots the arm64 guest
 * (qemu-system-aarch64) instead of the amd64 one, and only the classes marked
 * {@code @Guest.Arch("arm64")} run; the others need amd64 (the default) and are skipped with the
 * reason, without booting anything.
 */
public final class Guest implements ExtensionContext.Store.CloseableResource {
    /** The guest's second virtual disk (/dev/vdb, empty), the size of a small card: the first-boot test lays it out. */
    public static final int SECOND_DISK_MIB = 3072;
    private static Guest shared;

    /** What `taperoom-vm start` printed: "READY: <status line>" or "FAILED: ...". */
    private String startLine = "";
    private final Path run;
    private final int panelPort;
    private final long startSeconds;
    /** A guest this run did not start (-Dtaperoom.vm.run): left running at the end. */
    private boolean attached;

    private Guest(Path run, int panelPort, long startSeconds) {
        this.run = run;
        this.panelPort = panelPort;
        this.startSeconds = startSeconds;
    }

    /** The guest architecture a test class runs on (amd64 without the annotation). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Arch {
        String value();
    }

    /** This run's guest architecture: {@code -Dtaperoom.vm.arch}, amd64 by default. */
    public static String arch() {
        String arch = System.getProperty("taperoom.vm.arch", "");
        return arch.isBlank() ? "amd64" : arch.strip();
    }

    /** {@code @ExtendWith(Guest.Extension.class)}: the test class runs against the shared guest. */
    public static final class Extension implements BeforeAllCallback, ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String wanted = context.getTestClass().map(c -> c.getAnnotation(Arch.class)).map(Arch::value).orElse("amd64");
            if (!wanted.equals(arch())) {
                return ConditionEvaluationResult.disabled("runs on the " + wanted + " guest; this run boots " + arch()
                        + " (-Dtaperoom.vm.arch=" + wanted + ")");
            }
            // .ci/run runs the two guests in two Maven runs side by side: each leaves the other's out.
            String only = System.getProperty("taperoom.vm.only", "").strip();
            if (!only.isEmpty() && !only.equals(wanted)) {
                return ConditionEvaluationResult.disabled("the " + wanted + " guest is left out of this run (-Dtaperoom.vm.only=" + only + ")");
            }
            return ConditionEvaluationResult.enabled("runs on the " + wanted + " guest");
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            // Kept in the root store, so the guest's close() runs once, when the whole run ends.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Guest.class, k -> started(), Guest.class);
        }
    }

    /** The running guest (started by the extension before the class's tests). */
    public static synchronized Guest get() {
        if (shared == null) throw new IllegalStateException("the guest was not started (@ExtendWith(Guest.Extension.class))");
        return shared;
    }

    private static synchronized Guest started() {
        if (shared != null) return shared;
        String attach = System.getProperty("taperoom.vm.run");
        if (attach != null && !attach.isBlank()) {
            // A guest started by hand (taperoom-vm start with TAPEROOM_VM_RUN=that folder): used, not stopped.
            try {
                Path run = Path.of(attach);
                Guest g = new Guest(run, Integer.parseInt(Files.readString(run.resolve("panel-port")).strip()), 0);
                g.attached = true;
                Result r = rig(run, Duration.ofMinutes(1), List.of("exec", "--", "systemctl", "show", "-P", "StatusText", "taperoom"));
                g.startLine = (r.exit() == 0 ? "READY: " : "FAILED: ") + r.output().strip();
                shared = g;
                return g;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot use the guest in " + attach + ": " + e.getMessage(), e);
            }
        }
        try {
            Path run = Files.createTempDirectory("taperoom-vm-run");
            long t0 = System.nanoTime();
            // Emulated arm64 (TCG on another architecture) starts the JVM several times slower.
            Duration limit = arch().equals("amd64") ? Duration.ofMinutes(20) : Duration.ofMinutes(45);
            // A free loopback port unless -Dtaperoom.vm.port names one: two guests may run at once.
            List<String> start = new ArrayList<>(List.of("start", "--arch", arch()));
            String port = System.getProperty("taperoom.vm.port", "");
            if (!port.isBlank()) start.addAll(List.of("--port", port.strip()));
            Result r = rig(run, limit, start);
            if (!Files.exists(run.resolve("panel-port"))) throw new IllegalStateException("taperoom-vm start said:\n" + r.output());
            int panelPort = Integer.parseInt(Files.readString(run.resolve("panel-port")).strip());
            Guest g = new Guest(run, panelPort, (System.nanoTime() - t0) / 1_000_000_000L);
            g.startLine = r.output().lines().filter(l -> l.startsWith("READY") || l.startsWith("FAILED")).reduce((a, b) -> b).orElse("");
            System.out.printf("guest: taperoom-vm start took %d s: %s%n%s%n", g.startSeconds, g.startLine, r.output());
            shared = g;
            return g;
        } catch (Exception e) {
            throw new IllegalStateException("taperoom-vm start failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        if (attached) return;
        Result r = rig(run, Duration.ofMinutes(3), List.of("stop"));
        System.out.println("guest stopped: " + r.output().strip());
    }

    public String startLine() {
        return startLine;
    }

    public int panelPort() {
        return panelPort;
    }

    /** Runs {@code command} in the guest as root (taperoom-vm exec). */
    public Result exec(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("exec", "--"));
        args.addAll(List.of(command));
        return rig(run, Duration.ofMinutes(20), args);
    }

    /** Runs a shell line in the guest. */
    public Result sh(String line) throws Exception {
        return exec("sh", "-c", line);
    }

    /** As {@link #sh} and requires exit 0; returns its output, stripped. */
    public String check(String line) throws Exception {
        Result r = sh(line);
        assertEquals(0, r.exit(), line + "\n" + r.output());
        return r.output().strip();
    }

    /** Cuts the power, then boots the same disk; returns the rig's output (READY/FAILED line). */
    public Result powerCutAndBoot() throws Exception {
        Result cut = rig(run, Duration.ofMinutes(1), List.of("powercut"));
        assertEquals(0, cut.exit(), cut.output());
        return rig(run, Duration.ofMinutes(15), List.of("boot"));
    }

    /**
     * Records a take through the panel: Record, {@code seconds} of waiting, Stop; returns the guest's
     * folder of the newest take once its take.json says complete.
     */
    public String recordTake(Panel panel, double seconds) throws Exception {
        HttpResponse<String> started = panel.post("/api/transport/record");
        assertEquals(2, started.statusCode() / 100, started.body());
        Thread.sleep((long) (seconds * 1000));
        HttpResponse<String> stopped = panel.post("/api/transport/stop");
        assertEquals(2, stopped.statusCode() / 100, stopped.body());
        return newestCompleteTake();
    }

    /** The guest's folder of the newest take, once its take.json says complete (at most 2 minutes). */
    public String newestCompleteTake() throws Exception {
        return check("for i in $(seq 1 120); do f=$(ls -td /var/lib/taperoom/library/*/*/ | head -n 1); f=${f%/};"
                + " grep -q '\"complete\"' \"$f/take.json\" 2>/dev/null && { echo \"$f\"; exit 0; }; sleep 1; done; exit 1");
    }

    /** Copies the host's {@code file} to {@code guestPath}. */
    public void copyIn(Path file, String guestPath) throws Exception {
        Result r = rig(run, Duration.ofMinutes(5), List.of("copy-in", file.toString(), guestPath));
        assertEquals(0, r.exit(), r.output());
    }

    /** Copies {@code guestPath} (a file or folder) into {@code hostDir}. */
    public void copyOut(String guestPath, Path hostDir) throws Exception {
        Result r = rig(run, Duration.ofMinutes(5), List.of("copy-out", guestPath, hostDir.toString()));
        assertEquals(0, r.exit(), r.output());
    }

    /** Copies the guest's {@code folder} (a take) into {@code into}; the WAV files in it, sorted by name. */
    public List<Path> copyOutWavs(String folder, Path into) throws Exception {
        Files.createDirectories(into);
        copyOut(folder, into);
        try (Stream<Path> s = Files.walk(into)) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }

    /** Runs a command on the host (sox, ffprobe: the independent readers), requires exit 0; returns its output. */
    public static String host(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    /** A logged-in panel session (the PIN from the first-pin file the package left). */
    public Panel login() throws Exception {
        String pin = check("sed -n 's/^Taperoom panel PIN: \\([0-9]*\\)$/\\1/p' /etc/taperoom/first-pin");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + panelPort + "/api/session"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\": \"" + pin + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("taperoom_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String csrf = r.body().replaceAll(".*\"csrf\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return new Panel(http, cookie, csrf);
    }

    /** The panel as a logged-in browser uses it. */
    public final class Panel {
        private final HttpClient http;
        private final String cookie;
        private final String csrf;

        Panel(HttpClient http, String cookie, String csrf) {
            this.http = http;
            this.cookie = cookie;
            this.csrf = csrf;
        }

        /** POST with an empty JSON body, as the panel's buttons send. */
        public HttpResponse<String> post(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + panelPort + path)).timeout(Duration.ofSeconds(60))
                    .header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** GET with the session (the public /api/state holds only state, elapsed and free time). */
        public HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + panelPort + path)).timeout(Duration.ofSeconds(60))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** GET of a panel path through the forwarded port. */
    public HttpResponse<String> get(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + panelPort + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public record Result(int exit, String output) {}

    private static Result rig(Path run, Duration timeout, List<String> args) throws IOException, InterruptedException {
        Path repo = Path.of(System.getProperty("taperoom.repo", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(repo.resolve("image-build/vm/taperoom-vm").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(Map.of("TAPEROOM_VM_RUN", run.toString(), "TAPEROOM_VM_SECOND_DISK_MIB", Integer.toString(SECOND_DISK_MIB)));
        // Not inside the run folder: taperoom-vm start lays that folder anew.
        Path out = Files.createTempFile("taperoom-vm-rig", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("taperoom-vm " + String.join(" ", args) + " did not finish within " + timeout + ":\n" + Files.readString(out));
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Result(p.exitValue(), text);
    }
}
