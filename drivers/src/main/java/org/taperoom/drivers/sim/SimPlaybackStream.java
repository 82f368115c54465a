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
    /** Playback thread only: frames played as silence in underruns, in all and in the last. */
    private long lostFrames;
    private long lastUnderrunLostFrames = -1;
    /** A test's underrun: before the period at this device frame the device runs dry for injectFrames; -1 for none. */
    private long injectAtFrame;
    private final long injectFrames;
    private final float[] silence;

    /** Frames between a write and its arrival at the looped inputs: the loopback's, or 0. */
    private final long delayFrames;

    SimPlaybackStream(StreamConfig config, boolean paced, SimOutputs outputs, long delayFrames, long underrunAtFrame, long underrunFrames) {
        this.injectAtFrame = underrunAtFrame;
        this.injectFrames = underrunFrames;
        this.silence = new float[config.periodFrames() * config.channels()];
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
        SimLink l = link;
        if (l != null) l.playbackStarted(startNanos);
    }

    /** The duplex pair's shared start, or null; set before start. */
    private SimLink link;

    void link(SimLink l) {
        link = l;
    }

    @Override
    public ReadStatus writePeriod(int[] src) {
        ReadStatus status = underrunBefore();
        if (outputs != null) outputs.intPeriod(deviceFrame(), src, config.periodFrames(), config.channels());
        pace();
        return status;
    }

    @Override
    public ReadStatus writePeriod(float[] src) {
        ReadStatus status = underrunBefore();
        if (outputs != null) outputs.floatPeriod(deviceFrame(), src, config.periodFrames(), config.channels());
        pace();
        return status;
    }

    /** The device frame the next period is played at: the periods written plus the silence of underruns. */
    private long deviceFrame() {
        return periodsWritten * config.periodFrames() + lostFrames;
    }

    /**
     * Whether the device ran dry before this period. Paced, a period written after its own
     * playing time is an underrun, recovered by restarting the clock from now; the simulator's
     * frame counters do not move for it (0 frames lost: its outputs and loopback stay gapless).
     * Where a test injected one, the device played silence for the frames injected (its outputs
     * and loopback get it) and everything from this period on is heard that much later, as on
     * a real device whose write came late.
     */
    private ReadStatus underrunBefore() {
        boolean late = false;
        if (paced) {
            long period = config.periodNanos();
            long lateNanos = System.nanoTime() - (startNanos + (periodsWritten + config.bufferPeriods() - 1) * period);
            if (lateNanos > 0) {
                startNanos += lateNanos;
                if (link != null) link.shift(lateNanos);
                late = true;
            }
        }
        long lost = 0;
        if (injectAtFrame >= 0 && deviceFrame() >= injectAtFrame) {
            injectAtFrame = -1;
            lost = injectFrames;
        }
        if (!late && lost == 0) return ReadStatus.OK;
        for (long done = 0; done < lost && outputs != null; ) {
            int n = (int) Math.min(config.periodFrames(), lost - done);
            outputs.floatPeriod(deviceFrame() + done, silence, n, config.channels());
            done += n;
        }
        lostFrames += lost;
        lastUnderrunLostFrames = lost;
        underruns++;
        return ReadStatus.OVERRUN_RECOVERED;
    }

    /** Paced, a write returns when the period before it has been played. Unpaced, at once. */
    private void pace() {
        if (paced) {
            long due = startNanos + (periodsWritten + 1) * config.periodNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        }
        periodsWritten++;
    }

    /** A write returns once the period before it is played: the next one is heard at once. */
    @Override
    public long writeAheadFrames() {
        return 0;
    }

    @Override
    public long lastUnderrunLostFrames() {
        return lastUnderrunLostFrames;
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
        SimLink l = link;
        if (l != null) l.playbackClosed();
        onClose.run();
    }
}
