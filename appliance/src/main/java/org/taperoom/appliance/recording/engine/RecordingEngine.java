package org.taperoom.appliance.recording.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.taperoom.appliance.recording.capture.CaptureEvents;
import org.taperoom.appliance.recording.capture.CaptureThread;
import org.taperoom.appliance.recording.capture.MeterBoard;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.ring.RingTap;
import org.taperoom.appliance.recording.ring.TapFanOut;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.TakeWriter;
import org.taperoom.appliance.recording.writer.WriterThread;
import org.taperoom.appliance.wav.FileOps;
import org.taperoom.appliance.wav.WordFormat;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.tinylog.Logger;

/**
 * The recording engine: a capture thread (device → rings, meters) that runs from {@link #start()}
 * to {@link #close()}, a writer thread (rings → files), the device watch (the one owner of the
 * device's presence) and the take bookkeeping around them. It reads no configuration: the shell
 * hands it {@link EngineSettings}. Control methods are synchronized with each other; none waits
 * for the capture thread.
 */
public final class RecordingEngine implements Recorder {
    private final TakeLibrary library;
    private final AudioBackend backend;
    // The settings and what is derived from them: written by the constructor and by reopen()
    // (under this lock, while no capture thread runs), read by any thread.
    private volatile EngineSettings settings;
    private volatile String device;
    private volatile int channels;
    private volatile int rateHz;
    private volatile WordFormat format;
    private volatile long preRollFrames;
    private volatile TakeSpace space;
    private final CopyOnWriteArrayList<RecorderListener> listeners = new CopyOnWriteArrayList<>();

    // Set by start(), read by any thread afterwards.
    private volatile FrameRing ring;
    private volatile MeterBoard meters;
    private volatile CaptureThread capture;
    private volatile WriterThread writer;
    private volatile int resolutionBits;
    /** The event ring of the capture threads (the first and any after a device came back); set by start(). */
    private volatile CaptureEvents captureEvents;
    /** The current device watch; one that is no longer this (after reopen) ends. Written under this lock. */
    private volatile Thread deviceWatch;
    /** Every write, sync and rename of the take files; set at construction. */
    private final FileOps fileOps;
    /** The second consumer of the ring, or null; written by setRingTap (any thread), handed to each writer thread. */
    private volatile RingTap ringTap;
    /** The ring's consumers beside the take: {@link #ringTap} and those added; the writer's tap while it has any. */
    private final TapFanOut taps = new TapFanOut();

    /** The take being recorded; written by control calls and the writer thread, read by any thread. */
    private volatile TakeRef currentTake;
    private volatile long currentStartFrame;
    private volatile boolean running;
    private volatile boolean devicePresent;
    private volatile String lastError = "";
    /** Overruns of capture threads that ended (the device vanished and came back). */
    private volatile long earlierOverruns;
    private volatile long earlierPeriods;

    /** An engine for {@code settings}, opening its device through {@code backend}. */
    public RecordingEngine(EngineSettings settings, AudioBackend backend) {
        this(settings, backend, FileOps.DIRECT);
    }

    /** An engine whose take files are written through {@code fileOps} (tests count or interrupt them there). */
    public RecordingEngine(EngineSettings settings, AudioBackend backend, FileOps fileOps) {
        this.fileOps = fileOps;
        this.backend = backend;
        this.library = new TakeLibrary(settings.library());
        settle(settings);
    }

    private void settle(EngineSettings next) {
        settings = next;
        device = next.device();
        channels = next.channels();
        rateHz = next.rateHz();
        format = next.format();
        preRollFrames = next.preRollFrames();
        space = new TakeSpace(library, next.minFreeMinutes(), rateHz, format);
    }

    /**
     * Takes a new device, channel count, rate, bits and pre-roll without a restart, as a
     * hardware recorder does when its settings change: a running engine closes its device and
     * opens it again with them. Refused while a take is being recorded; when the device will not
     * open with them, the engine goes back to the settings it had and says why. A device of
     * another family (the simulator instead of ALSA, or the reverse) needs another backend: that
     * waits for the next start (false).
     */
    @Override
    public synchronized boolean reopen(String nextDevice, int nextChannels, int nextRateHz, String nextBits,
                                       double nextPreRollSeconds) throws EngineException {
        if (currentTake != null) throw new EngineException("a take is being recorded: settings change when it has ended");
        if (SimBackend.handles(nextDevice) != SimBackend.handles(device)) return false;
        EngineSettings before = settings;
        EngineSettings s = before;
        EngineSettings next = new EngineSettings(nextDevice, nextChannels, nextRateHz, WordFormat.ofBits(nextBits), s.library(), s.periodFrames(),
                s.bufferPeriods(), s.ringSeconds(), nextPreRollSeconds, s.ringMemoryBytes(), s.fsyncIntervalMillis(),
                s.minFreeMinutes(), s.rf64ThresholdBytes(), s.fillOverrunGaps(), s.timecode(), s.project());
        boolean wasRunning = running;
        if (wasRunning) stopCapture();
        settle(next);
        if (!wasRunning) return true;
        try {
            start();
            Logger.info("settings applied: the device was reopened");
            return true;
        } catch (EngineException e) {
            settle(before);
            start();
            throw new EngineException(nextDevice + " with the new settings: " + e.getMessage() + " (the previous settings are back)");
        }
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The driver this engine opens its device through (an overdub opens the interface's outputs on it too). */
    public AudioBackend backend() {
        return backend;
    }

    public TakeLibrary library() {
        return library;
    }

    /** Bytes of audio one second of recording every input takes on disk. */
    public long bytesPerSecond() {
        return settings.bytesPerSecond();
    }

    /** Starts with the device open; refused (one line) when the device cannot be opened. */
    @Override
    public synchronized void start() throws EngineException {
        start(false);
    }

    /**
     * Starts, and when the device is not there yet, waits for it: the engine's device watch opens
     * it once it is present, as it does when it comes back after vanishing ({@code serve}).
     * Refused only for what waiting cannot mend (the library, the ring's memory).
     */
    public synchronized void startOrAwaitDevice() throws EngineException {
        start(true);
    }

    private void start(boolean awaitDevice) throws EngineException {
        if (running) throw new EngineException("the engine is already running");
        Path root = library.root();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new EngineException("library " + root + " is a file; it must be a folder (set --library or 'library' in the configuration)");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new EngineException("cannot create the library folder " + root + ": " + e.getMessage());
        }
        if (!Files.isWritable(root)) throw new EngineException("library " + root + " is not writable");
        int ringSeconds = settings.ringSeconds();
        double preRollSeconds = settings.preRollSeconds();
        int capacity = FrameRing.capacityFor((long) Math.ceil((preRollSeconds + ringSeconds) * rateHz));
        long ringBytes = FrameRing.bytesFor(channels, capacity);
        long capBytes = settings.ringMemoryBytes();
        if (ringBytes > capBytes) {
            throw new EngineException(String.format("the capture rings need %d MiB (%s s pre-roll + %d s ring × %d channels × %d Hz) "
                    + "but ringMemoryMegabytes allows %d MiB; lower preRollSeconds, ringSeconds or channels, or raise ringMemoryMegabytes",
                    ringBytes >> 20, fmt(preRollSeconds), ringSeconds, channels, rateHz, capBytes >> 20));
        }
        long heapRoom = Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        if (ringBytes > heapRoom - (64L << 20)) {
            throw new EngineException(String.format("the capture rings need %d MiB but the Java heap has about %d MiB free; "
                    + "lower preRollSeconds or ringSeconds, or give Java more memory (TAPEROOM_JAVA_OPTS=-Xmx...)",
                    ringBytes >> 20, heapRoom >> 20));
        }
        CaptureStream stream = null;
        try {
            stream = open();
        } catch (EngineException e) {
            if (!awaitDevice) throw e;
            lastError = e.getMessage();
            Logger.warn("the audio interface {} is not there ({}); waiting for it", device, lastError);
        }
        FrameRing r = new FrameRing(channels, capacity);
        CaptureEvents events = new CaptureEvents();
        WriterThread w = new WriterThread(r, events, new WriterEvents(), rateHz, preRollFrames,
                settings.fsyncIntervalMillis(), format.bytesPerSample, this::captureEnded);
        ring = r;
        captureEvents = events;
        writer = w;
        w.setTap(taps.isEmpty() ? null : taps);
        w.start();
        running = true;
        devicePresent = false;
        meters = null; // a start (and a reopen) may bring other channels or another rate: fresh meters
        if (stream != null) beginCapture(stream);
        deviceWatch = new Thread(this::watchDevice, "taperoom-device-watch");
        deviceWatch.setDaemon(true);
        deviceWatch.start();
        for (RecorderListener l : listeners) l.captureRing(r);
        Logger.info("engine started: {} × {} Hz from {}, {}-bit files in {}", channels, rateHz, device, format.bits, root);
    }

    /**
     * Starts a capture thread on a freshly opened device, on the engine's ring (frame positions go
     * on where the last device stopped). Holds this engine's lock.
     */
    private void beginCapture(CaptureStream stream) {
        CaptureThread previous = capture;
        if (previous != null) {
            previous.close(1000);
            earlierOverruns += previous.overruns();
            earlierPeriods += previous.periods();
        }
        // The meters' clock is set by the first device's period; a device that returns keeps it.
        if (meters == null) meters = new MeterBoard(channels, rateHz, stream.config().periodFrames());
        resolutionBits = stream.resolutionBits();
        CaptureThread fresh = new CaptureThread(stream, ring, meters, captureEvents, resolutionBits, rateHz, !stream.paced());
        capture = fresh;
        fresh.start();
        devicePresent = true;
        lastError = "";
    }

    private CaptureStream open() throws EngineException {
        StreamConfig request = new StreamConfig(channels, rateHz, settings.periodFrames(), settings.bufferPeriods(),
                format.deviceFormat());
        CaptureStream stream;
        try {
            stream = backend.openCapture(device, request);
        } catch (AudioDeviceException e) {
            try {
                // The device may lack the format matching the files; let it pick its best.
                stream = backend.openCapture(device, new StreamConfig(channels, rateHz, request.periodFrames(), request.bufferPeriods(), null));
            } catch (AudioDeviceException again) {
                throw new EngineException(e.getMessage());
            }
        }
        try {
            stream.start();
        } catch (AudioDeviceException e) {
            stream.close();
            throw new EngineException("device " + device + " did not start: " + e.getMessage());
        }
        return stream;
    }

    private boolean captureEnded() {
        CaptureThread c = capture;
        return c != null && c.deviceGone() && c.finished();
    }

    /**
     * The one owner of the device's presence: notices that it vanished (the capture thread ended
     * with the device gone) and tells listeners; while it is away (or not there yet at start),
     * asks the backend every 2 s whether it is present and opens it when it is.
     */
    private void watchDevice() {
        boolean told = true; // listeners assume the device is there until told otherwise
        long nextLookNanos = 0;
        while (running && Thread.currentThread() == deviceWatch) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            CaptureThread c = capture;
            if (c != null && (!c.deviceGone() || !c.finished())) continue;
            if (devicePresent || told && c == null) {
                devicePresent = false;
                told = false;
                if (c != null) {
                    String why = c.goneReason();
                    lastError = "the audio interface " + device + " disappeared" + (why.isEmpty() ? "" : " (" + why + ")");
                    Logger.warn("{}; waiting for it to come back", lastError);
                }
                for (RecorderListener l : listeners) l.deviceChanged(false);
            }
            // The writer finishes the take first; the next look is 2 s after that, then every 2 s.
            if (currentTake != null || nextLookNanos == 0) nextLookNanos = System.nanoTime() + 2_000_000_000L;
            if (System.nanoTime() < nextLookNanos) continue;
            nextLookNanos = System.nanoTime() + 2_000_000_000L;
            if (!backend.present(device)) continue;
            try {
                CaptureStream stream = open();
                synchronized (this) {
                    if (!running || Thread.currentThread() != deviceWatch) {
                        stream.close();
                        return;
                    }
                    beginCapture(stream);
                }
                told = true;
                nextLookNanos = 0;
                Logger.info("the audio interface {} is there", device);
                for (RecorderListener l : listeners) l.deviceChanged(true);
            } catch (EngineException e) {
                lastError = e.getMessage(); // listed but not openable yet; try again
            }
        }
    }

    @Override
    public TakeRef startTake(TakeRequest request) throws EngineException {
        return startTake(request, Long.MAX_VALUE);
    }

    /**
     * Starts a take that ends by itself after {@code maxFrames} frames (pre-roll included), or
     * when stopped. See {@link Recorder#startTake}. Room is made on the disk (purging the trash)
     * before the engine's lock is taken: stopping, markers and status never wait for a purge.
     */
    public TakeRef startTake(TakeRequest request, long maxFrames) throws EngineException {
        return startTake(request, maxFrames, -1, false);
    }

    /**
     * Starts a take whose first frame is exactly ring frame {@code firstFrame} and which ends by
     * itself after {@code frames} frames: for punch-in/out and loop passes, placed to the sample.
     * No pre-roll. The frame must still be in the ring (the engine keeps its pre-roll plus a
     * quarter second while idle) and already captured; otherwise the take is refused and says so.
     * With {@code anotherFollows} the ring keeps the frames from the take's end on until the next
     * take starts, so a take started there next (the next cycle of a loop) finds its first frame
     * however long this one takes to finish.
     */
    public TakeRef startTakeAt(TakeRequest request, long firstFrame, long frames, boolean anotherFollows) throws EngineException {
        if (firstFrame < 0) throw new EngineException("a take cannot start at frame " + firstFrame);
        return startTake(request, frames, firstFrame, anotherFollows);
    }

    /**
     * Keeps the ring's frames from {@code frame} on until the next take starts: for a take that
     * will start there ({@link #startTakeAt}) once the capture has reached it, however long the
     * caller waits. An unpaced device waits for room meanwhile; a paced one fills its ring.
     */
    public synchronized void keepFrom(long frame) throws EngineException {
        if (!running) throw new EngineException("the engine is not running");
        writer.hold(frame);
    }

    /** {@code atFrame}: the exact first frame, or -1 for the press less the pre-roll. */
    private TakeRef startTake(TakeRequest request, long maxFrames, long atFrame, boolean anotherFollows) throws EngineException {
        int[] lanes;
        synchronized (this) {
            requireReadyForATake();
            lanes = lanesOf(request);
        }
        space.makeRoomFor(lanes.length);
        synchronized (this) {
            requireReadyForATake();
            long holdAfter = anotherFollows ? atFrame + maxFrames : Long.MAX_VALUE;
            return beginTake(request, lanes, maxFrames, atFrame, atFrame >= 0 ? 0 : preRollFrames, holdAfter);
        }
    }

    private void requireReadyForATake() throws EngineException {
        if (!running) throw new EngineException("the engine is not running");
        if (currentTake != null) throw new EngineException("a take is already being recorded: " + currentTake.id());
        if (!devicePresent) throw new EngineException("the audio interface " + device + " is not there");
    }

    /** Creates the take's files and hands them to the writer; holds this engine's lock. */
    /** {@code atFrame}: the exact first frame, or -1 for the press less {@code preRoll}; {@code holdAfter}: see {@link WriterThread#startTake(TakeWriter, long)}. */
    private TakeRef beginTake(TakeRequest request, int[] lanes, long maxFrames, long atFrame, long preRoll, long holdAfter)
            throws EngineException {
        FrameRing r = ring;
        WriterThread w = writer;
        // Keep everything from the oldest frame still there until the writer has the take.
        w.hold(r.readFrame());
        long capturedFrame = r.writeFrame();
        MeterBoard board = meters;
        long pressAtFrame = atFrame >= 0 ? atFrame
                : request.pressedNanos() != 0 && board != null ? board.ringFrameAt(request.pressedNanos()) : capturedFrame;
        TakeStart start = TakeStart.of(r.readFrame(), capturedFrame, pressAtFrame, preRoll, rateHz, Instant.now());
        if (atFrame >= 0 && start.startFrame() != atFrame) {
            w.hold(Long.MAX_VALUE);
            throw new EngineException("cannot start a take at frame " + atFrame + ": the ring holds frames " + r.readFrame()
                    + " to " + capturedFrame);
        }
        try {
            Path folder = library.createTakeFolder(LocalDateTime.ofInstant(start.firstSample(), ZoneId.systemDefault()), request.name());
            TakeRef ref = new TakeRef(TakeFolders.idOf(library.root(), folder), folder);
            TakeInfo info = TakeMetadata.info(ref, request, lanes, start, settings);
            TakeWriter tw = TakeWriter.create(ref, info, lanes, TakeMetadata.bext(ref, info, start, settings), format, start.startFrame(),
                    maxFrames, settings.rf64ThresholdBytes(), settings.fillOverrunGaps(), fileOps);
            currentTake = ref;
            currentStartFrame = start.startFrame();
            library.setBusy(ref.id());
            w.startTake(tw, holdAfter);
            Logger.info("take {} started by {} ({} tracks, {} s pre-roll)", ref.id(), request.source(), lanes.length,
                    fmt((double) start.preRollFrames() / rateHz));
            return ref;
        } catch (IOException e) {
            w.hold(Long.MAX_VALUE);
            lastError = "cannot create the take in " + library.root() + ": " + e.getMessage();
            throw new EngineException(lastError);
        }
    }

    private int[] lanesOf(TakeRequest request) throws EngineException {
        if (request.tracks().isEmpty()) {
            int[] all = new int[channels];
            for (int i = 0; i < channels; i++) all[i] = i;
            return all;
        }
        int[] lanes = new int[request.tracks().size()];
        for (int i = 0; i < lanes.length; i++) {
            int input = request.tracks().get(i);
            if (input < 1 || input > channels) throw new EngineException("input " + input + " does not exist; inputs are 1 to " + channels);
            lanes[i] = input - 1;
        }
        return lanes;
    }

    @Override
    public TakeRef stopTake() throws EngineException {
        java.util.concurrent.CompletableFuture<TakeRef> done;
        synchronized (this) {
            if (currentTake == null) throw new EngineException("no take is being recorded");
            done = writer.stopTake(ring.writeFrame());
        }
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while the take was finishing");
        } catch (ExecutionException e) {
            throw new EngineException(e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new EngineException("the take did not finish within 60 s");
        }
    }

    @Override
    public boolean addMarker(String label) {
        return addMarker(label, "api");
    }

    @Override
    public boolean addMarker(String label, String source) {
        if (currentTake == null || ring == null) return false;
        writer.mark(ring.writeFrame(), label == null || label.isBlank() ? "marker" : label, source);
        return true;
    }

    @Override
    public void readMeters(MeterSnapshot into) {
        MeterBoard m = meters;
        if (m != null) m.read(into);
    }

    @Override
    public RecorderStatus status() {
        CaptureThread c = capture;
        WriterThread w = writer;
        FrameRing r = ring;
        TakeRef take = currentTake;
        long takeFrames = take != null && r != null ? r.writeFrame() - currentStartFrame : 0;
        long free;
        try {
            free = library.usableBytes() / Math.max(1, bytesPerSecond());
        } catch (IOException e) {
            free = 0;
        }
        return new RecorderStatus(running, devicePresent, device, channels, rateHz, format.bits, take, takeFrames,
                earlierOverruns + (c == null ? 0 : c.overruns()), free, lastError,
                earlierPeriods + (c == null ? 0 : c.periods()), w == null ? 0 : w.loops());
    }

    /** The capture thread, for allocation and liveness checks in tests; null before start. */
    public Thread captureThread() {
        CaptureThread c = capture;
        return c == null ? null : c.thread();
    }

    /**
     * Installs a second consumer of the capture ring on the writer thread (always-on capture's
     * rolling buffer), or removes it with null; it stays installed across a restart of the engine.
     */
    public synchronized void setRingTap(RingTap tap) {
        if (ringTap != null) taps.remove(ringTap);
        ringTap = tap;
        if (tap != null) taps.add(tap);
        tapsChanged();
    }

    /**
     * Adds a consumer of the capture ring beside {@link #setRingTap}'s (the live tuner while
     * always-on capture runs): fed on the writer thread, kept across a restart of the engine.
     */
    @Override
    public synchronized boolean addRingTap(RingTap tap) {
        taps.add(tap);
        tapsChanged();
        return true;
    }

    @Override
    public synchronized void removeRingTap(RingTap tap) {
        if (tap == ringTap) ringTap = null;
        taps.remove(tap);
        tapsChanged();
    }

    private void tapsChanged() {
        WriterThread w = writer;
        if (w != null) w.setTap(taps.isEmpty() ? null : taps);
    }

    /**
     * The capture ring of the running device (null before start): for a second, read-only reader
     * on the playback thread of the same device (the monitor mix), which never releases frames.
     */
    @Override
    public FrameRing captureRing() {
        return running ? ring : null;
    }

    /** Ring frames captured so far (the position the next take's press would have). */
    public long captureFrame() {
        FrameRing r = ring;
        return r == null ? 0 : r.writeFrame();
    }

    @Override
    public void addListener(RecorderListener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (!running) return;
        }
        if (currentTake != null) {
            try {
                stopTake();
            } catch (EngineException e) {
                Logger.warn("stopping the take on close: {}", e.getMessage());
            }
        }
        synchronized (this) {
            if (running) stopCapture();
        }
        Logger.debug("engine closed");
    }

    /** Ends the capture, writer and device-watch threads (no take runs); the caller holds this lock. */
    private void stopCapture() {
        for (RecorderListener l : listeners) l.captureRing(null);
        running = false;
        if (deviceWatch != null) deviceWatch.interrupt();
        capture.close(2000);
        writer.close(30_000);
    }

    /** Called on the writer thread. */
    private final class WriterEvents implements WriterThread.Events {
        @Override
        public void takeStarted(TakeRef take) {
            for (RecorderListener l : listeners) l.takeStarted(take);
        }

        @Override
        public void takeEnded(TakeRef take, EndReason reason, String detail) {
            if (take.equals(currentTake)) currentTake = null;
            library.setBusy(null);
            if (reason.fault()) lastError = detail;
            for (RecorderListener l : listeners) l.takeEnded(take, reason, detail);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.2f", d);
    }
}
