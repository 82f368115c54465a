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

    SimPlaybackStream(StreamConfig config, boolean paced, SimOutputs outputs) {
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

    private ReadStatus pace() {
        if (paced) {
            long due = startNanos + (periodsWritten + 1) * config.periodNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        }
        periodsWritten++;
        return ReadStatus.OK;
    }

    @Override
    public long underruns() {
        return 0;
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
