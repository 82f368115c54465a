package org.taperoom.drivers.sim;

import java.util.concurrent.locks.LockSupport;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * A playback stream of the simulated interface: a sink that consumes periods, paced or not, and
 * shows each one to the interface's {@link SimOutputs}, if any, as it was written.
 */
public final class SimPlaybackStream implements PlaybackStream {
    private final StreamConfig config;
    private final boolean paced;
    /** Set when the stream opens; called on the playback thread. */
    private final SimOutputs outputs;
    private long startNanos;
    private long periodsWritten;

    /** Frames between a write and its arrival at the looped inputs: the loopback's, or 0. */
    private final long delayFrames;

    SimPlaybackStream(StreamConfig config, boolean paced, SimOutputs outputs, long delayFrames) {
        this.delayFrames = delayFrames;
        this.config = config;
        this.paced = paced;
        this.outputs = outputs;
    }

    @Override
    public StreamConfig config() {
        return config;
    }

    @Override
    public void start() {
        startNanos = System.nanoTime();
    }

    @Override
    public ReadStatus writePeriod(int[] src) {
        if (outputs != null) outputs.intPeriod(periodsWritten * config.periodFrames(), src, config.periodFrames(), config.channels());
        return pace();
    }

    @Override
    public ReadStatus writePeriod(float[] src) {
        if (outputs != null) outputs.floatPeriod(periodsWritten * config.periodFrames(), src, config.periodFrames(), config.channels());
        return pace();
    }

    /**
     * Paced, the device plays period k from {@code start + (k + bufferPeriods - 1)} periods on, and
     * a write returns when the period before it has been played: a period written after its own
     * playing time is an underrun, recovered by restarting the clock from now (what ALSA's
     * recovery does to a real device). Unpaced, nothing is ever late.
     */
    private ReadStatus pace() {
        ReadStatus status = ReadStatus.OK;
        if (paced) {
            long period = config.periodNanos();
            long lateNanos = System.nanoTime() - (startNanos + (periodsWritten + config.bufferPeriods() - 1) * period);
            if (lateNanos > 0) {
                underruns++;
                startNanos += lateNanos;
                status = ReadStatus.OVERRUN_RECOVERED;
            }
            long due = startNanos + (periodsWritten + 1) * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        }
        periodsWritten++;
        return status;
    }

    /** Underruns so far; written by the playback thread. */
    private volatile long underruns;

    /** The simulated output path's delay: what the loopback holds back (its analogue path). */
    @Override
    public long delayFrames() {
        return delayFrames;
    }

    @Override
    public long underruns() {
        return underruns;
    }

    /** Runs when the stream closes; set by the backend before the stream is used. */
    private Runnable onClose = () -> { };

    void onClose(Runnable r) {
        onClose = r;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
