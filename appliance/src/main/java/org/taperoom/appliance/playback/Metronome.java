package org.taperoom.appliance.playback;

import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;

/**
 * The metronome alone on an output, when no take plays there: a thread that owns the playback
 * stream and writes one period of {@link ClickSource} at a time (frame 0 of the click is the
 * stream's first frame; a new source starts on its accent at the next period), and copies each
 * period into the browser stream's tap, as the playback thread does. Same real-time contract as
 * the playback thread: after {@link #start()} it never allocates, locks, logs or touches a file.
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
    /** The browser stream's tap, or null; set before {@link #start()}, read by the metronome thread. */
    private volatile OutputTap tap;

    /** A metronome playing {@code click} on {@code stream} (opened at the click's rate, not started). */
    public Metronome(PlaybackStream stream, ClickSource click) {
        if (stream.config().rateHz() != click.rateHz()) {
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

    /** Any thread: plays {@code c} from the next period on, starting on its accent. */
    public void change(ClickSource c) {
        if (c.rateHz() != stream.config().rateHz()) throw new IllegalArgumentException("the click's rate is not the output's");
        click = c;
    }

    public ClickSource click() {
        return click;
    }

    private void run() {
        stream.onPlaybackThreadStart();
        ClickSource current = null;
        long origin = 0;
        long frame = 0;
        while (running) {
            ClickSource c = click;
            if (c != current) {
                current = c;
                origin = frame;
            }
            java.util.Arrays.fill(period, 0f);
            c.mixInto(period, channels, frame - origin, periodFrames);
            ReadStatus status = stream.writePeriod(period);
            if (status == ReadStatus.GONE) {
                deviceGone = true;
                return;
            }
            if (status == ReadStatus.OVERRUN_RECOVERED) underruns = underruns + 1;
            OutputTap t = tap;
            if (t != null) t.offer(period, periodFrames, channels);
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
