package org.taperoom.appliance.tuner;

import org.taperoom.appliance.dsp.pitch.NoteReading;
import org.taperoom.appliance.recording.engine.Recorder;

/**
 * The tuner of a running service: listens to one input of the recorder through a tap of its
 * ring (beside always-on capture's, see {@code TapFanOut}), on its own thread, while the service
 * records or monitors. Thread-safe: start, stop and the reading are for any thread. A device
 * reopened at another rate is followed; one reopened without the input stops the tuner, which
 * then says why ({@link #problem()}).
 */
public final class LiveTuner implements AutoCloseable {
    /** Samples the tuner's tap holds: over a second at 48 kHz, so a busy tuner thread drops nothing. */
    private static final int TAP_SAMPLES = 1 << 16;

    /** A reading of {@code input} (1-based) at reference {@code a4Hz}, taken at {@code atNanos} (System.nanoTime). */
    public record Reading(NoteReading note, int input, double a4Hz, long atNanos) {}

    /** Receives each reading on the tuner thread; keep it short. */
    public interface Listener {
        void onReading(Reading reading);
    }

    private final Recorder recorder;
    private final Listener listener;
    private TunerTap tap;
    private Tuner tuner;
    private int input;
    private double a4Hz;
    /** The newest reading since the last start, or null; written by the tuner thread, read by any. */
    private volatile Reading latest;
    /**
     * Why the tuner stopped by itself (its input is gone), or null; written by the tuner thread
     * (which then ends) and by start, read by any thread.
     */
    private volatile String problem;

    public LiveTuner(Recorder recorder, Listener listener) {
        this.recorder = recorder;
        this.listener = listener;
    }

    /**
     * Listens to {@code input} (1-based) at reference {@code a4Hz}; a tuner already on moves to them.
     *
     * @throws IllegalArgumentException the input is not one of the recorder's, or A4 is outside 415–466 Hz,
     *                                  or the recorder is not running
     */
    public synchronized void start(int input, double a4Hz) {
        var status = recorder.status();
        if (!status.running()) throw new IllegalArgumentException("the recorder is not running, so there is no input to tune");
        if (input < 1 || input > status.channels()) {
            throw new IllegalArgumentException("input " + input + " is not one of the interface's (1 to " + status.channels() + ")");
        }
        if (!(a4Hz >= NoteReading.MIN_A4_HZ && a4Hz <= NoteReading.MAX_A4_HZ)) {
            throw new IllegalArgumentException("A4 must be " + (int) NoteReading.MIN_A4_HZ + " to " + (int) NoteReading.MAX_A4_HZ + " Hz, not " + a4Hz);
        }
        stop();
        TunerTap t = new TunerTap(input - 1, TAP_SAMPLES);
        // The rate is asked again after each gap: a device reopened at another rate is followed.
        Tuner u = new Tuner(t, () -> recorder.status().rateHz(), a4Hz, new Tuner.Listener() {
            @Override
            public void onReading(NoteReading r, long endSample) {
                Reading reading = new Reading(r, input, a4Hz, System.nanoTime());
                latest = reading;
                listener.onReading(reading);
            }

            @Override
            public void onInputGone() {
                // On the tuner thread, which ends after this: no lock of ours (stop() joins this thread under it).
                int channels = recorder.status().channels();
                problem = "input " + input + " is gone: the interface now has " + channels + (channels == 1 ? " input" : " inputs");
                latest = null;
                recorder.removeRingTap(t);
            }
        });
        problem = null;
        if (!recorder.addRingTap(t)) throw new IllegalArgumentException("this recorder offers no input to tune");
        u.start();
        tap = t;
        tuner = u;
        this.input = input;
        this.a4Hz = a4Hz;
    }

    /** Stops listening (nothing when off), and forgets why it stopped by itself. */
    public synchronized void stop() {
        if (tuner == null) return;
        recorder.removeRingTap(tap);
        try {
            tuner.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tuner = null;
        tap = null;
        latest = null;
        problem = null;
    }

    /** Whether the tuner listens: started, not stopped, and its input still there. */
    public synchronized boolean on() {
        return tuner != null && problem == null;
    }

    /** Why the tuner stopped by itself (its input is gone after the device was reopened), or null. */
    public String problem() {
        return problem;
    }

    /** The input listened to (1-based), or 0 when off. */
    public synchronized int input() {
        return tuner == null ? 0 : input;
    }

    public synchronized double a4Hz() {
        return tuner == null ? 440 : a4Hz;
    }

    /** The newest reading since the tuner started, or null. */
    public Reading latest() {
        return latest;
    }

    @Override
    public void close() {
        stop();
    }
}
