package org.taperoom.appliance.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * rclone (Debian {@code rclone}) driven as one subprocess per operation, with the remotes of one
 * configuration file.
 *
 * <p>Why a subprocess per upload and not {@code rclone rcd}: a job is then one process with an
 * exit status, its own bandwidth limit and a kill to cancel it; nothing runs between jobs, so
 * there is no second server on the appliance with its own port and credentials to guard, and a
 * crash of either side leaves no state to reconcile but the job file. rcd's live statistics are
 * what we give up; the queue's own counters stand in for them.
 *
 * <p>Credentials: rclone reads them from the configuration file; they never appear on a command
 * line (where {@code ps} would show them), and everything rclone prints passes through
 * {@link Redaction} before it is logged or shown. Thread-safe (no mutable state).
 */
public final class Rclone {
    /** Added to a failed upload's message when the remote's answer means it had no room (and this is what a person should read). */
    public static final String REMOTE_FULL_HINT = "the remote refused to store the file; it may be full (out of space or over its quota)";
    /**
     * Answers that mean "no room": WebDAV's 507, a disk-full or quota error passed through, and
     * the 405 that Go's WebDAV server (rclone serve webdav's) answers to a PUT it could not write.
     */
    private static final java.util.regex.Pattern REMOTE_FULL = java.util.regex.Pattern.compile(
            "(?i)\\b507\\b|insufficient storage|no space left|\\bquota|405 method not allowed");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final String binary;
    private final Path configFile;
    private final Redaction redaction;
    private final long timeoutSeconds;

    public Rclone(String binary, Path configFile, long timeoutSeconds) throws IOException {
        this.binary = binary;
        this.configFile = configFile;
        this.redaction = Redaction.of(configFile);
        this.timeoutSeconds = timeoutSeconds;
    }

    /** What a failed rclone run said, credentials removed: one line for a log or a panel. */
    public static final class RcloneException extends IOException {
        public RcloneException(String message) {
            super(message);
        }
    }

    /** The remote names the configuration defines ({@code rclone listremotes}), without the colon. */
    public List<String> remotes() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : run(List.of("listremotes"), -1).split("\n")) {
            if (line.endsWith(":")) names.add(line.substring(0, line.length() - 1));
        }
        return names;
    }

    /**
     * Uploads {@code local} to exactly {@code remotePath} ({@code remote:bucket/dir/file}); an
     * existing object there is replaced, so a retry never makes a second copy.
     *
     * @param bandwidthLimit rclone's {@code --bwlimit} value ("4M", "512k"), or null for none
     */
    public void copyTo(Path local, String remotePath, String bandwidthLimit) throws IOException {
        copyTo(local, remotePath, bandwidthLimit, Transfer.NONE);
    }

    /**
     * Follows one upload: rclone's statistics once a second, and whether to stop it. Called on
     * the thread that reads rclone's output ({@link #progress}) and the uploading thread
     * ({@link #cancelled}); both must return at once.
     */
    public interface Transfer {
        Transfer NONE = new Transfer() {};

        /** @param bytesPerSecond rclone's own rate over its last seconds (0 before it has one) */
        default void progress(long bytes, long totalBytes, double bytesPerSecond) {}

        /** True stops the upload: rclone is killed and the copy fails with "cancelled". */
        default boolean cancelled() {
            return false;
        }
    }

    /** {@link #copyTo(Path, String, String)}, telling {@code transfer} its progress and stopping when it asks. */
    public void copyTo(Path local, String remotePath, String bandwidthLimit, Transfer transfer) throws IOException {
        List<String> args = new ArrayList<>(List.of("copyto", local.toString(), remotePath, "--retries", "1", "--low-level-retries", "2",
                // One JSON line a second with the byte count and rate (rclone's "stats" object).
                "--stats", "1s", "--stats-log-level", "NOTICE", "--use-json-log"));
        if (bandwidthLimit != null) args.addAll(List.of("--bwlimit", bandwidthLimit));
        run(args, timeoutSeconds, transfer);
    }

    /**
     * The MD5 of the object at {@code remotePath} as the remote reports it; when the remote
     * keeps no MD5 (plain WebDAV, SFTP without shell access), rclone downloads the object and
     * hashes it, so the check is always of the bytes stored.
     */
    public String md5(String remotePath) throws IOException {
        String hash;
        try {
            hash = firstWord(run(List.of("md5sum", remotePath), timeoutSeconds));
            if (hash.matches("[0-9a-f]{32}")) return hash;
        } catch (RcloneException e) {
            if (!e.getMessage().contains("hash")) throw e;
            // "hash type not supported": fall through to hashing the downloaded bytes.
        }
        hash = firstWord(run(List.of("md5sum", "--download", remotePath), timeoutSeconds));
        if (!hash.matches("[0-9a-f]{32}")) throw new RcloneException("no MD5 for " + remotePath + " from rclone md5sum");
        return hash;
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    private String run(List<String> args, long timeout) throws IOException {
        return run(args, timeout, null);
    }

    /** {@code transfer} null: rclone's output is plain text; else JSON lines, whose statistics go to it. */
    private String run(List<String> args, long timeout, Transfer transfer) throws IOException {
        if (!Files.isRegularFile(configFile)) throw new RcloneException("rclone configuration " + configFile + " not found");
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        cmd.addAll(args);
        cmd.addAll(List.of("--config", configFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // rclone's S3 backend fails outright when AWS_CA_BUNDLE is set ("LoadCustomCABundleError ...
        // transport unsupported type"); a remote that needs its own CA names it with ca_cert in the configuration.
        pb.environment().remove("AWS_CA_BUNDLE");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new RcloneException("cannot run " + binary + " (install Debian's rclone): " + e.getMessage());
        }
        try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
            StringBuilder errText = new StringBuilder();
            Thread drain = Thread.ofVirtual().start(() -> readErrors(err, errText, transfer));
            // stdout too, so this thread can watch for a cancel and the deadline meanwhile.
            StringBuilder outText = new StringBuilder();
            Thread stdout = Thread.ofVirtual().start(() -> {
                try {
                    outText.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process ended; what was read is kept
                }
            });
            long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (transfer != null && transfer.cancelled()) {
                    p.destroyForcibly();
                    p.waitFor();
                    throw new RcloneException("rclone " + args.get(0) + " cancelled");
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new RcloneException("rclone " + args.get(0) + " timed out after " + timeout + " s");
                }
            }
            drain.join();
            stdout.join();
            if (p.exitValue() != 0) {
                String said = redaction.clean(errText.toString());
                boolean full = args.get(0).equals("copyto") && REMOTE_FULL.matcher(said).find();
                throw new RcloneException((full ? REMOTE_FULL_HINT + ": " : "") + "rclone " + args.get(0) + " failed (exit " + p.exitValue() + "): " + lastError(said));
            }
            return outText.toString();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RcloneException("rclone " + args.get(0) + " interrupted");
        }
    }

    /**
     * Reads rclone's stderr to its end (on its own thread, so a chatty rclone never blocks on a
     * full pipe). With a transfer, each line is JSON: statistics go to the transfer, messages of
     * level error/warning/notice (not statistics) into {@code text}, as plain lines.
     */
    private static void readErrors(InputStream err, StringBuilder text, Transfer transfer) {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (transfer == null || !line.startsWith("{")) {
                    text.append(line).append('\n');
                    continue;
                }
                try {
                    com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(line);
                    com.fasterxml.jackson.databind.JsonNode stats = n.path("stats");
                    if (stats.isObject()) {
                        transfer.progress(stats.path("bytes").asLong(), stats.path("totalBytes").asLong(), stats.path("speed").asDouble());
                    } else if (!n.path("level").asText().equals("info") && !n.path("level").asText().equals("debug")) {
                        text.append(n.path("level").asText().toUpperCase(java.util.Locale.ROOT)).append(": ").append(n.path("msg").asText()).append('\n');
                    }
                } catch (IOException e) {
                    text.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process ended; what was read is kept
        }
    }

    /** rclone prints a line per retry; the last ERROR line says what finally went wrong. */
    private static String lastError(String stderr) {
        String last = "";
        for (String line : stderr.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (l.contains("ERROR") || l.contains("Failed") || last.isEmpty()) last = l;
        }
        // Drop rclone's own time stamp and level: the log line that carries this has its own.
        last = last.replaceFirst("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} ", "").replaceFirst("^(ERROR|NOTICE|INFO) *: ", "");
        return last.length() > 400 ? last.substring(0, 400) + "..." : last;
    }
}
