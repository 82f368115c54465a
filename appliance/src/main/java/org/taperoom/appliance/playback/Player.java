package org.taperoom.appliance.playback;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.master.MasterBus;
import org.taperoom.appliance.dsp.master.StreamLimiter;
import org.taperoom.appliance.dsp.mix.Mixer;
import org.taperoom.appliance.dsp.render.Normalisation;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.PlaybackStream;

/**
 * The playback engine of one take on one output: a {@link ReaderThread} reading the track files
 * ahead into a {@link TrackRing}, and a {@link PlaybackThread} mixing and mastering it onto the
 * stream, as the render would (its mix and master settings, and the normalisation of the last
 * analysis). The transport (play, pause, seek, loop) and mix changes come from any thread and
 * reach the playback thread through lock-free queues; {@link #status()} is safe from any thread.
 *
 * <p>The first two channels of the stream carry the programme's left and right; any others are
 * silent.
 */
public final class Player implements AutoCloseable {
    /** Seconds of every track read ahead of the play position. */
    static final double READ_AHEAD_SECONDS = 2.0;
    private final TakeTracks take;
    private final PlaybackStream stream;
    private final int rate;
    private final long programmeFrames;
    private final TrackRing ring;
    private final ReaderThread reader;
    private final PlaybackThread playback;
    private final MixMailbox mailbox = new MixMailbox();
    private final ConcurrentLinkedQueue<TransportCommand> commands = new ConcurrentLinkedQueue<>();
    private final int latencyFrames;
    private final boolean clockless;
    /** Set before start by {@link #monitor}, or null. */
    private volatile MonitorTap monitorTap;
    /** The monitor pair's first channel (0-based); set before start by {@link #route}. */
    private int pairChannel;
    /** The settings the playback thread was last sent; guarded by this. */
    private RenderSettings current;
    private boolean started;
    /** Transport commands queued so far; guarded by this. */
    private long commandsSent;

    private Player(TakeTracks take, RenderSettings settings, PlaybackStream stream, int rate, long programmeFrames, TrackRing ring,
                   ReaderThread reader, Mixer mixer, MasterBus bus, StreamLimiter limiter, boolean clockless, boolean realign) {
        this.take = take;
        this.current = settings;
        this.stream = stream;
        this.rate = rate;
        this.programmeFrames = programmeFrames;
        this.ring = ring;
        this.reader = reader;
        this.latencyFrames = limiter.latencyFrames();
        this.clockless = clockless;
        this.playback = new PlaybackThread(stream, ring, reader, mixer, bus, limiter, mailbox, commands, programmeFrames, clockless, realign);
    }

    /**
     * Prepares {@code take} with {@code settings} for {@code stream} (opened at the take's rate,
     * not started); {@code normalisation} is the fixed gain and limiter of the last analysis.
     *
     * @throws SettingsException when the settings name a track the take lacks, or the stream does not fit the take
     */
    public static Player open(TakeTracks take, RenderSettings settings, Normalisation normalisation, PlaybackStream stream,
                              boolean clockless) throws IOException, SettingsException {
        return open(take, settings, normalisation, stream, clockless, true);
    }

    /**
     * A monitor feed of {@code take}: its mix without the master bus (the limiter still guards
     * the ceiling, at 0 dB gain), so a lane at unity reaches the output sample for sample. What an
     * overdub plays along to; after an underrun it skips the song frames the gap took, so song
     * frame and device frame stay in line (the frames of the gap are not heard).
     */
    public static Player openMonitor(TakeTracks take, RenderSettings settings, PlaybackStream stream, boolean clockless)
            throws IOException, SettingsException {
        return open(take, settings, Normalisation.of(settings.master(), stream.config().rateHz(), 0), stream, clockless, false);
    }

    private static Player open(TakeTracks take, RenderSettings settings, Normalisation normalisation, PlaybackStream stream,
                               boolean clockless, boolean withMaster) throws IOException, SettingsException {
        take.check(settings.mix());
        List<SoundFileReader> readers = new ArrayList<>();
        try {
            for (TakeTracks.Track t : take.tracks()) readers.add(t.open());
            int rate = readers.get(0).rateHz();
            long longest = 0;
            for (SoundFileReader r : readers) {
                if (r.rateHz() != rate) {
                    throw new SettingsException(r.path().getFileName() + ": " + r.rateHz() + " Hz, but "
                            + readers.get(0).path().getFileName() + " is " + rate + " Hz; a take's tracks share one rate");
                }
                longest = Math.max(longest, r.frames());
            }
            if (stream.config().rateHz() != rate) {
                throw new SettingsException("the take is at " + rate + " Hz but the output runs at " + stream.config().rateHz()
                        + " Hz; open the output at " + rate + " Hz");
            }
            Mixer mixer = new Mixer(rate, readers.size());
            mixer.configure(settings.mix(), perTrack(take, settings), true);
            MasterBus bus = withMaster ? new MasterBus(rate) : null;
            if (bus != null) bus.configure(settings.master(), true);
            long programme = Renderer.programmeFrames(longest, settings, mixer, rate);
            int periodFrames = stream.config().periodFrames();
            int capacity = Integer.highestOneBit((int) Math.max(4L * (1 << 14), (long) (READ_AHEAD_SECONDS * rate) + 4L * periodFrames)) * 2;
            TrackRing ring = new TrackRing(readers.size(), capacity);
            ReaderThread reader = new ReaderThread(ring, readers, programme);
            StreamLimiter limiter = normalisation.streamLimiter(rate, periodFrames);
            // A monitor feed is what an overdub records along to: it keeps to the device's clock.
            return new Player(take, settings, stream, rate, programme, ring, reader, mixer, bus, limiter, clockless, !withMaster);
        } catch (IOException | SettingsException | RuntimeException e) {
            for (SoundFileReader r : readers) r.close();
            throw e;
        }
    }

    /** Track i's settings, in the take's track order. */
    static List<TrackSettings> perTrack(TakeTracks take, RenderSettings settings) {
        return take.tracks().stream().map(t -> settings.mix().track(t.stem(), t.name())).toList();
    }

    /**
     * Before {@link #start()}: every period also carries the live inputs of {@code mix}, read from
     * {@code captureRing} (the capture of the same full-duplex device: its frame t is this
     * output's frame t), output frame t carrying input frame t - {@code delayFrames}.
     *
     * @throws IllegalArgumentException when the mix names an input the ring does not have
     */
    public synchronized void monitor(FrameRing captureRing, MonitorMix mix, long delayFrames) {
        if (started) throw new IllegalStateException("the monitor is set before the player starts");
        if (!mix.on()) return;
        var config = stream.config();
        monitorTap = new MonitorTap(captureRing, mix, delayFrames, config.periodFrames(), config.channels(), pairChannel, clockless);
        playback.monitor(monitorTap);
    }

    /**
     * Before {@link #start()} and {@link #monitor}: the monitor pair. The song stays on outputs 1-2
     * and is copied to the pair; the monitored inputs and the click go to the pair only.
     *
     * @throws IllegalArgumentException when the stream lacks the pair's channels
     */
    public synchronized void route(MonitorOutputs outputs) {
        if (started) throw new IllegalStateException("the monitor pair is set before the player starts");
        playback.route(outputs.firstChannel());
        pairChannel = outputs.firstChannel();
    }

    /**
     * Song frames skipped after underruns so that the song stays on the device's clock (a monitor
     * feed only: see {@link #openMonitor}). Any thread.
     */
    public long realignedFrames() {
        return playback.realignedFrames();
    }

    /** Underruns after which the feed could not realign (the stream did not say what it lost). Any thread. */
    public long unalignedUnderruns() {
        return playback.unalignedUnderruns();
    }

    /** Input frames the monitor left out (not captured in time); 0 with no monitor. Any thread. */
    public long monitorMissedFrames() {
        MonitorTap t = monitorTap;
        return t == null ? 0 : t.missedFrames();
    }

    /** Before {@link #start()}: a copy of every period given to the device goes into {@code tap} while it listens. */
    public synchronized void tapInto(OutputTap tap) {
        if (started) throw new IllegalStateException("tap the output before starting");
        tap.rateHz(rate);
        playback.tapInto(tap);
    }

    /** The playing mix's strip and master meters. */
    public PlaybackMeters meters() {
        return playback.meters();
    }

    /** Starts the stream and both threads, paused at frame 0. */
    public synchronized void start() throws AudioDeviceException {
        if (started) return;
        stream.start();
        reader.start();
        playback.start();
        started = true;
    }

    /**
     * Plays from take frame {@code fromFrame} (-1: from the current position), looping
     * {@code loop} if active. Returns the command's number for {@link #awaitApplied}.
     */
    public synchronized long play(long fromFrame, LoopRegion loop) {
        return send(new TransportCommand.Play(fromFrame, loop.fromFrame(), loop.toFrame()));
    }

    /**
     * Plays from take frame {@code fromFrame} after {@code leadInFrames} of silence (a count-in:
     * {@link #seekLandedDeviceFrame} is then the device frame of the lead-in's first frame), with
     * {@code cue}, if not null, placed relative to that frame.
     */
    public synchronized long play(long fromFrame, LoopRegion loop, long leadInFrames, ClickCue cue) {
        if (fromFrame < 0 || leadInFrames < 0) throw new IllegalArgumentException("a lead-in needs a start frame and a length of 0 or more");
        if (cue != null && cue.click().rateHz() != rate) {
            throw new IllegalArgumentException("the click is at " + cue.click().rateHz() + " Hz but the take plays at " + rate + " Hz");
        }
        return send(new TransportCommand.Play(fromFrame, loop.fromFrame(), loop.toFrame(), leadInFrames, cue));
    }

    public synchronized long pause() {
        return send(new TransportCommand.Pause());
    }

    /** Moves the play position to take frame {@code frame}: the next frame the device is given is that one. */
    public synchronized long seek(long frame) {
        return send(new TransportCommand.Seek(frame));
    }

    private long send(TransportCommand c) {
        commands.add(c);
        return ++commandsSent;
    }

    /**
     * Waits up to {@code timeoutMillis} until the playback thread has applied command
     * {@code number} (it does at its next period); true when it has. Never called by the
     * real-time threads.
     */
    public boolean awaitApplied(long number, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (playback.commandsApplied() < number) {
            if (System.nanoTime() > deadline || playback.finished()) return false;
            LockSupport.parkNanos(500_000L);
        }
        return true;
    }

    /** New mix and master settings, heard from the next period on with the strips' smoothing. */
    public synchronized void change(RenderSettings settings) throws SettingsException {
        take.check(settings.mix());
        mailbox.post(new MixChange(settings.mix(), perTrack(take, settings), settings.master()));
        current = settings;
    }

    /** A new mix with the master as it is: what a fader move on the panel sends. */
    public synchronized void changeMix(MixSettings mix) throws SettingsException {
        change(new RenderSettings(mix, current.master(), current.tags(), current.output()));
    }

    /**
     * Lays {@code click} over the output from the next period on (it starts on its accent there),
     * playing or paused; null removes it. Its rate must be the take's.
     */
    public void click(ClickSource click) {
        if (click != null && click.rateHz() != rate) {
            throw new IllegalArgumentException("the click is at " + click.rateHz() + " Hz but the take plays at " + rate + " Hz");
        }
        playback.click(click);
    }

    public PlaybackStatus status() {
        String problem = reader.failure();
        if (problem == null && playback.deviceGone()) problem = "the output device disappeared";
        return new PlaybackStatus(playback.position(), programmeFrames, rate, playback.playing(), playback.reachedEnd(),
                playback.underruns(), playback.starvedPeriods(), playback.periods(), problem);
    }

    public int rateHz() {
        return rate;
    }

    public long programmeFrames() {
        return programmeFrames;
    }

    public TakeTracks take() {
        return take;
    }

    /** Frames between the mixer and the device: the limiter's look-ahead and its true-peak filter's reach. */
    public int latencyFrames() {
        return latencyFrames;
    }

    /** The device frame at which the last seek's (or play's) first frame was written, or -1: for tests of position. */
    public long seekLandedDeviceFrame() {
        return playback.seekLandedDeviceFrame();
    }

    /** The playback thread, for allocation and liveness checks. */
    public Thread playbackThread() {
        return playback.thread();
    }

    /** Stops both threads and closes the stream and the files. */
    @Override
    public synchronized void close() {
        playback.close(2000);
        reader.close(2000);
    }
}
