package org.taperoom.appliance.recording.rolling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.recording.engine.EngineSettings;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.tinylog.Logger;

/**
 * Always-on capture: the engine's writer thread feeds every captured frame into a
 * {@link RollingBuffer} in the library's {@code .always-on} folder, and every take the engine
 * starts keeps the last {@link AlwaysOnSettings#keepMinutes()} before the press:
 *
 * <ol>
 * <li>the take starts as usual (the engine writes it from its RAM pre-roll on, crash-safe);</li>
 * <li>at once, the buffer's files holding the minutes before the take's first frame are pinned,
 *     so rotation cannot delete them while the take runs;</li>
 * <li>when the take's files are final, {@link TakeHistory} puts those minutes in front of them,
 *     sample-continuous with the take (the ring positions of buffer and take are the same).</li>
 * </ol>
 *
 * If power fails before step 3 the take stays as the engine wrote it (from its pre-roll on).
 * Threading: the engine's take events (on its writer thread) only hand work to this class's own
 * thread.
 */
public final class AlwaysOn implements AutoCloseable {
    /** The rolling buffer's folder inside the library (a dot folder: the take library skips it). */
    public static final String FOLDER = ".always-on";
    /** The buffer never leaves less free space than this, even with minFreeMinutes = 0. */
    static final long MIN_RESERVE_BYTES = 64L << 20;

    private final RecordingEngine engine;
    private final RollingBuffer buffer;
    private final long keepFrames;
    private final long rf64ThresholdBytes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "always-on");
        t.setDaemon(true);
        return t;
    });
    /** Set by close() on any thread, read by the engine's writer thread: take events after it are ignored. */
    private volatile boolean closed;
    /** Owned by the worker thread: the take being recorded, and the history pinned for it. */
    private TakeRef pendingTake;
    private List<RollingBuffer.Slice> pendingHistory = List.of();

    private AlwaysOn(RecordingEngine engine, RollingBuffer buffer, long keepFrames, long rf64ThresholdBytes) {
        this.engine = engine;
        this.buffer = buffer;
        this.keepFrames = keepFrames;
        this.rf64ThresholdBytes = rf64ThresholdBytes;
    }

    /**
     * Starts the rolling buffer on a running engine.
     *
     * @throws IOException a one-line reason (the folder cannot be written)
     */
    public static AlwaysOn start(RecordingEngine engine, AlwaysOnSettings settings) throws IOException {
        double bufferMinutes = settings.bufferMinutes();
        double keepMinutes = Math.min(settings.keepMinutes(), bufferMinutes); // a take keeps at most what the buffer holds
        EngineSettings recording = engine.settings();
        int rate = recording.rateHz();
        int channels = recording.channels();
        Path folder = engine.library().root().resolve(FOLDER);
        long frameBytes = 4L * channels;
        long maxBytes = (long) Math.ceil(bufferMinutes * 60 * rate) * frameBytes;
        // What takes need free (minFreeMinutes), and never less than a margin for the system itself.
        long reserve = Math.max(MIN_RESERVE_BYTES, recording.minFreeMinutes() * 60L * recording.bytesPerSecond());
        RollingBuffer buffer = new RollingBuffer(folder, channels, rate, System.currentTimeMillis(),
                (long) settings.segmentSeconds() * rate, maxBytes, reserve, () -> usable(folder));
        engine.setRingTap(buffer);
        AlwaysOn alwaysOn = new AlwaysOn(engine, buffer, Math.round(keepMinutes * 60 * rate), recording.rf64ThresholdBytes());
        engine.addListener(alwaysOn.new TakeEvents());
        Logger.info("always-on capture: {} min rolling buffer in {}, a take keeps {} min", bufferMinutes, folder, keepMinutes);
        return alwaysOn;
    }

    private static long usable(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return 0; // unknown free space: the buffer pauses rather than risk the disk
        }
    }

    /** The engine's take events, on its writer thread: each only hands work to the worker. */
    private final class TakeEvents implements RecorderListener {
        @Override
        public void takeStarted(TakeRef take) {
            hand(() -> pin(take));
        }

        @Override
        public void takeEnded(TakeRef take, EndReason reason, String detail) {
            hand(AlwaysOn.this::assemble);
        }

        private void hand(Runnable work) {
            try {
                if (!closed) worker.execute(work);
            } catch (RejectedExecutionException e) {
                // closed between the check and the hand-over: nothing is assembled after close
            }
        }
    }

    /** Worker: pins the history before the take's first frame, once the buffer has written up to it. */
    private void pin(TakeRef take) {
        if (take.equals(pendingTake)) return;
        try {
            TakeInfo info = TakeJson.read(take.folder());
            long historyFrames = keepFrames - info.preRollFrames;
            pendingTake = take;
            pendingHistory = List.of();
            if (historyFrames <= 0) return;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (buffer.writtenFrame() < info.startFrame && System.nanoTime() < deadline) Thread.sleep(5);
            pendingHistory = buffer.history(info.startFrame, historyFrames);
            buffer.pin(pendingHistory);
        } catch (IOException e) {
            Logger.warn("always-on: take {} keeps only its pre-roll: {}", take.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Worker: puts the pinned history in front of the finished take. */
    private void assemble() {
        TakeRef take = pendingTake;
        if (take == null) return;
        pendingTake = null;
        try {
            long h = TakeHistory.prepend(take.folder(), pendingHistory, buffer.sessionMillis(), rf64ThresholdBytes);
            Logger.info("always-on: take {} now starts {} s earlier, from the rolling buffer", take.id(), String.format("%.1f",
                    h / (double) buffer.rateHz()));
        } catch (IOException | RuntimeException e) {
            Logger.warn("always-on: take {} keeps only its pre-roll: {}", take.id(), e.getMessage());
        } finally {
            pendingHistory = List.of();
            buffer.unpin();
        }
    }

    /** Waits until the history of every finished take is in place (tests, shutdown). */
    public void drain() throws InterruptedException {
        try {
            worker.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            Logger.warn("always-on: {}", e.getMessage());
        }
        worker.shutdown();
        engine.setRingTap(null);
        try {
            buffer.close();
        } catch (IOException e) {
            Logger.warn("always-on buffer did not close cleanly: {}", e.getMessage());
        }
    }
}
