package org.taperoom.appliance.playback;

import java.io.IOException;
import java.nio.file.Path;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.render.Normalisation;
import org.taperoom.appliance.dsp.render.RenderRecord;
import org.taperoom.appliance.dsp.render.TakeSettings;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.StreamConfig;
import org.tinylog.Logger;

/**
 * Playback of the library's takes on one output device, one take at a time, for the panel and
 * the command line: opens the device at the take's rate when a take starts playing, with the
 * take's own mix and master settings and the normalisation of its newest render, and closes it
 * when playback stops (so the device is free again). Thread-safe: every method is synchronized;
 * none waits on the real-time threads.
 *
 * <p>The metronome plays on the same output: laid over the take while one plays (a small hook in
 * the playback thread), alone on the output ({@link Metronome}, at the idle rate) otherwise. It
 * keeps playing across a take's start and stop; only {@link #stopMetronome()} and
 * {@link #close()} end it.
 *
 * <p>The live monitor ({@link #monitor}: the inputs being recorded, heard on the monitor pair while
 * the recorder runs) shares that thread with the metronome when no take plays: the output opens
 * with the pair's channels, the click stays on outputs 1-2. While a take plays, the player owns
 * the output and the live monitor pauses; it comes back when the take stops.
 */
public final class PlaybackService implements AutoCloseable {
    /**
     * What is playing, with its meters (dBFS: one per track, post-fader; the master's left and right).
     */
    public record Now(Path take, PlaybackStatus status, boolean analysed, float[] stripsDb, float[] masterDb) {}

    /** Gaps heard since the service started, over every take played: what {@code /api/state} reports. */
    public record Gaps(long underruns, long starvedPeriods) {}

    /**
     * The least audio a take's playback keeps queued at the output. Playing a take back is not
     * latency-critical (monitoring is, and opens its own streams), but a pause of the whole JVM
     * is fatal to a shallow buffer: ZGC's own pauses last well under a millisecond, yet a
     * safepoint waits for every Java thread to reach it, and a thread the kernel has not
     * scheduled yet held them 25 to 112 ms on a loaded machine (appliance/bench/playback-soak.sh).
     */
    static final double MIN_BUFFER_SECONDS = 0.085;

    /** Frames of the browser stream's tap: about 0.7 s at 48 kHz, room for a listener that falls a little behind. */
    static final int TAP_FRAMES = 1 << 15;

    /** How long a command's answer waits for the playback thread to apply it: many periods. */
    private static final long APPLY_MILLIS = 500;
    private final AudioBackend backend;
    private final String deviceName;
    private final int periodFrames;
    private final int bufferPeriods;
    private Player player;
    private Path take;
    private boolean analysed;
    /** The metronome's settings while it is on, or null. */
    private ClickSettings metronome;
    /** The metronome alone on the output (on, and no take open), or null. */
    private Metronome alone;
    /** The capture ring the live monitor reads, or null: monitor off. */
    private FrameRing monitorRing;
    /** How the live monitor is heard (only when {@link #monitorRing} is set and its mix is on). */
    private MonitorRouting monitorRouting = MonitorRouting.OFF;
    /** The rate the output opens at for the metronome alone. */
    private final int idleRateHz;
    private final OutputTap tap = new OutputTap(TAP_FRAMES);
    private UnderrunBursts bursts = new UnderrunBursts();
    /** Gaps of the takes closed before the current one. */
    private long closedUnderruns;
    private long closedStarved;

    /**
     * @param deviceName   the output: an ALSA device or {@code sim...}
     * @param periodFrames frames per period of the playback stream
     * @param bufferPeriods periods queued at the output, at least; raised to hold {@link #MIN_BUFFER_SECONDS}
     */
    public PlaybackService(AudioBackend backend, String deviceName, int periodFrames, int bufferPeriods) {
        this(backend, deviceName, periodFrames, bufferPeriods, 48000);
    }

    /** @param idleRateHz the rate the output opens at for the metronome when no take plays */
    public PlaybackService(AudioBackend backend, String deviceName, int periodFrames, int bufferPeriods, int idleRateHz) {
        this.idleRateHz = idleRateHz;
        this.backend = backend;
        this.deviceName = deviceName;
        this.periodFrames = periodFrames;
        this.bufferPeriods = bufferPeriods;
    }

    /**
     * Plays the take in folder {@code takeDir} from {@code fromFrame}, looping {@code loop} if
     * active; a take already playing carries on with the new position and loop.
     *
     * @throws SettingsException the take's settings are invalid, or a position lies beyond its end
     */
    public synchronized Now play(Path takeDir, double fromSeconds, Double loopFromSeconds, Double loopToSeconds)
            throws IOException, SettingsException, AudioDeviceException {
        if (player == null || !takeDir.equals(take)) open(takeDir);
        return moveTo(fromSeconds, loopFromSeconds, loopToSeconds);
    }

    /**
     * Plays tracks placed on a timeline (a song's active passes at their offsets, named so that
     * {@code settings}' mix applies) from {@code fromSeconds}, with the master's normalisation as
     * set (no render was analysed). The tracks' folder names what plays (the song's); a new call
     * opens it afresh, so changed passes and settings are heard.
     */
    public synchronized Now playArranged(TakeTracks tracks, RenderSettings settings, double fromSeconds)
            throws IOException, SettingsException, AudioDeviceException {
        return playArranged(tracks, settings, fromSeconds, 0);
    }

    /**
     * As {@link #playArranged(TakeTracks, RenderSettings, double)}, with {@code gainDb} as the
     * master's normalisation gain (before its limiter): what a practice's side-by-side comparison
     * plays each recording at, so both reach one integrated loudness.
     */
    public synchronized Now playArranged(TakeTracks tracks, RenderSettings settings, double fromSeconds, double gainDb)
            throws IOException, SettingsException, AudioDeviceException {
        int rate = rateOf(tracks);
        open(tracks.dir(), tracks, settings, Normalisation.of(settings.master(), rate, gainDb), rate);
        analysed = false;
        return moveTo(fromSeconds, null, null);
    }

    private Now moveTo(double fromSeconds, Double loopFromSeconds, Double loopToSeconds) throws SettingsException {
        int rate = player.rateHz();
        double length = player.programmeFrames() / (double) rate;
        if (fromSeconds > length) {
            throw new SettingsException(String.format("the start, %.3f s, is past the take's end (%.3f s)", fromSeconds, length));
        }
        LoopRegion loop = LoopRegion.NONE;
        if (loopFromSeconds != null || loopToSeconds != null) {
            if (loopFromSeconds == null || loopToSeconds == null || loopToSeconds <= loopFromSeconds) {
                throw new SettingsException("a loop needs a start and an end, the end after the start");
            }
            if (loopToSeconds > length) {
                throw new SettingsException(String.format("the loop's end, %.3f s, is past the take's end (%.3f s)", loopToSeconds, length));
            }
            loop = new LoopRegion(Math.round(loopFromSeconds * rate), Math.round(loopToSeconds * rate));
        }
        player.awaitApplied(player.play(Math.round(fromSeconds * rate), loop), APPLY_MILLIS);
        return now();
    }

    private void open(Path takeDir) throws IOException, SettingsException, AudioDeviceException {
        TakeTracks tracks = TakeTracks.find(takeDir);
        RenderSettings settings = TakeSettings.render(takeDir);
        int rate = rateOf(tracks);
        var last = RenderRecord.latestNormalisation(takeDir, settings.master(), rate);
        open(takeDir, tracks, settings, last.orElse(Normalisation.of(settings.master(), rate, 0)), rate);
        analysed = last.isPresent();
    }

    private static int rateOf(TakeTracks tracks) throws IOException {
        try (SoundFileReader first = SoundFileReader.open(tracks.tracks().get(0).file())) {
            return first.rateHz();
        }
    }

    private void open(Path key, TakeTracks tracks, RenderSettings settings, Normalisation n, int rate)
            throws IOException, SettingsException, AudioDeviceException {
        // The metronome playing alone moves onto the player (its click rides the take's output).
        closePlayer();
        closeAlone();
        int buffer = Math.max(bufferPeriods, (int) Math.ceil(MIN_BUFFER_SECONDS * rate / periodFrames));
        PlaybackStream stream = backend.openPlayback(deviceName, new StreamConfig(2, rate, periodFrames, buffer, null));
        try {
            player = Player.open(tracks, settings, n, stream, false);
            player.tapInto(tap);
            player.start();
        } catch (IOException | SettingsException | AudioDeviceException | RuntimeException e) {
            if (player != null) player.close();
            else stream.close();
            player = null;
            throw e;
        }
        if (metronome != null) player.click(new ClickSource(metronome, rate));
        take = key;
        bursts = new UnderrunBursts();
    }

    public synchronized void pause() {
        if (player != null) player.awaitApplied(player.pause(), APPLY_MILLIS);
    }

    /** Moves to {@code seconds}; false when nothing is open. */
    public synchronized boolean seek(double seconds) throws SettingsException {
        if (player == null) return false;
        long frame = Math.round(seconds * player.rateHz());
        if (frame > player.programmeFrames()) {
            throw new SettingsException(String.format("the position %.3f s is past the take's end (%.3f s)", seconds,
                    player.programmeFrames() / (double) player.rateHz()));
        }
        player.awaitApplied(player.seek(frame), APPLY_MILLIS);
        return true;
    }

    /** The take's stored settings changed: heard from the next period, with the strips' smoothing. */
    public synchronized void settingsChanged(Path takeDir) throws IOException, SettingsException {
        if (player != null && takeDir.equals(take)) player.change(TakeSettings.render(takeDir));
    }

    /**
     * New settings for what plays under {@code key} (a song's folder, whose settings live in the
     * song's document rather than the folder): heard from the next period, with the strips'
     * smoothing; false when {@code key} is not what is open.
     *
     * @throws SettingsException the mix names a track the arrangement lacks
     */
    public synchronized boolean settingsChanged(Path key, RenderSettings settings) throws SettingsException {
        if (player == null || !key.equals(take)) return false;
        player.change(settings);
        return true;
    }

    /**
     * A mix heard at once on the take playing, without saving it (a fader being moved): false when
     * {@code takeDir} is not the take open.
     *
     * @throws SettingsException the mix names a track the take lacks
     */
    public synchronized boolean liveMix(Path takeDir, MixSettings mix) throws SettingsException {
        if (player == null || !takeDir.equals(take)) return false;
        player.changeMix(mix);
        return true;
    }

    /** The copy of the output for the browser stream: one for the service's life, whatever take plays. */
    public OutputTap tap() {
        return tap;
    }

    /**
     * What is playing now, or null. Each call also reports, in the log, a burst of gaps that has
     * ended (one line per burst): callers poll it often (the panel's playhead, the CLI's progress).
     */
    public synchronized Now now() {
        if (player == null) return null;
        PlaybackStatus s = player.status();
        String burst = bursts.observe(s.underruns(), s.starvedPeriods(), s.positionSeconds(), System.nanoTime());
        if (burst != null) Logger.warn("playback of {}: {}", take.getFileName(), burst);
        PlaybackMeters m = player.meters();
        float[] strips = new float[m.tracks()];
        float[] master = new float[2];
        m.read(strips, master);
        return new Now(take, s, analysed, strips, master);
    }

    /** Underruns and starved periods since the service started, the take playing included. */
    public synchronized Gaps gaps() {
        if (player == null) return new Gaps(closedUnderruns, closedStarved);
        PlaybackStatus s = player.status();
        return new Gaps(closedUnderruns + s.underruns(), closedStarved + s.starvedPeriods());
    }

    /** A backend whose every open fails with {@code reason}: for an appliance whose driver did not load. */
    public static AudioBackend unavailable(String reason) {
        return new AudioBackend() {
            @Override
            public java.util.List<org.taperoom.drivers.audio.DeviceInfo> devices() {
                return java.util.List.of();
            }

            @Override
            public org.taperoom.drivers.audio.CaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException {
                throw new AudioDeviceException(reason);
            }

            @Override
            public PlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException {
                throw new AudioDeviceException(reason);
            }
        };
    }

    /**
     * Starts the metronome with {@code settings}, or changes it while it plays (the new click
     * starts on its accent at the next period).
     *
     * @throws AudioDeviceException the output cannot be opened for it
     */
    public synchronized void startMetronome(ClickSettings settings) throws AudioDeviceException {
        if (player != null) {
            player.click(new ClickSource(settings, player.rateHz()));
        } else if (alone != null) {
            alone.change(new ClickSource(settings, idleRateHz));
        } else {
            openAlone(settings);
        }
        metronome = settings;
    }

    private void openAlone(ClickSettings settings) throws AudioDeviceException {
        boolean monitoring = monitorHeard();
        int channels = monitoring ? monitorRouting.channelsNeeded() : 2;
        PlaybackStream stream = backend.openPlayback(deviceName, new StreamConfig(channels, idleRateHz, periodFrames, bufferPeriods, null));
        Metronome m;
        try {
            m = new Metronome(stream, settings == null ? null : new ClickSource(settings, idleRateHz));
            if (monitoring) m.monitor(monitorTap(stream));
            m.tapInto(tap);
            m.start();
        } catch (AudioDeviceException | RuntimeException e) {
            stream.close();
            throw e;
        }
        alone = m;
    }

    /** The live monitor's tap for {@code stream}: an output buffer plus two periods behind the newest captured frame. */
    private MonitorTap monitorTap(PlaybackStream stream) {
        StreamConfig c = stream.config();
        long delay = stream.writeAheadFrames() + 2L * c.periodFrames();
        return new MonitorTap(monitorRing, monitorRouting.heard(), delay, c.periodFrames(), c.channels(), monitorRouting.outputs().firstChannel(), false);
    }

    private boolean monitorHeard() {
        return monitorRing != null && monitorRouting.heard().on();
    }

    /** Stops the metronome (a take playing carries on without it; the live monitor keeps the output). */
    public synchronized void stopMetronome() {
        metronome = null;
        if (alone != null && monitorHeard()) alone.change(null);
        else closeAlone();
        if (player != null) player.click(null);
    }

    /**
     * The live monitor while the recorder runs: the inputs of {@code routing}'s mix, read from
     * {@code captureRing} (the recorder's, on this output's device and rate), heard on its pair
     * from the next period, at most two periods later than the device's own latency (the output's
     * buffer and the capture's). A new mix on the same pair and ring changes what is heard without
     * reopening the output; another pair reopens it. {@code captureRing} null, or the routing off,
     * stops it. Paused while a take plays (the player owns the output).
     *
     * @throws AudioDeviceException the output cannot be opened with the pair's channels (the monitor is off then)
     */
    public synchronized void monitor(FrameRing captureRing, MonitorRouting routing) throws AudioDeviceException {
        int channelsBefore = monitorHeard() ? monitorRouting.channelsNeeded() : 2;
        monitorRing = captureRing;
        monitorRouting = routing;
        if (player != null) return;
        boolean heard = monitorHeard();
        int channels = heard ? routing.channelsNeeded() : 2;
        if (alone != null && channels == channelsBefore && (heard || metronome != null)) {
            try {
                alone.monitor(heard ? monitorTap(alone.stream()) : null);
            } catch (RuntimeException e) {
                monitorRing = null;
                alone.monitor(null);
                if (metronome == null) closeAlone();
                throw e;
            }
            return;
        }
        closeAlone();
        if (!heard && metronome == null) return;
        try {
            openAlone(metronome);
        } catch (AudioDeviceException | RuntimeException e) {
            monitorRing = null;
            if (metronome != null) openAlone(metronome);
            throw e;
        }
    }

    /** The rate the output opens at when no take plays (the metronome's and the live monitor's). */
    public int idleRateHz() {
        return idleRateHz;
    }

    /** Input frames the live monitor left out since its output opened (not captured in time); 0 while it is off. */
    public synchronized long monitorMissedFrames() {
        return alone == null ? 0 : alone.monitorMissedFrames();
    }

    /** The metronome's settings while it is on, or null. */
    public synchronized ClickSettings metronome() {
        return metronome;
    }

    /** Periods the metronome or the live monitor has written alone on the output, or -1 while neither holds it: for tests and status. */
    public synchronized long metronomeAlonePeriods() {
        return alone == null ? -1 : alone.periods();
    }

    private void closeAlone() {
        if (alone != null) alone.close();
        alone = null;
    }

    private void closePlayer() {
        if (player != null) {
            player.close();
            PlaybackStatus s = player.status();
            String burst = bursts.observe(s.underruns(), s.starvedPeriods(), s.positionSeconds(), System.nanoTime());
            if (burst == null) burst = bursts.flush();
            if (burst != null) Logger.warn("playback of {}: {}", take.getFileName(), burst);
            closedUnderruns += s.underruns();
            closedStarved += s.starvedPeriods();
        }
        player = null;
        take = null;
    }

    /**
     * Stops the take and frees the output, unless the metronome is on: then it carries on alone.
     *
     * @throws AudioDeviceException the metronome could not reopen the output alone (it is off then)
     */
    public synchronized void stop() throws AudioDeviceException {
        boolean hadPlayer = player != null;
        closePlayer();
        if (hadPlayer && (metronome != null || monitorHeard()) && alone == null) {
            try {
                openAlone(metronome);
            } catch (AudioDeviceException e) {
                metronome = null;
                monitorRing = null;
                throw e;
            }
        }
    }

    /** Stops playback and the metronome and frees the device. */
    @Override
    public synchronized void close() {
        closePlayer();
        closeAlone();
        metronome = null;
        monitorRing = null;
    }
}
