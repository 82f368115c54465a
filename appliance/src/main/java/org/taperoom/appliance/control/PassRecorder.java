package org.taperoom.appliance.control;

import java.util.List;
import java.util.function.Consumer;
import org.taperoom.appliance.recording.engine.EngineException;

/**
 * Records a pass over a song while the song plays (an overdub): what the transport calls when a
 * button or the panel asks for one. Control knows no songs; the shell supplies the song side and
 * frees the interface for the pass (the recorder's device is closed while it runs and opened
 * again after).
 *
 * <p>Threading: the transport calls {@link #start} and {@link #stop} under its lock; {@code ended}
 * runs once, on the pass's own thread, after the pass's files are final and the song names it.
 */
public interface PassRecorder {
    /**
     * A pass asked for.
     *
     * @param songId the song's id
     * @param inputs the armed inputs, 1-based, at least one
     * @param lanes  a lane name per input, or empty for the default names
     * @param punch  where the pass records in the song, or null for from the start until stopped
     * @param cue    the click and count-in heard on the monitor outputs, never recorded
     * @param source who asked (the transport event's source): a student's pass is that student's
     *               take ({@code student:<id>}); any other ("" included) records as an overdub
     */
    record Request(String songId, List<Integer> inputs, List<String> lanes, Punch punch, Cue cue, String source) {
        public Request {
            inputs = List.copyOf(inputs);
            lanes = List.copyOf(lanes);
            if (cue == null) cue = Cue.NONE;
            source = source == null ? "" : source;
        }

        public Request(String songId, List<Integer> inputs, List<String> lanes, Punch punch, Cue cue) {
            this(songId, inputs, lanes, punch, cue, "");
        }

        public Request(String songId, List<Integer> inputs, List<String> lanes, Punch punch, String source) {
            this(songId, inputs, lanes, punch, Cue.NONE, source);
        }

        public Request(String songId, List<Integer> inputs, List<String> lanes, Punch punch) {
            this(songId, inputs, lanes, punch, Cue.NONE, "");
        }

        public Request(String songId, List<Integer> inputs, List<String> lanes) {
            this(songId, inputs, lanes, null, Cue.NONE, "");
        }
    }

    /**
     * The click from the song's tempo and time signature ({@code click}) and a count-in of
     * {@code countInBars} bars before the first recorded frame, the accent at
     * {@code clickLevelDb} dBFS in the sound named {@code clickSound} (beep, wood, stick); checked
     * by the pass recorder.
     */
    record Cue(boolean click, int countInBars, double clickLevelDb, String clickSound) {
        public static final Cue NONE = new Cue(false, 0);

        /** At the metronome's default level (-12 dBFS) and sound (beep). */
        public Cue(boolean click, int countInBars) {
            this(click, countInBars, -12, "beep");
        }
    }

    /**
     * A punched pass: the song plays from {@code fromSeconds} (a pre-roll heard, not recorded) and
     * the pass holds exactly [{@code inSeconds}, {@code outSeconds}) of the song; with
     * {@code loopCycles} > 0 that region plays that many times without a gap, each cycle a pass of
     * its own (the last one heard). Song seconds; checked by the pass recorder.
     */
    record Punch(double fromSeconds, double inSeconds, double outSeconds, int loopCycles) {}

    /**
     * Checks the request and starts the pass; returns once it runs. Refused with one line naming
     * what is wrong (no such song, a song at another rate, nothing to play along to).
     *
     * @param ended called once when the pass is over: null when it was recorded, else why not
     */
    void start(Request request, Consumer<String> ended) throws EngineException;

    /** Asks the running pass to end (what was recorded is kept); returns at once. */
    void stop();

    /**
     * What the round trip a pass is placed with stands on, for the interface's current device,
     * rate, period and buffer: a measurement stored for exactly these, or an estimate.
     *
     * @param calibrated      true when a calibration of these settings is stored
     * @param roundTripFrames the round trip a pass would use now (measured, or the estimate)
     * @param spreadFrames    how far the measurement's repeats disagreed (0 when uncalibrated)
     * @param source          where the figure comes from, for a person
     * @param running         a calibration is measuring now
     * @param lastProblem     why the last calibration failed, or null
     */
    record Calibration(String device, int rateHz, int periodFrames, int bufferPeriods, boolean calibrated, long roundTripFrames,
                       long spreadFrames, String source, boolean running, String lastProblem) {}

    /**
     * Measures the interface's round trip from output {@code output} to input {@code input}
     * (1-based) through a loopback and stores it for its current settings, as
     * {@code taperoom calibrate} does; the recorder's device is closed meanwhile. Returns once
     * the measurement runs; {@code ended} runs once on its thread: null when it was stored, else
     * why not. Refused with one line (no such output or input, not available here).
     */
    default void calibrate(int output, int input, Consumer<String> ended) throws EngineException {
        throw new EngineException("calibration is not available here");
    }

    /** The round trip passes are placed with now, and whether a calibration runs; null where there is none. */
    default Calibration calibration() {
        return null;
    }

    /** One that refuses every pass with {@code reason}: an appliance without songs. */
    static PassRecorder unavailable(String reason) {
        return new PassRecorder() {
            @Override
            public void start(Request request, Consumer<String> ended) throws EngineException {
                throw new EngineException(reason);
            }

            @Override
            public void stop() {
                // nothing runs
            }
        };
    }
}
