package org.taperoom.appliance.recording.rolling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.config.AlwaysOnKeys;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.control.TransportView;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.engine.TakeRef;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.tinylog.Logger;

/**
 * Always-on capture (key {@code alwaysOn}): the engine's writer thread feeds every captured frame
 * into a {@link RollingBuffer} in the library's {@code .always-on} folder, and every take the
 * transport starts keeps the last {@code alwaysOnKeepMinutes} before the press:
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
 * Threading: transport listener calls only hand work to this class's own thread.
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
     * @throws IOException a one-line reason (keep longer than the buffer, folder not writable)
     */
    public static AlwaysOn start(RecordingEngine engine, Config config) throws IOException {
        double bufferMinutes = config.get(AlwaysOnKeys.BUFFER_MINUTES);
        double keepMinutes = config.get(AlwaysOnKeys.KEEP_MINUTES);
        if (keepMinutes > bufferMinutes) {
            throw new IOException("alwaysOnKeepMinutes (" + keepMinutes + ") cannot be more than alwaysOnMinutes (" + bufferMinutes
                    + "): a take can only keep what the buffer holds");
        }
        RecorderStatus st = engine.status();
        int rate = st.rateHz();
        int channels = st.channels();
        Path folder = engine.library().root().resolve(FOLDER);
        long frameBytes = 4L * channels;
        long maxBytes = (long) Math.ceil(bufferMinutes * 60 * rate) * frameBytes;
        // What takes need free (minFreeMinutes), and never less than a margin for the system itself.
        long reserve = Math.max(MIN_RESERVE_BYTES, config.get(RecordingKeys.MIN_FREE_MINUTES) * 60L * engine.bytesPerSecond());
        RollingBuffer buffer = new RollingBuffer(folder, channels, rate, System.currentTimeMillis(),
                (long) config.get(AlwaysOnKeys.SEGMENT_SECONDS) * rate, maxBytes, reserve, () -> usable(folder));
        engine.setRingTap(buffer);
        Logger.info("always-on capture: {} min rolling buffer in {}, a take keeps {} min", bufferMinutes, folder, keepMinutes);
        return new AlwaysOn(engine, buffer, Math.round(keepMinutes * 60 * rate), config.get(RecordingKeys.RF64_THRESHOLD_BYTES));
    }

    private static long usable(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return 0; // unknown free space: the buffer pauses rather than risk the disk
        }
    }

    public RollingBuffer buffer() {
        return buffer;
    }

    /** Give this every transport view (register as a transport listener); returns at once. */
    public void onTransport(TransportView view) {
        TransportState s = view.state();
        if (s == TransportState.RECORDING && view.take() != null) {
            TakeRef take = view.take();
            worker.execute(() -> pin(take));
        } else if (s != TransportState.STOPPING) {
            worker.execute(this::assemble);
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
