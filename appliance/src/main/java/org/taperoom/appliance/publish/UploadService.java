package org.taperoom.appliance.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.tinylog.Logger;

/**
 * Publishing as the service runs it: one background thread that queues what the plan publishes
 * every {@code scanMillis}, uploads every due job ({@link Publisher}), and, once the queue is
 * empty, applies the retention rule (at most once a day). The queue is the library's persistent
 * one, so a restart resumes where the last run stopped: a job in flight then is uploaded again.
 *
 * <p>Threads: {@link #start} and {@link #close} on the service's threads; the loop on its own
 * "publisher" thread; {@link #figures}, {@link #jobs}, {@link #retry} and {@link #cancel} on any
 * (the panel's request threads).
 *
 * <p>Settings: {@code retainDays} 0 keeps every take, else see {@link Retention};
 * {@code scanMillis} is how often the library is looked through for new files.
 */
public final class UploadService implements AutoCloseable {
    /** Everything the service's configuration says about publishing. */
    public record Settings(PublishPlan plan, Path rcloneConfig, String bandwidthLimit, TimeWindow window, int retainDays,
                           long scanMillis, long backoffBaseMillis, long backoffMaxMillis, long progressLogMillis) {}

    private final Path library;
    private final TakeLibrary takes;
    private final Settings settings;
    private final Clock clock;
    private final Object wake = new Object();
    // Written once by start() (service thread), read by any thread.
    private volatile UploadQueue queue;
    private volatile Publisher publisher;
    private volatile Thread thread;
    /** Refreshed by the publisher thread after each change it makes, and by retry/cancel; read by any thread. */
    private volatile UploadQueue.Stats stats = new UploadQueue.Stats(0, 0, 0, 0, 0);
    private volatile boolean closed;
    /** Set by retry/cancel (any thread): the loop looks at the queue again at once. Guarded by wake. */
    private boolean poked;
    /** Publisher thread only. */
    private LocalDate retainedOn;

    public UploadService(Path library, TakeLibrary takes, Settings settings, Clock clock) {
        this.library = library;
        this.takes = takes;
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /** Opens the library's queue and starts the publisher thread; a second call does nothing. */
    public synchronized void start() throws IOException {
        if (thread != null || closed) return;
        UploadQueue q = new UploadQueue(library);
        Rclone rclone = new Rclone("rclone", settings.rcloneConfig(), 3600);
        publisher = new Publisher(q, rclone, settings.bandwidthLimit(), settings.window(), settings.backoffBaseMillis(),
                settings.backoffMaxMillis(), clock, settings.progressLogMillis());
        queue = q;
        refreshStats();
        int waiting = stats.jobs();
        Logger.info("publishing to {} ({}{}{}): {} file{} queued from before", settings.plan().destination(), settings.plan().scope().jsonName(),
                settings.bandwidthLimit() == null ? "" : ", at most " + settings.bandwidthLimit() + "B/s",
                settings.window().equals(TimeWindow.ALWAYS) ? "" : ", from " + settings.window().from() + " to " + settings.window().to(),
                waiting, waiting == 1 ? "" : "s");
        thread = Thread.ofPlatform().name("publisher").daemon(true).start(this::loop);
    }

    private void loop() {
        long nextScanMillis = 0;
        while (!closed) {
            try {
                if (clock.millis() >= nextScanMillis) {
                    int added = settings.plan().enqueueAll(library, queue, clock.millis());
                    if (added > 0) Logger.info("queued {} new file{} for {}", added, added == 1 ? "" : "s", settings.plan().destination());
                    nextScanMillis = clock.millis() + settings.scanMillis();
                    refreshStats();
                }
                publisher.runDue();
                refreshStats();
                retainOnceADay();
            } catch (IOException | RuntimeException e) {
                // The library or its queue could not be read (a disk gone): try again at the next scan.
                Logger.error("publishing: {}", e.getMessage());
            }
            long waitMillis = nextScanMillis - clock.millis();
            try {
                long due = publisher.millisToNextDue();
                if (due >= 0 && publisher.windowOpen()) waitMillis = Math.min(waitMillis, due);
            } catch (IOException e) {
                Logger.error("publishing: {}", e.getMessage());
            }
            synchronized (wake) {
                try {
                    if (!poked && !closed && waitMillis > 0) wake.wait(Math.max(1, waitMillis));
                } catch (InterruptedException e) {
                    return;
                }
                poked = false;
            }
        }
    }

    private void retainOnceADay() throws IOException {
        if (settings.retainDays() <= 0 || stats.jobs() > 0) return;
        LocalDate today = LocalDate.now(clock);
        if (today.equals(retainedOn)) return;
        retainedOn = today;
        new Retention(takes, queue, settings.retainDays()).apply(today);
    }

    private void refreshStats() throws IOException {
        stats = queue.stats(clock.millis());
    }

    private void poke() {
        synchronized (wake) {
            poked = true;
            wake.notifyAll();
        }
    }

    /** The figures of the panel's badge and {@code /api/state}; cheap (no disk access). */
    public UploadFigures figures() {
        Publisher p = publisher;
        UploadQueue.Stats s = stats;
        String destination = settings.plan().destination();
        if (p == null) return new UploadFigures(destination, false, settings.window().contains(java.time.LocalTime.now(clock)), 0, 0, 0,
                null, 0, 0, 0, 0, 0, null, 0);
        Publisher.Live live = p.live();
        PublishJob f = live.inFlight();
        return new UploadFigures(destination, thread != null && !closed, p.windowOpen(), s.jobs(), s.bytes(), s.failingJobs(),
                f == null ? null : Path.of(f.localPath()).getFileName().toString(), f == null ? 0 : live.inFlightBytes(),
                f == null ? 0 : f.bytes(), live.bytesPerSecond(), live.done(), live.failed(), live.lastError(), live.lastErrorMillis());
    }

    /** The queue, oldest first, and which job is in flight (its id, or null). Empty before start. */
    public record Jobs(List<PublishJob> jobs, String inFlightId) {}

    public Jobs jobs() throws IOException {
        UploadQueue q = queue;
        if (q == null) return new Jobs(List.of(), null);
        PublishJob f = publisher.live().inFlight();
        return new Jobs(q.jobs(), f == null ? null : f.id());
    }

    /** Makes a queued job due now; false when there is no such job. */
    public boolean retry(String id) throws IOException {
        Publisher p = publisher;
        if (p == null || !p.retryNow(id)) return false;
        refreshStats();
        poke();
        return true;
    }

    /** Takes a job out of the queue (stopping its upload if it runs); the local file stays. False when there is no such job. */
    public boolean cancel(String id) throws IOException {
        Publisher p = publisher;
        if (p == null || !p.cancel(id)) return false;
        refreshStats();
        poke();
        return true;
    }

    /** The job with {@code id}, if queued. */
    public Optional<PublishJob> job(String id) throws IOException {
        UploadQueue q = queue;
        return q == null ? Optional.empty() : q.job(id);
    }

    /** Stops the publisher thread: an upload in flight is ended and stays queued for the next start. */
    @Override
    public void close() {
        closed = true;
        Publisher p = publisher;
        if (p != null) p.stop();
        poke();
        Thread t = thread;
        if (t == null) return;
        try {
            t.join(10_000);
            if (t.isAlive()) Logger.warn("the publisher thread did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
