package org.taperoom.appliance.dsp.render;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One background render, as the panel sees it: poll {@link #snapshot()} for a progress bar, call
 * {@link #cancel()} to stop it. Thread-safe: the render thread writes the progress fields
 * (volatile), any thread reads them and may cancel.
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
    }

    void running() {
        state = State.RUNNING;
    }

    void done(RenderResult r) {
        result = r;
        fraction = 1;
        stage = "done";
        state = State.DONE;
    }

    void failed(String message) {
        error = message;
        state = State.FAILED;
    }

    void cancelled() {
        stage = "cancelled";
        state = State.CANCELLED;
    }

    public State state() {
        return state;
    }

    public Snapshot snapshot() {
        return new Snapshot(id, take, file, state, stage, fraction, error, result);
    }
}
