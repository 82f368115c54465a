package org.taperoom.appliance.playback;

import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;

/**
 * The output when no take plays there: a thread that owns the playback stream and writes one
 * period at a time of the metronome's {@link ClickSource} (frame 0 of the click is the stream's
 * first frame; a new source starts on its accent at the next period) and, when set, of the live
 * monitor ({@link #monitor}: the inputs from the capture ring on the monitor pair), and copies
 * each period into the browser stream's tap, as the playback thread does. Either may be absent.
 * Same real-time contract as the playback thread: after {@link #start()} it never allocates,
 * locks, logs or touches a file.
 */
public final class Metronome implements AutoCloseable {
    private final PlaybackStream stream;
    private final int periodFrames;
    private final int channels;
    private final float[] period;
    private final Thread thread;
    /** The click to play; written by any thread, read by the metronome thread each period. */
    private volatile ClickSource click;
    /** Set by close() on any thread, read by the metronome thread once per period. */
    private volatile boolean running = true;
    /** Periods written; written by the metronome thread. */
    private volatile long periods;
    /** Device underruns recovered; written by the metronome thread. */
    private volatile long underruns;
    /** Written by the metronome thread. */
    private volatile boolean deviceGone;
    /** The live monitor, or null; written by any thread, read by the metronome thread each period. */
    private volatile MonitorTap monitor;
    /**
     * Added to the stream's frame to give the frame {@link #monitor} mixes at: set by the
     * metronome thread when it first sees a tap (the capture ring and this stream count from
     * different starts), read by it only.
     */
    private long monitorShiftFrames;
    /** Periods since the thread last met the capture; metronome thread only. */
    private int meetingPeriods;
    /** Periods after a meeting in which a later capture position still moves it. */
    private static final int MEETING_PERIODS = 8;
    /** The browser stream's tap, or null; set before {@link #start()}, read by the metronome thread. */
    private volatile OutputTap tap;

    /** A metronome playing {@code click} (null: silence until {@link #change}) on {@code stream} (opened at the click's rate, not started). */
    public Metronome(PlaybackStream stream, ClickSource click) {
        if (click != null && stream.config().rateHz() != click.rateHz()) {
            throw new IllegalArgumentException("the click is at " + click.rateHz() + " Hz but the output runs at " + stream.config().rateHz() + " Hz");
        }
        this.stream = stream;
        this.click = click;
        this.periodFrames = stream.config().periodFrames();
        this.channels = stream.config().channels();
        this.period = new float[periodFrames * channels];
        this.thread = new Thread(this::run, "taperoom-metronome");
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Copies what the metronome plays into {@code t} too (at the output's rate); call before {@link #start()}. */
    public void tapInto(OutputTap t) {
        t.rateHz(stream.config().rateHz());
        tap = t;
    }

    /** Starts the stream and the thread. */
    public void start() throws org.taperoom.drivers.audio.AudioDeviceException {
        stream.start();
        thread.start();
    }

    /** Any thread: plays {@code c} (null: no click) from the next period on, starting on its accent. */
    public void change(ClickSource c) {
        if (c != null && c.rateHz() != stream.config().rateHz()) throw new IllegalArgumentException("the click's rate is not the output's");
        click = c;
    }

    /**
     * Any thread: mixes the live inputs of {@code tap} (null: none) into the periods from the next
     * one on. The tap's delay counts from the frame heard when the thread first mixes it.
     */
    void monitor(MonitorTap tap) {
        if (tap != null && tap.pairChannel() + 2 > Math.max(2, channels)) {
            throw new IllegalArgumentException("the monitor pair needs " + (tap.pairChannel() + 2) + " outputs; the output has " + channels);
        }
        monitor = tap;
    }

    PlaybackStream stream() {
        return stream;
    }

    /** Input frames the live monitor left out (not captured in time); 0 without one. */
    public long monitorMissedFrames() {
        MonitorTap t = monitor;
        return t == null ? 0 : t.missedFrames();
    }

    public ClickSource click() {
        return click;
    }

    private void run() {
        stream.onPlaybackThreadStart();
        ClickSource current = null;
        long origin = 0;
        long frame = 0;
        MonitorTap mixing = null;
        long writeAheadFrames = stream.writeAheadFrames();
        // Frames written since the stream last started (or recovered from an underrun): what it may hold queued.
        long sinceRestart = 0;
        while (running) {
            ClickSource c = click;
            if (c != current) {
                current = c;
                origin = frame;
            }
            java.util.Arrays.fill(period, 0f);
            if (c != null) c.mixInto(period, channels, frame - origin, periodFrames);
            float[] out = period;
            MonitorTap m = monitor;
            if (m != null) {
                // The frame heard now (what is queued ahead of it is still to play) meets the newest
                // captured frame: the two streams advance on one clock. The capture thread may run a
                // period late at any one meeting, so the first few periods after it keep the latest.
                long queued = Math.min(sinceRestart, writeAheadFrames);
                long shift = m.ring().writeFrame() - (frame - queued);
                if (mixing == null || m.ring() != mixing.ring()) {
                    monitorShiftFrames = shift;
                    meetingPeriods = 0;
                } else if (meetingPeriods < MEETING_PERIODS && shift > monitorShiftFrames) {
                    monitorShiftFrames = shift;
                }
                meetingPeriods++;
                mixing = m;
                long missedBefore = m.missedFrames();
                out = m.mix(period, frame + monitorShiftFrames, periodFrames, channels);
                // A whole period not there (the capture paused while its device was away, and goes
                // on from where it stopped): meet it afresh at the next period.
                if (m.missedFrames() - missedBefore >= periodFrames) mixing = null;
            } else {
                mixing = null;
            }
            ReadStatus status = stream.writePeriod(out);
            if (status == ReadStatus.GONE) {
                deviceGone = true;
                return;
            }
            sinceRestart += periodFrames;
            if (status == ReadStatus.OVERRUN_RECOVERED) {
                underruns = underruns + 1;
                // The device skipped frames this thread never wrote: meet the capture afresh.
                sinceRestart = 0;
                mixing = null;
            }
            OutputTap t = tap;
            if (t != null) t.offer(out, periodFrames, channels);
            frame += periodFrames;
            periods = periods + 1;
        }
    }

    public long periods() {
        return periods;
    }

    public long underruns() {
        return underruns;
    }

    public boolean deviceGone() {
        return deviceGone;
    }

    /** The metronome thread, for allocation checks. */
    public Thread thread() {
        return thread;
    }

    /** Stops the thread and closes the stream. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stream.close();
    }
}
