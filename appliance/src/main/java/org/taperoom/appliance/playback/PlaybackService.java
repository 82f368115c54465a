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
        close();
        TakeTracks tracks = TakeTracks.find(takeDir);
        RenderSettings settings = TakeSettings.render(takeDir);
        int rate;
        try (SoundFileReader first = SoundFileReader.open(tracks.tracks().get(0).file())) {
            rate = first.rateHz();
        }
        var last = RenderRecord.latestNormalisation(takeDir, settings.master(), rate);
        Normalisation n = last.orElse(Normalisation.of(settings.master(), rate, 0));
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
        take = takeDir;
        analysed = last.isPresent();
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

    /** Stops playback and frees the device. */
    @Override
    public synchronized void close() {
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
}
