package org.taperoom.appliance.recording.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.recording.capture.CaptureEvents;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.ring.RingTap;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.wav.WordFormat;
import org.tinylog.Logger;

/**
 * The writer thread: drains the ring into the files of the current take in large batches, keeps
 * the pre-roll (the last seconds of the ring) unconsumed while idle, syncs on a bounded interval,
 * and turns capture events into overruns and markers. Commands from other threads arrive through
 * a queue; this thread alone touches the take's files.
 */
public final class WriterThread {
    /** What the writer tells the engine; called on the writer thread. */
    public interface Events {
        void takeStarted(TakeRef take);

        void takeEnded(TakeRef take, EndReason reason, String detail);
    }

    private sealed interface Command {}

    private record Start(TakeWriter take, long holdAfter) implements Command {}

    private record Stop(long atFrame, CompletableFuture<TakeRef> done) implements Command {}

    private record Mark(long atFrame, String label, String source) implements Command {}

    private record RecentEvent(int kind, long frame, long value) {}

    private final FrameRing ring;
    private final CaptureEvents events;
    private final Events listener;
    private final int rateHz;
    private final long retainFrames;
    private final int chunkFrames;
    private final long minBatchFrames;
    private final long syncIntervalNanos;
    /** Encoded samples of one track's chunk, on their way to its file; writer thread only. */
    private final ByteBuffer scratch;
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    /** Capture events of the last seconds while idle, so a take's pre-roll gets its overruns and clips. Writer thread only. */
    private final ArrayDeque<RecentEvent> recent = new ArrayDeque<>();
    private final Thread thread;

    /** Reports whether the capture thread has stopped for good (device gone); read by the writer thread. */
    private final java.util.function.BooleanSupplier captureEnded;

    /** The second consumer of the ring, or null; written by any thread (setTap), read by the writer thread. */
    private volatile RingTap tap;

    // Writer-thread state.
    /** The first ring frame the tap has not consumed; -1 before its first batch. */
    private long tapNextFrame = -1;
    private long nextTapSyncNanos;
    private TakeWriter take;
    private CompletableFuture<TakeRef> stopDone;
    private long nextSyncNanos;
    /** Capture events lost (the event queue was full) as of the last report. */
    private long lostEventsReported;

    /** The writer never releases ring frames at or after this; written by a thread starting a take, read here. */
    private volatile long holdFrame = Long.MAX_VALUE;
    private volatile boolean running = true;
    /** Loops done; written by the writer thread, read by status and the watchdog. */
    private volatile long loops;

    /**
     * @param preRollFrames frames kept in the ring while idle for the next take's pre-roll
     * @param fsyncIntervalMillis how often a take's files are synced
     */
    public WriterThread(FrameRing ring, CaptureEvents events, Events listener, int rateHz, long preRollFrames,
                        int fsyncIntervalMillis, int maxBytesPerSample, java.util.function.BooleanSupplier captureEnded) {
        this.ring = ring;
        this.events = events;
        this.listener = listener;
        this.rateHz = rateHz;
        // A margin beyond the pre-roll covers the time between a press and this thread seeing the take.
        this.retainFrames = preRollFrames + rateHz / 4;
        // About 1.4 s at 48 kHz: one write call per track per chunk keeps the system calls few and large.
        this.chunkFrames = 1 << 16;
        this.minBatchFrames = rateHz / 10;
        this.syncIntervalNanos = fsyncIntervalMillis * 1_000_000L;
        this.scratch = ByteBuffer.allocateDirect(chunkFrames * maxBytesPerSample + WordFormat.ENCODE_SLACK_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        this.captureEnded = captureEnded;
        this.thread = new Thread(this::run, "taperoom-writer");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public Thread thread() {
        return thread;
    }

    public long loops() {
        return loops;
    }

    /** Any thread: keeps ring frames from {@code frame} on until the next take has started. */
    public void hold(long frame) {
        holdFrame = frame;
    }

    /** Any thread: hands a created take to the writer, which writes it from its start frame. */
    public void startTake(TakeWriter t) {
        startTake(t, Long.MAX_VALUE);
    }

    /**
     * Any thread: as {@link #startTake(TakeWriter)}, and once the writer has the take it keeps
     * ring frames from {@code holdAfter} on (as {@link #hold}) until the next take starts: the
     * next take of a loop starts where this one ends, and must find its first frame still there.
     */
    public void startTake(TakeWriter t, long holdAfter) {
        commands.add(new Start(t, holdAfter));
        LockSupport.unpark(thread);
    }

    /** Any thread: ends the take at ring position {@code atFrame}; the future completes once its files are final. */
    public CompletableFuture<TakeRef> stopTake(long atFrame) {
        CompletableFuture<TakeRef> done = new CompletableFuture<>();
        commands.add(new Stop(atFrame, done));
        LockSupport.unpark(thread);
        return done;
    }

    /** Any thread: a marker at ring position {@code atFrame}. */
    public void mark(long atFrame, String label, String source) {
        commands.add(new Mark(atFrame, label, source));
    }

    private void run() {
        while (running || take != null) {
            int work;
            try {
                work = doWork();
            } catch (RuntimeException e) {
                Logger.error(e, "writer thread failed");
                if (take != null) finish(EndReason.WRITE_FAILED, "internal error: " + e);
                work = 0;
            }
            loops = loops + 1;
            if (work == 0) LockSupport.parkNanos(5_000_000L);
        }
    }

    /** One loop; returns how much was done (0 to rest). */
    int doWork() {
        int work = 0;
        Command c;
        while ((c = commands.poll()) != null) {
            work++;
            switch (c) {
                case Start s -> begin(s.take(), s.holdAfter());
                case Stop s -> {
                    if (take == null) {
                        s.done().completeExceptionally(new IllegalStateException("no take is being recorded"));
                    } else {
                        take.stopAt(s.atFrame());
                        stopDone = s.done();
                    }
                }
                case Mark m -> {
                    if (take != null) take.addMarker(m.atFrame(), m.label(), m.source());
                }
            }
        }
        if (!running && take != null && stopDone == null) {
            // Closing with a take running: end it where the capture is now, like a stop.
            take.stopAt(ring.writeFrame());
            stopDone = new CompletableFuture<>();
        }
        // The ring position first, then the events: an overrun is published before the frames
        // after it, so every gap up to this position is among the events drained next.
        long available = ring.writeFrame();
        work += events.drain(this::onCaptureEvent);
        reportLostEvents();
        boolean ended = captureEnded.getAsBoolean();
        if (take != null) {
            try {
                long pending = Math.min(available, take.endFrame()) - take.nextFrame();
                long now = System.nanoTime();
                boolean syncDue = now >= nextSyncNanos;
                if (pending >= minBatchFrames || syncDue || take.endFrame() <= available || ended) {
                    work += (int) Math.min(Integer.MAX_VALUE, take.writeFrom(ring, available, chunkFrames, scratch));
                }
                if (take.complete()) {
                    finish(stopDone != null ? EndReason.STOPPED : EndReason.DURATION, null);
                } else if (ended && take.nextFrame() >= ring.writeFrame()) {
                    finish(EndReason.DEVICE_GONE, "the audio interface disappeared");
                } else if (syncDue) {
                    take.sync();
                    nextSyncNanos = now + syncIntervalNanos;
                }
            } catch (IOException e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                boolean full = msg.contains("No space left") || msg.contains("Disk quota");
                finish(full ? EndReason.DISK_FULL : EndReason.WRITE_FAILED,
                        (full ? "the disk is full: " : "writing failed: ") + msg);
            }
        }
        RingTap t = tap;
        if (t != null) work += feedTap(t, available, ended);
        long release = available - retainFrames;
        if (take != null) release = Math.min(release, take.nextFrame());
        if (t != null && tapNextFrame >= 0) release = Math.min(release, tapNextFrame);
        release = Math.min(release, holdFrame);
        ring.release(release);
        return work;
    }

    /** Any thread: installs (or, with null, removes) a second consumer of the ring; see {@link RingTap}. */
    public void setTap(RingTap t) {
        tap = t;
        LockSupport.unpark(thread);
    }

    /** Writer thread: hands the tap what the ring holds beyond what it had, in chunks; returns the frames fed. */
    private int feedTap(RingTap t, long available, boolean ended) {
        if (tapNextFrame < 0) tapNextFrame = Math.max(ring.readFrame(), available - retainFrames);
        long pending = available - tapNextFrame;
        if (pending < minBatchFrames && !ended) return 0;
        try {
            while (tapNextFrame < available) {
                int n = (int) Math.min(chunkFrames, available - tapNextFrame);
                t.consume(ring, tapNextFrame, n);
                tapNextFrame += n;
            }
            long now = System.nanoTime();
            if (now >= nextTapSyncNanos) {
                t.sync();
                nextTapSyncNanos = now + syncIntervalNanos;
            }
        } catch (IOException e) {
            Logger.warn("the ring tap (always-on capture) stopped: {}", e.getMessage());
            tap = null;
            tapNextFrame = -1;
        }
        return (int) Math.min(Integer.MAX_VALUE, pending);
    }

    /** Writer thread: says once per loss how many overrun and clip events the capture thread could not queue. */
    private void reportLostEvents() {
        long lost = events.dropped();
        if (lost == lostEventsReported) return;
        long newly = lost - lostEventsReported;
        lostEventsReported = lost;
        Logger.warn("{} overrun/clip event{} lost: the writer thread fell behind the capture thread{}", newly, newly == 1 ? "" : "s",
                take == null ? "" : "; take " + take.ref().id() + " misses their markers");
        if (take != null) take.addLostCaptureEvents(newly);
    }

    private void begin(TakeWriter t, long holdAfter) {
        take = t;
        stopDone = null;
        holdFrame = holdAfter;
        nextSyncNanos = System.nanoTime() + syncIntervalNanos;
        for (RecentEvent e : recent) apply(e.kind(), e.frame(), e.value());
        recent.clear();
        listener.takeStarted(t.ref());
    }

    private void onCaptureEvent(int kind, long frame, long value) {
        if (kind == CaptureEvents.OVERRUN_DEVICE) {
            Logger.warn("the audio interface overran at frame {}: {} lost", frame, value < 0 ? "an unknown number of frames" : value + " frames");
        } else if (kind == CaptureEvents.OVERRUN_RING) {
            Logger.warn("the writer fell behind at frame {}: {} frames dropped (the disk is too slow)", frame, value);
        }
        if (take == null || frame < take.startFrame()) {
            recent.addLast(new RecentEvent(kind, frame, value));
            while (recent.size() > 256 || !recent.isEmpty() && recent.peekFirst().frame() < ring.writeFrame() - retainFrames) {
                recent.removeFirst();
            }
            return;
        }
        apply(kind, frame, value);
    }

    private void apply(int kind, long frame, long value) {
        if (take == null) return;
        switch (kind) {
            // The marker first: it goes where the gap begins, before the silence that fills it.
            case CaptureEvents.OVERRUN_DEVICE -> {
                take.addMarker(frame, "overrun", "overrun");
                take.addOverrun(frame, value, "device");
            }
            case CaptureEvents.OVERRUN_RING -> {
                take.addMarker(frame, "overrun (writer behind)", "overrun");
                take.addOverrun(frame, value, "ring");
            }
            case CaptureEvents.CLIP -> take.addMarker(frame, "clip on input " + (value + 1), "clip");
            default -> { }
        }
    }

    /** Finishes the take for {@code reason}; {@code detail} is the error sentence, null for none. */
    private void finish(EndReason reason, String detail) {
        TakeWriter t = take;
        take = null;
        EndReason told = reason;
        String sentence = detail == null ? "" : detail;
        try {
            t.finish(reason, detail);
        } catch (IOException e) {
            if (!told.fault()) {
                told = EndReason.WRITE_FAILED;
                sentence = "finishing the files failed: " + e.getMessage();
            }
        }
        if (!sentence.isEmpty()) Logger.warn("take {} ended: {}", t.ref().id(), sentence);
        listener.takeEnded(t.ref(), told, sentence);
        if (stopDone != null) {
            stopDone.complete(t.ref());
            stopDone = null;
        }
    }

    /** Stops the thread after the current take (if any) is finished; waits up to {@code waitMillis}. */
    public void close(long waitMillis) {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
