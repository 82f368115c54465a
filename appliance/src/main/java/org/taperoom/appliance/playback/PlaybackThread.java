package org.taperoom.appliance.playback;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.dsp.master.MasterBus;
import org.taperoom.appliance.dsp.master.StreamLimiter;
import org.taperoom.appliance.dsp.mix.Mixer;
import org.taperoom.appliance.dsp.render.MasterBlock;
import org.taperoom.appliance.dsp.render.TrackBlock;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;

/**
 * The playback thread, the capture thread's mirror: owns the playback stream from start to close
 * and, each period, takes one block of every track from the {@link TrackRing}, runs it through
 * the render's own per-block code (each track's strip, the sum and buses, the master bus:
 * {@link TrackBlock}, {@link MasterBlock}) and the render's limiter on a stream
 * ({@link StreamLimiter}, with the fixed normalisation gain of the last analysis), and writes the
 * period to the device. After {@link #start()} it never allocates, locks, logs or touches a file:
 * commands and parameter changes arrive through lock-free queues, status leaves through volatile
 * fields.
 *
 * <p>The limiter looks ahead, so the mixer runs {@link StreamLimiter#latencyFrames()} ahead of
 * what the device is given; the play position is the take frame the device is given next. A
 * device underrun is recovered by the stream and counted; a block the reader has not read yet is
 * played as silence and counted; neither moves the play position: the next period carries on from
 * the frame that was due.
 */
final class PlaybackThread {
    private final PlaybackStream stream;
    private final TrackRing ring;
    private final ReaderThread reader;
    private final Mixer mixer;
    /** The master bus, or null for a monitor feed (see {@link MasterBlock}). */
    private final MasterBus bus;
    private final MasterBlock masterBlock;
    private final StreamLimiter limiter;
    private final MixMailbox mailbox;
    private final ConcurrentLinkedQueue<TransportCommand> commands;
    private final long programmeFrames;
    /**
     * The sink has no clock (the unpaced simulator, alsa-lib's null plugin): there is no deadline
     * to miss, so instead of playing silence while the reader catches up the thread waits for it.
     * The only case it waits.
     */
    private final boolean clockless;
    private final int periodFrames;
    private final int channels;
    private final Thread thread;
    /** The metronome click laid over every period written, when one is set. */
    private final ClickOverlay click;
    /** The playing mix's meters; written by the playback thread, read by anyone. */
    private final PlaybackMeters meters;
    /** Where a copy of each period goes for the browser stream, or null; set before {@link #start()}. */
    private OutputTap tap;

    // Playback-thread state, allocated in the constructor.
    private final double[][] mono;
    private final double[][][] outs;
    /** outs[t], or null for a track silent this block: what the master block sums. */
    private final double[][][] summed;
    private final float[] blockLeft;
    private final float[] blockRight;
    private final float[] limited;
    private final float[] devicePeriod;
    private final float[] silence;
    private boolean playing;
    /** The take frame the mixer processes next (ahead of the play position by the limiter's latency). */
    private long mixFrame;
    /** The take frame the device is given next. */
    private long playFrame;
    private long loopFrom;
    private long loopTo;
    /** The seek request whose answer the thread waits for, or 0. */
    private long awaitedEpoch;
    /** Periods played since the last seek: a block missing before the first is a refill, not a dropout. */
    private long periodsSinceSeek;
    private long devicePeriods;

    /**
     * A feed others record along to (an overdub's song): after an underrun it skips the frames the
     * gap took, instead of carrying on from the frame that was due, so the song stays on the
     * device's clock. Fixed at construction.
     */
    private final boolean realign;
    /** Playback thread only: frames underruns played as silence, and song frames still to skip for them. */
    private long silencedFrames;
    private long skipFrames;
    /** Written by the playback thread, read by status: frames skipped to realign, and underruns that could not be. */
    private volatile long realignedFrames;
    private volatile long unalignedUnderruns;

    /** The monitor mix of live inputs, or null; set before start() (Thread.start publishes it), then read by the playback thread. */
    private MonitorTap monitor;
    /**
     * The monitor pair's first channel (0-based): the song is copied there when it is not the main
     * pair, and the monitored inputs and the click go there only. Set before start().
     */
    private int pairChannel;
    private final float[] routed;
    /** Playback-thread state: silent frames still to mix before the song (a count-in), and the click to place where play lands. */
    private long leadInLeft;
    private ClickCue pendingCue;

    /** Set by close() on any thread, read by the playback thread once per period. */
    private volatile boolean running = true;
    /** The play position, a take frame; written by the playback thread, read by status. */
    private volatile long position;
    /** Written by the playback thread, read by status. */
    private volatile boolean playingNow;
    /** True once the position reached the end of the take (not looping); written by the playback thread. */
    private volatile boolean reachedEnd;
    /** Device frame at which the last seek's first frame was given to the device, or -1; written by the playback thread. */
    private volatile long seekLandedDeviceFrame = -1;
    /** Device underruns recovered; written by the playback thread. */
    private volatile long underruns;
    /** Periods played as silence because the reader was behind; written by the playback thread. */
    private volatile long starvedPeriods;
    /** Transport commands applied; written by the playback thread, read by a caller waiting for its command. */
    private volatile long commandsApplied;
    /** Periods written; written by the playback thread. */
    private volatile long periods;
    /** Written by the playback thread. */
    private volatile boolean deviceGone;
    private volatile boolean finished;

    PlaybackThread(PlaybackStream stream, TrackRing ring, ReaderThread reader, Mixer mixer, MasterBus bus,
                   StreamLimiter limiter, MixMailbox mailbox, ConcurrentLinkedQueue<TransportCommand> commands,
                   long programmeFrames, boolean clockless, boolean realign) {
        this.realign = realign;
        this.clockless = clockless;
        this.stream = stream;
        this.ring = ring;
        this.reader = reader;
        this.mixer = mixer;
        this.bus = bus;
        this.limiter = limiter;
        this.mailbox = mailbox;
        this.commands = commands;
        this.programmeFrames = programmeFrames;
        this.periodFrames = stream.config().periodFrames();
        this.channels = stream.config().channels();
        int tracks = ring.tracks();
        this.masterBlock = new MasterBlock(mixer, bus, periodFrames);
        this.mono = new double[tracks][periodFrames];
        this.outs = new double[tracks][4][periodFrames];
        this.summed = new double[tracks][][];
        this.blockLeft = new float[periodFrames];
        this.blockRight = new float[periodFrames];
        this.limited = new float[2 * periodFrames];
        this.devicePeriod = new float[channels * periodFrames];
        this.silence = new float[channels * periodFrames];
        this.routed = new float[channels * periodFrames];
        this.click = new ClickOverlay(periodFrames, channels);
        this.meters = new PlaybackMeters(tracks, stream.config().rateHz(), periodFrames);
        this.thread = new Thread(this::run, "taperoom-playback");
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Before {@link #start()}: adds {@code tap}'s inputs to every period. */
    void monitor(MonitorTap tap) {
        if (thread.isAlive()) throw new IllegalStateException("the monitor is set before the playback thread starts");
        monitor = tap;
    }

    /** Before {@link #start()}: the monitor pair, from channel {@code firstChannel} (0-based). */
    void route(int firstChannel) {
        if (thread.isAlive()) throw new IllegalStateException("the monitor pair is set before the playback thread starts");
        if (firstChannel + 2 > Math.max(2, channels)) {
            throw new IllegalArgumentException("monitor outputs " + (firstChannel + 1) + "-" + (firstChannel + 2) + " do not exist; the output has "
                    + channels + " channel(s)");
        }
        click.pair(firstChannel);
        pairChannel = firstChannel;
    }

    /** Before {@link #start()}: copy each period given to the device into {@code tap}. */
    void tapInto(OutputTap tap) {
        this.tap = tap;
    }

    PlaybackMeters meters() {
        return meters;
    }

    /** Starts the thread; the stream must be started already. */
    void start() {
        thread.start();
    }

    private void run() {
        try {
            stream.onPlaybackThreadStart();
            while (running) {
                if (doWork() < 0) break;
            }
        } finally {
            finished = true;
        }
    }

    /** One period: returns the frames written, or -1 when the device is gone. */
    int doWork() {
        TransportCommand c;
        while ((c = commands.poll()) != null) {
            apply(c);
            commandsApplied = commandsApplied + 1;
        }
        MixChange change = mailbox.take();
        if (change != null) {
            mixer.configure(change.mix(), change.perTrack(), false);
            if (bus != null) bus.configure(change.master(), false);
        }
        float[] out = playing ? play() : silence;
        // Paused with a click, the click itself is the programme: nothing to wait for.
        while (clockless && out == silence && running && (playing || click.get() == null)) {
            LockSupport.parkNanos(200_000L);
            if (!commands.isEmpty()) return 0;
            if (playing) out = play();
        }
        meters.publish(out, periodFrames, channels);
        if (tap != null) tap.offer(out, periodFrames, channels);
        if (pairChannel > 0) out = toPair(out);
        if (monitor != null) out = monitor.mix(out, deviceFrame(), periodFrames, channels);
        ReadStatus status = stream.writePeriod(click.over(out, deviceFrame()));
        if (status == ReadStatus.GONE) {
            deviceGone = true;
            return -1;
        }
        if (status == ReadStatus.OVERRUN_RECOVERED) underruns = underruns + 1;
        if (status == ReadStatus.OVERRUN_RECOVERED && realign) realignAfterUnderrun();
        devicePeriods++;
        periods = devicePeriods;
        return periodFrames;
    }

    /** The song on the main pair and the monitor pair too (the programme leaves the other channels silent). */
    private float[] toPair(float[] out) {
        System.arraycopy(out, 0, routed, 0, routed.length);
        for (int j = 0; j < routed.length; j += channels) {
            routed[j + pairChannel] = out[j];
            routed[j + pairChannel + 1] = out[j + 1];
        }
        return routed;
    }

    /**
     * The device frame the next period is played at: the periods written plus what underruns
     * played as silence (known only when realigning; otherwise the periods alone).
     */
    private long deviceFrame() {
        return devicePeriods * periodFrames + silencedFrames;
    }

    /**
     * After an underrun of a feed that realigns: the device played {@code lost} frames of silence
     * and its clock ran on, so the period just written and all after it would be heard that much
     * late. The song's frames heard during the gap are skipped instead (from the next period on),
     * so that device frame t again plays the song frame it would have without the gap. When the
     * stream cannot say how much it lost, the feed is marked as out of line.
     */
    private void realignAfterUnderrun() {
        long lost = stream.lastUnderrunLostFrames();
        if (lost < 0) {
            unalignedUnderruns = unalignedUnderruns + 1;
            return;
        }
        silencedFrames += lost;
        if (playing) skipFrames += lost;
        realignedFrames = realignedFrames + lost;
    }

    /** Skips what is due of {@link #skipFrames} through the mixer and limiter (so both stay continuous); false when the reader is behind. */
    private boolean skipDue() {
        while (skipFrames > 0) {
            if (limiter.available() == 0 && !mixBlock()) return false;
            int n = (int) Math.min(skipFrames, Math.min(limiter.available(), periodFrames));
            limiter.emit(limited, n);
            skipFrames -= n;
            advancePlayFrame(n);
            if (!playing) {
                skipFrames = 0;
                return false;
            }
        }
        return true;
    }

    private void apply(TransportCommand c) {
        switch (c) {
            case TransportCommand.Play p -> {
                // The reader wraps loops on its own: a new region reaches it with a seek.
                boolean newLoop = p.loopFrom() != loopFrom || p.loopTo() != loopTo;
                loopFrom = p.loopFrom();
                loopTo = p.loopTo();
                if (p.fromFrame() >= 0) seekTo(p.fromFrame());
                else if (reachedEnd) seekTo(0);
                else if (newLoop || periodsSinceSeek == 0 && awaitedEpoch == 0) seekTo(playFrame);
                if (p.fromFrame() >= 0 && p.leadInFrames() > 0) {
                    leadInLeft = p.leadInFrames();
                    playFrame -= leadInLeft;
                    position = playFrame;
                }
                pendingCue = p.cue();
                playing = true;
            }
            case TransportCommand.Pause p -> playing = false;
            case TransportCommand.Seek s -> seekTo(s.frame());
        }
        playingNow = playing;
    }

    private boolean looping() {
        return loopTo > loopFrom;
    }

    private void seekTo(long frame) {
        long f = Math.max(0, Math.min(frame, programmeFrames));
        if (looping() && f >= loopTo) f = loopFrom;
        awaitedEpoch = ring.requestSeek(f, loopFrom, loopTo);
        reader.wake();
        mixFrame = f;
        playFrame = f;
        position = f;
        reachedEnd = false;
        periodsSinceSeek = 0;
        skipFrames = 0;
        leadInLeft = 0;
        pendingCue = null;
        limiter.reset();
    }

    /** The period's frames while playing: the next limited frames, or silence when they are not ready. */
    private float[] play() {
        if (awaitedEpoch != 0) {
            long from = ring.answer(awaitedEpoch);
            if (from < 0) return silence;
            ring.release(from);
            awaitedEpoch = 0;
        }
        if (skipFrames > 0 && !skipDue()) return silence;
        while (limiter.available() < periodFrames) {
            if (!mixBlock()) break;
        }
        if (limiter.available() < periodFrames) {
            if (periodsSinceSeek > 0 && !clockless) starvedPeriods = starvedPeriods + 1;
            return silence;
        }
        limiter.emit(limited, periodFrames);
        for (int i = 0, j = 0; i < periodFrames; i++, j += channels) {
            devicePeriod[j] = limited[2 * i];
            if (channels > 1) devicePeriod[j + 1] = limited[2 * i + 1];
        }
        if (periodsSinceSeek == 0) {
            long landed = deviceFrame();
            if (pendingCue != null) {
                click.pin(pendingCue.click(), landed + pendingCue.offsetFrames(), pendingCue.endDeviceFrame(landed));
                pendingCue = null;
            }
            seekLandedDeviceFrame = landed;
        }
        periodsSinceSeek++;
        advancePlayFrame(periodFrames);
        return devicePeriod;
    }

    private void advancePlayFrame(int frames) {
        long next = playFrame + frames;
        if (looping() && next >= loopTo) {
            next = loopFrom + (next - loopTo);
        } else if (!looping() && next >= programmeFrames) {
            next = programmeFrames;
            playing = false;
            playingNow = false;
            reachedEnd = true;
        }
        playFrame = next;
        position = next;
    }

    /** Mixes one block into the limiter; false when the reader has not read it yet. */
    private boolean mixBlock() {
        int room = limiter.room();
        if (leadInLeft > 0) {
            int n = (int) Math.min(Math.min(periodFrames, room), leadInLeft);
            java.util.Arrays.fill(blockLeft, 0, n, 0);
            java.util.Arrays.fill(blockRight, 0, n, 0);
            limiter.push(blockLeft, blockRight, n);
            leadInLeft -= n;
            return true;
        }
        if (mixFrame >= programmeFrames && !looping()) {
            // Past the end the programme is silence, as the offline limiter reads it.
            int n = Math.min(periodFrames, room);
            java.util.Arrays.fill(blockLeft, 0, n, 0);
            java.util.Arrays.fill(blockRight, 0, n, 0);
            limiter.push(blockLeft, blockRight, n);
            return true;
        }
        long boundary = looping() ? loopTo : programmeFrames;
        int n = (int) Math.min(Math.min(periodFrames, room), boundary - mixFrame);
        if (ring.heldFrames() < n) return false;
        long at = ring.readFrame();
        int start = (int) (at & ring.mask());
        int first = Math.min(n, ring.capacityFrames() - start);
        for (int t = 0; t < mono.length; t++) {
            double[] lane = ring.lane(t);
            System.arraycopy(lane, start, mono[t], 0, first);
            System.arraycopy(lane, 0, mono[t], first, n - first);
        }
        ring.release(at + n);
        for (int t = 0; t < mono.length; t++) {
            summed[t] = TrackBlock.strip(mixer, t, mono[t], n, outs[t]) ? null : outs[t];
            if (summed[t] != null) meters.strip(t, outs[t][0], outs[t][1], n);
        }
        masterBlock.process(summed, n, blockLeft, blockRight);
        limiter.push(blockLeft, blockRight, n);
        mixFrame += n;
        if (looping() && mixFrame >= loopTo) mixFrame = loopFrom;
        return true;
    }

    /** Any thread: the click over the output from the next period on, or null for none. */
    void click(ClickSource c) {
        click.set(c);
    }

    long commandsApplied() {
        return commandsApplied;
    }

    long position() {
        return position;
    }

    boolean playing() {
        return playingNow;
    }

    boolean reachedEnd() {
        return reachedEnd;
    }

    long seekLandedDeviceFrame() {
        return seekLandedDeviceFrame;
    }

    long realignedFrames() {
        return realignedFrames;
    }

    long unalignedUnderruns() {
        return unalignedUnderruns;
    }

    long underruns() {
        return underruns;
    }

    long starvedPeriods() {
        return starvedPeriods;
    }

    long periods() {
        return periods;
    }

    boolean deviceGone() {
        return deviceGone;
    }

    boolean finished() {
        return finished;
    }

    Thread thread() {
        return thread;
    }

    /** Stops the loop, closes the stream (which releases a stuck write) and waits up to {@code waitMillis}. */
    void close(long waitMillis) {
        running = false;
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stream.close();
    }
}
