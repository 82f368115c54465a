package org.taperoom.drivers.sim;

import java.util.concurrent.locks.LockSupport;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * A capture stream of the simulated interface. Generates {@link SimSignal}s at the resolution of
 * the negotiated format, paced by the clock or as fast as it is read, with the faults of its
 * {@link SimOptions}. After {@link #start()}, {@link #readPeriod} allocates nothing: the sine
 * cycles are tabulated in {@link #start()}.
 */
public final class SimCaptureStream implements CaptureStream {
    private final StreamConfig config;
    private final SimOptions options;
    private final SimGains gains;
    private final int bits;
    private final SimSignal[] signalOf;
    /** Sine cycle per channel, unquantized; built in start(), read by the capture thread. */
    private double[][] sineCycle;
    /** Gains in effect for the current period; capture thread only. */
    private final float[] periodGain;

    /** Device frame of the next read; written by the capture thread, read by tests after it stopped. */
    private volatile long deviceFrame;
    private long overruns;
    /** Set by start() before the capture thread starts; read by deviceFrameAt on any thread afterwards. */
    private volatile long startNanos;
    private long periodsRead;
    private boolean overrunFired;
    /** Device frame at or after which the next injected overrun fires; capture thread only. */
    private long nextOverrunFrame;
    /** Set by close() from any thread; releases a read stuck in the hang fault. */
    private volatile boolean closed;

    /** The interface's loopback, or null; read by the capture thread. */
    private final SimLoopback loopback;
    /** The pair's shared start when opened as one half of a duplex pair, or null; see {@link SimLink}. */
    private volatile SimLink link;
    /** Capture thread: whether the clock has been set from the link's start. */
    private boolean linkedStartTaken;

    SimCaptureStream(StreamConfig config, SimOptions options, SimGains gains) {
        this(config, options, gains, null);
    }

    SimCaptureStream(StreamConfig config, SimOptions options, SimGains gains, SimLoopback loopback) {
        this.loopback = loopback;
        this.config = config;
        this.options = options;
        this.nextOverrunFrame = options.overrunAtFrame();
        this.gains = gains;
        this.bits = resolutionBits(config.format());
        this.signalOf = new SimSignal[config.channels()];
        for (int c = 0; c < signalOf.length; c++) signalOf[c] = options.signalOf(c);
        this.periodGain = new float[config.channels()];
    }

    /** Before start: this stream's frame 0 is the linked playback's start. */
    void link(SimLink l) {
        link = l;
    }

    /** Bits of resolution the simulator generates for a device format. */
    public static int resolutionBits(SampleFormat format) {
        return switch (format) {
            case S16_LE -> 16;
            case S32_LE -> 32;
            case S24_3LE, S24_LE, FLOAT_LE -> 24;
        };
    }

    @Override
    public StreamConfig config() {
        return config;
    }

    /** Bits of resolution of the samples this stream delivers (16, 24 or 32). */
    public int bits() {
        return bits;
    }

    @Override
    public int resolutionBits() {
        return bits;
    }

    /** Paced by its clock unless the options say {@code unpaced}. */
    @Override
    public boolean paced() {
        return options.paced();
    }

    public SimOptions options() {
        return options;
    }

    /** The device frame the next read starts at (frames lost to overruns included). */
    public long deviceFrame() {
        return deviceFrame;
    }

    /**
     * The paced device's own clock: the device frame being "captured" at System.nanoTime()
     * {@code nanos}, for tests that check when something happened in the audio. Any thread, after start.
     */
    public long deviceFrameAt(long nanos) {
        return Math.floorDiv((nanos - startNanos) * config.rateHz(), 1_000_000_000L);
    }

    @Override
    public void start() {
        sineCycle = new double[config.channels()][];
        for (int c = 0; c < config.channels(); c++) {
            if (signalOf[c] != SimSignal.SINE) continue;
            int n = SimSignal.sineCycleFrames(c, config.rateHz());
            double[] cycle = new double[n];
            for (int k = 0; k < n; k++) cycle[k] = SimSignal.sineAt(k, n);
            sineCycle[c] = cycle;
        }
        startNanos = System.nanoTime();
    }

    @Override
    public ReadStatus readPeriod(int[] dest) {
        if (!awaitLinkedStart()) return ReadStatus.GONE;
        long first = deviceFrame;
        if (options.vanishAtFrame() >= 0 && first >= options.vanishAtFrame()) return ReadStatus.GONE;
        if (options.hangAtFrame() >= 0 && first >= options.hangAtFrame()) {
            while (!closed) LockSupport.parkNanos(10_000_000L);
            return ReadStatus.GONE;
        }
        ReadStatus status = ReadStatus.OK;
        if (!overrunFired && options.overrunAtFrame() >= 0 && first >= nextOverrunFrame) {
            overrunFired = options.overrunEveryFrames() == 0;
            nextOverrunFrame = first + options.overrunFrames() + options.overrunEveryFrames();
            overruns++;
            first += options.overrunFrames();
            status = ReadStatus.OVERRUN_RECOVERED;
        }
        if (options.paced()) {
            long due = startNanos + (periodsRead + 1) * config.periodNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        }
        int channels = config.channels();
        int frames = config.periodFrames();
        for (int c = 0; c < channels; c++) periodGain[c] = gains.linear(c);
        for (int c = 0; c < channels; c++) {
            SimSignal s = signalOf[c];
            float g = periodGain[c];
            if (s == SimSignal.SINE) {
                double[] cycle = sineCycle[c];
                int len = cycle.length;
                int k = (int) (first % len);
                for (int f = 0; f < frames; f++) {
                    dest[f * channels + c] = SimSignal.quantize(cycle[k] * g, bits);
                    if (++k == len) k = 0;
                }
            } else {
                for (int f = 0; f < frames; f++) {
                    dest[f * channels + c] = SimSignal.sample(s, c, first + f, config.rateHz(), bits, options.seed(), g, options.toneHz());
                }
            }
        }
        if (loopback != null) loopback.overlay(first, dest, frames, channels, bits);
        deviceFrame = first + frames;
        periodsRead++;
        return status;
    }

    /**
     * Capture thread: linked, the first read waits for the pair's start (the playback's) and every
     * read counts frames from it; false when the stream closed meanwhile.
     */
    private boolean awaitLinkedStart() {
        SimLink l = link;
        if (l == null) return true;
        if (!linkedStartTaken) {
            while (!l.settled() && !closed) LockSupport.parkNanos(200_000L);
            if (closed) return false;
            linkedStartTaken = true;
        }
        // The pair's start moves when the playback restarts its clock after a late write.
        if (l.started()) startNanos = l.startNanos();
        return true;
    }

    @Override
    public long overruns() {
        return overruns;
    }

    /** The simulator knows exactly: {@code overrunFrames} of its options. */
    @Override
    public long lastOverrunLostFrames() {
        return options.overrunFrames();
    }

    /** A simulated input delivers each frame the moment it is read: nothing waits inside it. */
    @Override
    public long delayFrames() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
