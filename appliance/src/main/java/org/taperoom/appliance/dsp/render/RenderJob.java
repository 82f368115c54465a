package org.taperoom.appliance.dsp.render;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * One background render, as the panel sees it: {@link #watch} it (or read {@link #snapshot()}) for
 * a progress bar, call {@link #cancel()} to stop it. Thread-safe: the render thread writes the
 * progress fields (volatile) and tells the watchers; any thread reads them and may cancel.
 */
public final class RenderJob {
    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** A consistent view of a job for the panel. */
    public record Snapshot(String id, Path take, Path file, State state, String stage, double fraction, String error,
                           RenderResult result) {}

    private final String id;
    private final Path take;
    private final Path file;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    // Written by the render thread, read by any thread.
    private volatile State state = State.QUEUED;
    private volatile String stage = "queued";
    private volatile double fraction;
    private volatile String error;
    private volatile RenderResult result;
    /** Added by any thread; told every change on the render thread (the {@link RenderProgress} of the render). */
    private final List<Consumer<Snapshot>> watchers = new CopyOnWriteArrayList<>();

    RenderJob(String id, Path take, Path file) {
        this.id = id;
        this.take = take;
        this.file = file;
    }

    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    /**
     * {@code watcher} is told every change from now on (progress, state), on the render thread, and
     * must return quickly. A job that has already ended tells it its end at once, on the caller's
     * thread; a job ending meanwhile may tell it its end twice.
     */
    public void watch(Consumer<Snapshot> watcher) {
        watchers.add(watcher);
        State s = state;
        if (s == State.DONE || s == State.FAILED || s == State.CANCELLED) watcher.accept(snapshot());
    }

    private void changed() {
        if (watchers.isEmpty()) return;
        Snapshot s = snapshot();
        for (Consumer<Snapshot> w : watchers) {
            try {
                w.accept(s);
            } catch (RuntimeException e) {
                // A watcher's failure is the watcher's; the render goes on.
                Logger.warn(e, "render {}: a progress watcher failed", id);
            }
        }
    }

    /** Asks the render to stop at its next block; the job ends CANCELLED and leaves no file. */
    public void cancel() {
        cancelRequested.set(true);
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    void progress(String stage, double fraction) {
        this.stage = stage;
        this.fraction = fraction;
        changed();
    }

    void running() {
        state = State.RUNNING;
        changed();
    }

    void done(RenderResult r) {
        result = r;
        fraction = 1;
        stage = "done";
        state = State.DONE;
        changed();
    }

    void failed(String message) {
        error = message;
        state = State.FAILED;
        changed();
    }

    void cancelled() {
        stage = "cancelled";
        state = State.CANCELLED;
        changed();
    }

    public State state() {
        return state;
    }

    public Snapshot snapshot() {
        return new Snapshot(id, take, file, state, stage, fraction, error, result);
    }
}
