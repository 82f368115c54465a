package org.taperoom.appliance.service;

import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.taperoom.appliance.control.PassRecorder;
import org.taperoom.appliance.playback.ClickSound;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.EngineSettings;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.song.Overdub;
import org.taperoom.appliance.song.PassCue;
import org.taperoom.appliance.song.RoundTrip;
import org.taperoom.appliance.song.RoundTrips;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;
import org.tinylog.Logger;

/**
 * Overdubs for the transport under {@code serve} and {@code demo}: a pass is {@link Overdub}, as
 * {@code taperoom overdub} records it, on the service engine's interface and settings. The pass
 * needs the interface for itself (its capture and its outputs start together, and an ALSA device
 * opens once), so the service engine closes its device for the pass and opens it again after;
 * meters and the pre-roll pause meanwhile.
 *
 * <p>Threading: {@link #start} and {@link #stop} run under the transport's lock; the pass runs on
 * its own thread ("overdub"), which reopens the engine and then calls {@code ended}.
 */
public final class SongPasses implements PassRecorder {
    /** The longest pass a press or the panel records; a stop ends it sooner. */
    public static final double MAX_PASS_SECONDS = 3600;

    private final RecordingEngine engine;
    /** The monitor routing the panel chose last; read when a pass starts. */
    private final MonitorChoice monitor;
    /** The round-trip calibration on the same interface; the transport never runs it beside a pass. */
    private final DeviceCalibration calibration;
    /** The pass running, or null; guarded by this. */
    private Overdub running;

    public SongPasses(RecordingEngine engine) {
        this(engine, new MonitorChoice(MonitorRouting.OFF));
    }

    /** @param monitor the monitor pair and the live inputs heard with the song during a pass (the panel may change it) */
    public SongPasses(RecordingEngine engine, MonitorChoice monitor) {
        this.engine = engine;
        this.monitor = monitor;
        this.calibration = new DeviceCalibration(engine);
    }

    @Override
    public synchronized void start(Request request, Consumer<String> ended) throws EngineException {
        if (running != null) throw new EngineException("a pass is being recorded: stop it first");
        if (engine.status().take() != null) throw new EngineException("a take is being recorded: stop it first");
        EngineSettings settings = engine.settings();
        SongLibrary songs = new SongLibrary(settings.library());
        try {
            Song song = songs.load(request.songId());
            if (song.rateHz() != settings.rateHz()) {
                throw new EngineException("song " + song.id() + " is at " + song.rateHz() + " Hz but the interface records at "
                        + settings.rateHz() + " Hz; set the rate to " + song.rateHz() + " Hz in Settings to record over it");
            }
            SongArrangement.of(song, songs.library());
        } catch (SongException | NoSuchElementException | IOException e) {
            throw new EngineException(e.getMessage());
        }
        for (int input : request.inputs()) {
            if (input < 1 || input > settings.channels()) {
                throw new EngineException("input " + input + " does not exist; the interface has inputs 1 to " + settings.channels());
            }
        }
        Overdub.Request pass = request(request, settings.rateHz());
        RoundTrip roundTrip = RoundTrips.forDevice(songs.library(), settings.device(), settings.rateHz(), settings.periodFrames(),
                settings.bufferPeriods());
        Overdub overdub = new Overdub(songs, settings, engine.backend(), Overdub.clockless(settings.device()), monitor.get());
        engine.close();
        running = overdub;
        Thread t = new Thread(() -> record(overdub, pass, roundTrip, ended), "overdub");
        t.setDaemon(true);
        t.start();
    }

    /** On the pass's thread. */
    private void record(Overdub overdub, Overdub.Request request, RoundTrip roundTrip, Consumer<String> ended) {
        String problem = null;
        try {
            Overdub.Result r = overdub.record(request, roundTrip);
            Logger.info("pass {} over song {} placed at song frame {} (round trip {} frames, {}; {} cycle(s))", r.take().id(),
                    request.songId(), r.offsetFrames(), roundTrip.frames(), roundTrip.source(), r.cycles().size());
            for (String w : r.warnings()) Logger.warn("pass {}: {}", r.take().id(), w);
        } catch (Exception e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Logger.warn("the pass over song {} failed: {}", request.songId(), problem);
        } finally {
            try {
                engine.startOrAwaitDevice();
            } catch (EngineException e) {
                Logger.error("the engine did not start again after the pass: {}", e.getMessage());
                if (problem == null) problem = "the recorder did not start again: " + e.getMessage();
            }
            synchronized (this) {
                running = null;
            }
        }
        ended.accept(problem);
    }

    /**
     * The overdub's request: a plain pass runs until stopped (at most an hour); a punch in song
     * frames. The pass's take names whoever asked as its source, as a take started by the same
     * event would (a student's pass is the student's take); a request without one is an overdub's.
     */
    private static Overdub.Request request(Request r, int rateHz) throws EngineException {
        PassCue cue;
        try {
            cue = new PassCue(r.cue().click(), r.cue().countInBars(), r.cue().clickLevelDb(), ClickSound.parse(r.cue().clickSound()));
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage());
        }
        Punch p = r.punch();
        String source = r.source().isEmpty() ? Overdub.Request.OVERDUB_SOURCE : r.source();
        if (p == null) return new Overdub.Request(r.songId(), r.inputs(), r.lanes(), MAX_PASS_SECONDS, 0, -1, -1, 0, cue, source);
        if (!(p.outSeconds() > p.inSeconds())) {
            throw new EngineException("punch-out (" + p.outSeconds() + " s) must come after punch-in (" + p.inSeconds() + " s)");
        }
        if (p.fromSeconds() > p.inSeconds()) {
            throw new EngineException("the song must start playing at or before punch-in (from " + p.fromSeconds() + " s, punch-in " + p.inSeconds() + " s)");
        }
        return new Overdub.Request(r.songId(), r.inputs(), r.lanes(), p.outSeconds() - p.fromSeconds(), p.fromSeconds(),
                Math.round(p.inSeconds() * rateHz), Math.round(p.outSeconds() * rateHz), p.loopCycles(), cue, source);
    }

    @Override
    public synchronized void stop() {
        if (running != null) running.stop();
    }

    @Override
    public synchronized void calibrate(int output, int input, Consumer<String> ended) throws EngineException {
        if (running != null) throw new EngineException("a pass is being recorded: stop it first");
        calibration.start(output, input, ended);
    }

    @Override
    public PassRecorder.Calibration calibration() {
        return calibration.view();
    }
}
