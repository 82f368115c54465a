package org.taperoom.appliance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.taperoom.appliance.publish.PublishJob;
import org.taperoom.appliance.publish.PublishPlan;
import org.taperoom.appliance.publish.PublishScope;
import org.taperoom.appliance.publish.Publisher;
import org.taperoom.appliance.publish.Rclone;
import org.taperoom.appliance.publish.Retention;
import org.taperoom.appliance.publish.TimeWindow;
import org.taperoom.appliance.publish.UploadQueue;
import org.taperoom.appliance.recording.take.TakeLibrary;

/**
 * {@code taperoom publish --library DIR --to REMOTE:path [--what exports|quick-mixes|takes|all]}:
 * queues the library's files for a destination and works through the library's upload queue
 * until it is empty or every remaining job has failed {@code --attempts} times.
 */
final class PublishCommand implements Command {
    static final String DEFAULT_RCLONE_CONFIG = "/etc/taperoom/rclone.conf";

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String summary() {
        return "Uploads the library's takes or exports to an rclone remote through the library's upload queue, verifying each file's MD5.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("library", "DIR", "The take library (its queue is <library>/.publish)."),
                Flag.value("to", "REMOTE:PATH", "The destination: a remote of the rclone configuration and a prefix; files go to PATH/<host>/<yyyy-mm-dd>/<take>/."),
                Flag.value("what", "RULE", "exports (default), quick-mixes, takes (tracks + take.json) or all."),
                Flag.value("rclone-config", "FILE", "The rclone configuration with the remotes (default " + DEFAULT_RCLONE_CONFIG + ")."),
                Flag.value("bwlimit", "RATE", "Bandwidth limit per upload, rclone's syntax (4M, 512k)."),
                Flag.value("window", "HH:MM-HH:MM", "Start uploads only in this local time window (e.g. 22:00-06:00)."),
                Flag.value("host", "NAME", "This appliance's folder on the remote (default: the hostname)."),
                Flag.value("attempts", "N", "Give up on a file after N failed attempts in this run (default 5); it stays queued."),
                Flag.value("backoff-seconds", "S", "Wait after a first failure, doubled after each further one (default 2)."),
                Flag.value("retain-days", "N", "After publishing, move takes older than the newest N days whose raw files are verified on a remote, "
                        + "and unchanged since, to the library's trash (emptied only when space is needed). Default: keep everything."));
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positionals().isEmpty()) throw new UsageException("'publish' takes no positional arguments; use --library DIR --to REMOTE:PATH");
        String library = args.string("library", null);
        String to = args.string("to", null);
        if (library == null) throw new UsageException("--library DIR is required (the take library)");
        if (to == null) throw new UsageException("--to REMOTE:PATH is required (e.g. school-s3:recordings)");
        Path lib = Path.of(library);
        if (!Files.isDirectory(lib)) throw new UsageException("--library " + library + ": no such folder");
        Path config = Path.of(args.string("rclone-config", DEFAULT_RCLONE_CONFIG));
        if (!Files.isRegularFile(config)) throw new UsageException("--rclone-config " + config + ": no such file (define the remotes with 'rclone config --config " + config + "')");
        int attempts = (int) args.integer("attempts", 5, 1, 100);
        int retainDays = (int) args.integer("retain-days", 0, 1, 36500);
        double backoffSeconds = args.decimal("backoff-seconds", 2, 0, 3600);
        String bwlimit = args.string("bwlimit", null);
        if (bwlimit != null && !bwlimit.matches("\\d+(\\.\\d+)?[BbKkMmGg]?")) throw new UsageException("--bwlimit " + bwlimit + ": expected a rate like 4M or 512k");
        PublishPlan plan;
        TimeWindow window;
        try {
            PublishScope scope = PublishScope.of(args.string("what", "exports"));
            plan = new PublishPlan(to, args.string("host", PublishPlan.localHostName()), scope);
            window = args.has("window") ? TimeWindow.parse(args.string("window", null)) : TimeWindow.ALWAYS;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Rclone rclone = new Rclone("rclone", config, 3600);
        String remote = to.substring(0, to.indexOf(':'));
        List<String> remotes = rclone.remotes();
        if (!remotes.contains(remote)) {
            throw new UsageException("--to " + to + ": no remote \"" + remote + "\" in " + config + "; it defines: "
                    + (remotes.isEmpty() ? "none" : String.join(", ", remotes)));
        }
        Clock clock = Clock.systemDefaultZone();
        UploadQueue queue = new UploadQueue(lib);
        int added = plan.enqueueAll(lib, queue, clock.millis());
        System.out.println("queued " + added + " new file" + (added == 1 ? "" : "s") + " for " + to);
        long backoffMillis = Math.round(backoffSeconds * 1000);
        Publisher publisher = new Publisher(queue, rclone, bwlimit, window, backoffMillis, Math.max(backoffMillis, 300_000), clock);
        int uploaded = 0;
        while (true) {
            uploaded += publisher.runDue().uploaded();
            List<PublishJob> left = queue.jobs();
            if (left.isEmpty()) {
                System.out.println("published " + uploaded + " file" + (uploaded == 1 ? "" : "s") + "; the queue is empty");
                if (retainDays > 0) {
                    List<String> trashed = new Retention(new TakeLibrary(lib), queue, retainDays).apply(java.time.LocalDate.now(clock));
                    System.out.println("retention: " + trashed.size() + " take" + (trashed.size() == 1 ? "" : "s")
                            + " verified on the remote moved to the trash" + (trashed.isEmpty() ? "" : ": " + String.join(", ", trashed)));
                }
                return 0;
            }
            if (left.stream().allMatch(j -> j.attempts() >= attempts)) {
                throw new IOException(left.size() + " file" + (left.size() == 1 ? "" : "s") + " not published after " + attempts
                        + " attempts (still queued, local files kept): " + left.get(0).lastError());
            }
            if (!window.contains(java.time.LocalTime.now(clock))) {
                System.out.println("outside the time window " + window.from() + "-" + window.to() + "; " + left.size() + " files stay queued");
                return 0;
            }
            long wait = publisher.millisToNextDue();
            if (wait > 0) Thread.sleep(Math.min(wait, 60_000));
        }
    }
}
