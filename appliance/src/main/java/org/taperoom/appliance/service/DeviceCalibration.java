package org.taperoom.appliance.service;

import java.util.function.Consumer;
import org.taperoom.appliance.control.PassRecorder;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.EngineSettings;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.song.Calibrations;
import org.taperoom.appliance.song.LatencyProbe;
import org.taperoom.appliance.song.RoundTrip;
import org.taperoom.appliance.song.RoundTrips;
import org.tinylog.Logger;

/**
 * The round-trip calibration under {@code serve} and {@code demo}, as {@code taperoom calibrate}
 * runs it, on the service engine's interface and settings: the engine closes its device, the
 * probe plays its test signal and captures it back ({@link LatencyProbe}), the result is stored
 * for this device, rate, period and buffer ({@link Calibrations}, where the next pass finds it),
 * and the engine opens its device again. The transport lets it start only when nothing records.
 *
 * <p>Threading: {@link #start} runs under the transport's lock; the measurement runs on its own
 * thread ("calibrate"), which reopens the engine and then calls {@code ended}.
 */
final class DeviceCalibration {
    /** Measurements per calibration; the spread says how far they disagree. */
    private static final int REPEATS = 5;

    private final RecordingEngine engine;
    /** Written by {@link #start} and the measuring thread, read by any thread. */
    private volatile boolean running;
    /** Why the last calibration failed, or null; written by the measuring thread, read by any. */
    private volatile String lastProblem;

    DeviceCalibration(RecordingEngine engine) {
        this.engine = engine;
    }

    synchronized void start(int output, int input, Consumer<String> ended) throws EngineException {
        if (running) throw new EngineException("a calibration is running: wait until it has finished");
        if (engine.status().take() != null) throw new EngineException("a take is being recorded: stop it first");
        EngineSettings s = engine.settings();
        if (input < 1 || input > s.channels()) throw new EngineException("input " + input + " does not exist; the interface has inputs 1 to " + s.channels());
        if (output < 1 || output > 64) throw new EngineException("output " + output + " does not exist; outputs are numbered from 1");
        engine.close();
        running = true;
        lastProblem = null;
        Thread t = new Thread(() -> measure(s, output, input, ended), "calibrate");
        t.setDaemon(true);
        t.start();
    }

    /** On the measuring thread. */
    private void measure(EngineSettings s, int output, int input, Consumer<String> ended) {
        String problem = null;
        try {
            LatencyProbe.Measurement m = LatencyProbe.measure(engine.backend(), s.device(), s.rateHz(), s.periodFrames(), s.bufferPeriods(),
                    output, input, s.channels(), REPEATS,
                    LatencyProbe.searchWindowFrames(s.rateHz(), s.periodFrames(), s.bufferPeriods()));
            new Calibrations(s.library()).store(s.device(), s.rateHz(), s.periodFrames(), s.bufferPeriods(), m);
            Logger.info("calibrated {} at {} Hz, period {} x {}: round trip {} frames, spread {} (output {} to input {})", s.device(), s.rateHz(),
                    s.periodFrames(), s.bufferPeriods(), m.roundTripFrames(), m.spreadFrames(), output, input);
        } catch (Exception e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Logger.warn("the calibration of {} failed: {}", s.device(), problem);
        } finally {
            try {
                engine.startOrAwaitDevice();
            } catch (EngineException e) {
                Logger.error("the engine did not start again after the calibration: {}", e.getMessage());
                if (problem == null) problem = "the recorder did not start again: " + e.getMessage();
            }
            lastProblem = problem;
            running = false;
        }
        ended.accept(problem);
    }

    /** The round trip a pass would be placed with now, for the engine's current settings. */
    PassRecorder.Calibration view() {
        EngineSettings s = engine.settings();
        RoundTrip r = RoundTrips.forDevice(s.library(), s.device(), s.rateHz(), s.periodFrames(), s.bufferPeriods());
        long spread = new Calibrations(s.library()).spreadFrames(s.device(), s.rateHz(), s.periodFrames(), s.bufferPeriods());
        return new PassRecorder.Calibration(s.device(), s.rateHz(), s.periodFrames(), s.bufferPeriods(), r.measured(), r.frames(),
                r.measured() ? spread : 0, r.source(), running, lastProblem);
    }
}
