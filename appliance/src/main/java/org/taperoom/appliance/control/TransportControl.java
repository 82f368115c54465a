package org.taperoom.appliance.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;
import org.tinylog.Logger;

/**
 * The transport state machine (README, "Control: buttons, LEDs, pre-roll, auto-record, always-on") driving a {@link Recorder}:
 *
 * <pre>
 *   idle ──Record/Toggle──▶ recording ──Stop/Toggle──▶ stopping ──files final──▶ idle (or waiting)
 *   idle ◀─AutoRecord(off)─ waiting ◀─AutoRecord(on)── idle;  waiting ──Record (auto-record)──▶ recording
 *   any ──device gone, disk full, failed start or stop──▶ error(reason) ──Reset or cause gone──▶ idle/waiting
 *   idle/waiting ──Overdub/OverdubToggle──▶ overdubbing ──Stop/Toggle/OverdubToggle──▶ stopping ──pass final──▶ idle (or waiting)
 *   idle/waiting ──Calibrate──▶ calibrating ──measured (or failed)──▶ idle (or waiting)
 * </pre>
 *
 * <p>An overdub is recorded by the {@link PassRecorder} the shell hands over; the transport keeps
 * which song was used last ({@link ControlEvent.UseSong}, or the last overdub's), so a button on
 * the wall can record over it.
 *
 * <p>Every transition is logged once with its source and cause; an event that does not apply is
 * logged and ignored. {@link #send} never blocks for long: a start runs under the state lock (the
 * engine's startTake opens files and returns), a stop moves to STOPPING at once and finalizes the
 * files on the transport's own thread, so a press during stopping is seen as such and ignored.
 *
 * <p>Threading: state is guarded by {@code this}; listeners run under it, in transition order.
 * Engine callbacks are handed to the transport thread, so an engine thread never waits for our lock.
 */
public final class TransportControl implements Transport, AutoCloseable {
    /** The source name auto-record uses; takes it starts are stopped by it too. */
    public static final String AUTO_RECORD = "auto-record";

    private final Recorder recorder;
    private final PassRecorder passes;
    private final InputArming arming;
    private final long minFreeSeconds;
    private final List<Consumer<TransportView>> listeners = new CopyOnWriteArrayList<>();
    /** Who hears a tempo tapped on the front panel (the song used last, the metronome); called on the tapping thread. */
    private final List<TempoListener> tempoListeners = new CopyOnWriteArrayList<>();
    private final List<PassListener> passListeners = new CopyOnWriteArrayList<>();
    /** Written by the front panel's button and encoder threads, read by any: the tempo tapped last in BPM, NaN before any. */
    private volatile double tappedTempoBpm = Double.NaN;
    /** Runs stops and engine callbacks in order; one thread owned by this machine. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "transport");
        t.setDaemon(true);
        return t;
    });

    // All guarded by this.
    private TransportView view;
    private boolean autoArmed;
    private boolean autoStartedTake;
    private String lastSongId;
    /** Counts passes started, so a late end of an earlier pass moves nothing. */
    private long passGeneration;

    /**
     * Builds the machine for {@code recorder} (which may not be started yet) and registers as its
     * listener. Reads {@code channels} (inputs to arm), {@code minFreeMinutes} (when a disk error
     * has cleared) and {@code autoRecord} (start armed, i.e. waiting) from {@code config}.
     */
    public TransportControl(Recorder recorder, Config config) {
        this(recorder, config, PassRecorder.unavailable("overdubs are not available here: no song side was given to the transport"));
    }

    /** As {@link #TransportControl(Recorder, Config)}, recording overdubs with {@code passes}. */
    public TransportControl(Recorder recorder, Config config, PassRecorder passes) {
        this.recorder = recorder;
        this.passes = passes;
        this.arming = new InputArming(config.get(RecordingKeys.CHANNELS));
        this.minFreeSeconds = config.get(RecordingKeys.MIN_FREE_MINUTES) * 60L;
        this.autoArmed = config.get(ControlKeys.AUTO_RECORD);
        this.view = new TransportView(autoArmed ? TransportState.WAITING : TransportState.IDLE,
                autoArmed ? "auto-record armed in the configuration" : "started", null, System.currentTimeMillis());
        recorder.addListener(new EngineEvents());
    }

    public InputArming arming() {
        return arming;
    }

    @Override
    public synchronized TransportView view() {
        return view;
    }

    /** Whether auto-record is armed (state WAITING when idle). */
    @Override
    public synchronized boolean autoRecordArmed() {
        return autoArmed;
    }

    /** Whether the take being recorded was started by auto-record (which may then stop it). */
    public synchronized boolean recordingAutoStartedTake() {
        return view.state() == TransportState.RECORDING && autoStartedTake;
    }

    @Override
    public void addListener(Consumer<TransportView> listener) {
        listeners.add(listener);
    }

    @Override
    public void addTempoListener(TempoListener listener) {
        tempoListeners.add(listener);
    }

    @Override
    public void addPassListener(PassListener listener) {
        passListeners.add(listener);
    }

    /** A tempo tapped (or nudged) on the front panel: kept, logged and given to the tempo listeners. */
    public void tapTempo(double bpm, String source) {
        tappedTempoBpm = bpm;
        Logger.info("tempo {} BPM tapped on the {}", String.format("%.1f", bpm), source);
        String song = lastSongId();
        for (TempoListener l : tempoListeners) {
            try {
                l.tempoTapped(bpm, song);
            } catch (RuntimeException e) {
                Logger.warn("the tapped tempo could not be applied: {}", e.getMessage());
            }
        }
    }

    /** The tempo tapped last in BPM, or NaN when none was tapped since the start. */
    public double tappedTempoBpm() {
        return tappedTempoBpm;
    }

    /** The song an {@link ControlEvent.OverdubToggle} records over, or null when none was used yet. */
    public synchronized String lastSongId() {
        return lastSongId;
    }

    @Override
    public void send(ControlEvent event) {
        submit(event);
    }

    @Override
    public synchronized String submit(ControlEvent event) {
        TransportState s = view.state();
        // An instanceof chain, not a pattern switch: a switch's first use bootstraps for tens of
        // milliseconds, and the first press after boot must be as quick as any other.
        if (event instanceof ControlEvent.Record r) {
            if (s == TransportState.IDLE || s == TransportState.WAITING) return start(r.source(), r.pressedNanos());
            return ignore(event, "a take runs or the transport is " + s.wireName());
        } else if (event instanceof ControlEvent.Toggle t) {
            if (s == TransportState.IDLE || s == TransportState.WAITING) return start(t.source(), t.pressedNanos());
            if (s == TransportState.RECORDING) return stop(t.source(), "toggle");
            if (s == TransportState.OVERDUBBING) return stopPass(t.source(), "toggle");
            return ignore(event, "the transport is " + s.wireName());
        } else if (event instanceof ControlEvent.Stop st) {
            if (s == TransportState.RECORDING) return stop(st.source(), "stop");
            if (s == TransportState.OVERDUBBING) return stopPass(st.source(), "stop");
            return ignore(event, "no take or pass is recording");
        } else if (event instanceof ControlEvent.Marker m) {
            if (s != TransportState.RECORDING) return ignore(event, "no take is recording");
            String label = m.label() == null || m.label().isBlank() ? "marker (" + m.source() + ")" : m.label();
            if (!recorder.addMarker(label, m.source())) return ignore(event, "the engine has no take running");
            Logger.info("marker '{}' from {}", label, m.source());
            return null;
        } else if (event instanceof ControlEvent.AutoRecord a) {
            return arm(a);
        } else if (event instanceof ControlEvent.Reset r) {
            if (s != TransportState.ERROR) return ignore(event, "there is no error to leave");
            String still = errorCause();
            if (still != null) return ignore(event, still);
            move(restState(), r.source(), "reset", null);
            return null;
        } else if (event instanceof ControlEvent.UseSong u) {
            lastSongId = u.songId();
            return null;
        } else if (event instanceof ControlEvent.Overdub o) {
            if (s != TransportState.IDLE && s != TransportState.WAITING) return ignore(event, busy(s));
            return startPass(o.source(), o.songId(), o.inputs(), o.lanes(), o.punch(), o.cue());
        } else if (event instanceof ControlEvent.OverdubToggle o) {
            if (s == TransportState.OVERDUBBING) return stopPass(o.source(), "overdub button");
            if (s != TransportState.IDLE && s != TransportState.WAITING) return ignore(event, busy(s));
            return startPass(o.source(), null, List.of(), List.of(), null, PassRecorder.Cue.NONE);
        } else if (event instanceof ControlEvent.Calibrate c) {
            if (s != TransportState.IDLE && s != TransportState.WAITING) return ignore(event, busy(s));
            return startCalibration(c);
        }
        return ignore(event, "an event this transport does not know");
    }

    private static String busy(TransportState s) {
        return switch (s) {
            case OVERDUBBING -> "a pass is being recorded: stop it first";
            case RECORDING -> "a take is being recorded: stop it first";
            case CALIBRATING -> "the interface is being calibrated: wait a few seconds until it has finished";
            default -> "the transport is " + s.wireName();
        };
    }

    /**
     * Leaves the error state by itself once its cause is gone (the device is back and the disk has
     * room); called about once a second by the control loop.
     */
    public synchronized void checkErrorCleared() {
        if (view.state() == TransportState.ERROR && errorCause() == null) {
            move(restState(), "transport", "the cause of the error is gone", null);
        }
    }

    private String start(String source, long pressedNanos) {
        List<Integer> armed = arming.armedInputs();
        if (armed.isEmpty()) {
            Logger.info("transport ignored a start from {}: no input is armed", source);
            return "no input is armed";
        }
        List<Integer> tracks = armed.size() == arming.inputs() ? List.of() : armed;
        try {
            TakeRef take = recorder.startTake(new TakeRequest("", tracks, arming.names(armed), source, pressedNanos));
            autoStartedTake = AUTO_RECORD.equals(source);
            move(TransportState.RECORDING, source, "take " + take.id(), take);
        } catch (EngineException e) {
            move(TransportState.ERROR, source, e.getMessage(), null);
        }
        return null;
    }

    private String stop(String source, String why) {
        TakeRef take = view.take();
        move(TransportState.STOPPING, source, why, take);
        worker.execute(() -> finishStop(source, take));
        return null;
    }

    /**
     * Starts a pass over {@code songId} (null: the song used last) with {@code inputs} (empty: the
     * armed ones); a refusal leaves the state as it was and returns why.
     */
    private String startPass(String source, String songId, List<Integer> inputs, List<String> lanes, PassRecorder.Punch punch,
                             PassRecorder.Cue cue) {
        String song = songId != null ? songId : lastSongId;
        if (song == null) return ignore(new ControlEvent.OverdubToggle(source), "no song has been used yet: open one on the panel's Song page");
        List<Integer> armed = inputs.isEmpty() ? arming.armedInputs() : inputs;
        if (armed.isEmpty()) return ignore(new ControlEvent.OverdubToggle(source), "no input is armed");
        long generation = ++passGeneration;
        try {
            passes.start(new PassRecorder.Request(song, armed, lanes, punch, cue, source), problem -> passEnded(generation, source, song, problem));
        } catch (EngineException e) {
            return ignore(new ControlEvent.Overdub(source, song, armed, lanes, punch, cue), e.getMessage());
        }
        lastSongId = song;
        move(TransportState.OVERDUBBING, source, "pass over song " + song, null);
        return null;
    }

    /** Starts a calibration; a refusal leaves the state as it was and returns why. */
    private String startCalibration(ControlEvent.Calibrate c) {
        long generation = ++passGeneration;
        try {
            passes.calibrate(c.output(), c.input(), problem -> calibrationEnded(generation, c.source(), problem));
        } catch (EngineException e) {
            return ignore(c, e.getMessage());
        }
        move(TransportState.CALIBRATING, c.source(), "measuring the round trip from output " + c.output() + " to input " + c.input(), null);
        return null;
    }

    /** On the calibration's thread: the round trip is stored (the recorder's device open again), or it failed. */
    private synchronized void calibrationEnded(long generation, String source, String problem) {
        if (generation != passGeneration || view.state() != TransportState.CALIBRATING) return;
        PassRecorder.Calibration now = passes.calibration();
        String done = now == null ? "calibrated" : "calibrated: round trip " + now.roundTripFrames() + " frames, spread " + now.spreadFrames();
        move(restState(), source, problem == null ? done : "the calibration failed: " + problem, null);
    }

    @Override
    public PassRecorder.Calibration calibration() {
        return passes.calibration();
    }

    private String stopPass(String source, String why) {
        move(TransportState.STOPPING, source, why + ": ending the pass", null);
        passes.stop();
        return null;
    }

    /** On the pass's thread: the pass is over (its files final, the song names it), or failed. */
    private synchronized void passEnded(long generation, String source, String song, String problem) {
        if (generation != passGeneration) return;
        TransportState s = view.state();
        if (s != TransportState.OVERDUBBING && s != TransportState.STOPPING) return;
        move(restState(), source, problem == null ? "pass over song " + song + " recorded" : "the pass over song " + song + " failed: " + problem, null);
        if (problem != null) return;
        for (PassListener l : passListeners) {
            try {
                l.passRecorded(song);
            } catch (RuntimeException e) {
                Logger.warn("after the pass over song {}: {}", song, e.getMessage());
            }
        }
    }

    /** On the transport thread: finalize the files, then rest. */
    private void finishStop(String source, TakeRef take) {
        try {
            recorder.stopTake();
            synchronized (this) {
                if (view.state() == TransportState.STOPPING) move(restState(), source, "take " + take.id() + " finalized", null);
            }
        } catch (EngineException e) {
            synchronized (this) {
                if (view.state() == TransportState.STOPPING) move(TransportState.ERROR, source, e.getMessage(), null);
            }
        }
    }

    private String arm(ControlEvent.AutoRecord a) {
        if (a.armed() == autoArmed) return ignore(a, "auto-record is already " + (autoArmed ? "armed" : "disarmed"));
        autoArmed = a.armed();
        TransportState s = view.state();
        String cause = autoArmed ? "auto-record armed" : "auto-record disarmed";
        if (s == TransportState.IDLE && autoArmed) move(TransportState.WAITING, a.source(), cause, null);
        else if (s == TransportState.WAITING && !autoArmed) move(TransportState.IDLE, a.source(), cause, null);
        else Logger.info("transport stays {}: {} by {}, effective when the transport rests", s.wireName(), cause, a.source());
        return null;
    }

    private TransportState restState() {
        return autoArmed ? TransportState.WAITING : TransportState.IDLE;
    }

    /** Why the error state must stay, or null when its cause is gone. */
    private String errorCause() {
        RecorderStatus st = recorder.status();
        if (!st.running()) return "the engine is not running" + (st.lastError().isEmpty() ? "" : ": " + st.lastError());
        if (!st.devicePresent()) return "the audio device " + st.device() + " is still missing";
        if (st.freeDiskSeconds() < minFreeSeconds) {
            return "the library's free space holds " + st.freeDiskSeconds() / 60 + " minutes, below the minimum of " + minFreeSeconds / 60;
        }
        return null;
    }

    private void move(TransportState to, String source, String cause, TakeRef take) {
        TransportState from = view.state();
        view = new TransportView(to, cause, take, System.currentTimeMillis());
        Logger.info("transport {} -> {} by {}: {}", from.wireName(), to.wireName(), source, cause);
        for (Consumer<TransportView> l : listeners) {
            try {
                l.accept(view);
            } catch (RuntimeException e) {
                Logger.error(e, "a transport listener failed");
            }
        }
    }

    private String ignore(ControlEvent event, String why) {
        Logger.info("transport ignored {} from {} in state {}: {}", event.getClass().getSimpleName(), event.source(),
                view.state().wireName(), why);
        return why;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Engine callbacks, handed to the transport thread. */
    private final class EngineEvents implements RecorderListener {
        @Override
        public void takeEnded(TakeRef take, EndReason reason, String detail) {
            if (!reason.fault()) return; // our own stop, or one we will hear about from stopTake
            worker.execute(() -> {
                synchronized (TransportControl.this) {
                    TransportState s = view.state();
                    if (s == TransportState.RECORDING || s == TransportState.STOPPING) {
                        String why = detail == null || detail.isBlank() ? "take " + take.id() + " ended: " + reason : detail;
                        move(TransportState.ERROR, "engine", why, null);
                    }
                }
            });
        }

        @Override
        public void deviceChanged(boolean present) {
            worker.execute(() -> {
                synchronized (TransportControl.this) {
                    TransportState s = view.state();
                    if (!present && (s == TransportState.IDLE || s == TransportState.WAITING)) {
                        move(TransportState.ERROR, "engine", "the audio device disappeared", null);
                    } else if (present && s == TransportState.ERROR && errorCause() == null) {
                        move(restState(), "engine", "the audio device is back", null);
                    }
                }
            });
        }
    }
}
