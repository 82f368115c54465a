package org.taperoom.appliance.song;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.dsp.settings.OutputSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.playback.LoopRegion;
import org.taperoom.appliance.playback.ClickCue;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSource;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.playback.PlaybackStatus;
import org.taperoom.appliance.playback.Player;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.EngineSettings;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.DuplexStreams;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;

/**
 * Records one pass over a song: the song's active lanes play through the playback engine (its
 * mix, as a monitor feed: {@link Player#openMonitor}) while the recording engine records the
 * armed inputs as an ordinary take; the take's tracks become new passes of the song, placed at
 * the song frame the musician heard.
 *
 * <p>Where a pass goes, from the streams' own frame counters, not from clocks: the playback
 * thread reports the output frame {@code o0} at which song frame {@code s0} (where play started)
 * was written; the round trip {@code R} maps output frame t to input frame t + R; the take's
 * first sample is capture ring frame {@code i0} (take.json's {@code startFrame}), which is the
 * input frame as long as no frames were lost before it. So take frame k was played along to
 * song frame {@code s0 + (i0 + k - R) - o0}, and the pass's offset is {@code s0 + i0 - R - o0}.
 * Both streams must count from one start: they are opened as one full-duplex pair, linked where
 * the device allows ({@code snd_pcm_link}; the simulator's loopback counts so by construction);
 * where linking is refused the pass says so in its warnings.
 *
 * <p>Frames the capture lost during the pass (overruns) shift what follows; the pass keeps the
 * take's overrun records and the result names them, never silently.
 */
public final class Overdub {
    /**
     * What the pass asks for. Punched ({@code punchInFrame >= 0}): playback starts at
     * {@code fromSeconds} (the pre-roll, heard, not recorded) and the pass holds exactly song
     * frames [punchInFrame, punchOutFrame). Looped ({@code loopCycles > 0}, punched): the punch
     * region plays {@code loopCycles} times without a gap and each cycle becomes a pass of its own,
     * the last one active. {@code seconds} is the length of a plain pass. {@code cue}: the click and
     * count-in heard on the monitor pair (never recorded). {@code takeSource} is what the pass's
     * take.json names as its source (whose take it is).
     */
    public record Request(String songId, List<Integer> inputs, List<String> laneNames, double seconds, double fromSeconds,
                          long punchInFrame, long punchOutFrame, int loopCycles, PassCue cue, String takeSource) {
        public static final String OVERDUB_SOURCE = "overdub";

        public Request {
            inputs = List.copyOf(inputs);
            laneNames = List.copyOf(laneNames);
            if (cue == null) cue = PassCue.NONE;
            if (takeSource == null || takeSource.isEmpty()) takeSource = OVERDUB_SOURCE;
        }

        public Request(String songId, List<Integer> inputs, List<String> laneNames, double seconds, double fromSeconds,
                       long punchInFrame, long punchOutFrame, int loopCycles, PassCue cue) {
            this(songId, inputs, laneNames, seconds, fromSeconds, punchInFrame, punchOutFrame, loopCycles, cue, OVERDUB_SOURCE);
        }

        public Request(String songId, List<Integer> inputs, List<String> laneNames, double seconds, double fromSeconds,
                       long punchInFrame, long punchOutFrame, int loopCycles, String takeSource) {
            this(songId, inputs, laneNames, seconds, fromSeconds, punchInFrame, punchOutFrame, loopCycles, PassCue.NONE, takeSource);
        }

        public Request(String songId, List<Integer> inputs, List<String> laneNames, double seconds, double fromSeconds,
                       long punchInFrame, long punchOutFrame, int loopCycles) {
            this(songId, inputs, laneNames, seconds, fromSeconds, punchInFrame, punchOutFrame, loopCycles, PassCue.NONE, OVERDUB_SOURCE);
        }

        /** A plain pass of {@code seconds} from {@code fromSeconds}. */
        public Request(String songId, List<Integer> inputs, List<String> laneNames, double seconds, double fromSeconds) {
            this(songId, inputs, laneNames, seconds, fromSeconds, -1, -1, 0);
        }

        public boolean punched() {
            return punchInFrame >= 0;
        }
    }

    /** The pass recorded (the last, for a loop: {@code cycles} holds every cycle's take in order). */
    /** ({@code monitorMissedFrames}: input frames the monitor mix left out because the capture had not delivered them in time.) */
    public record Result(TakeRef take, Song song, long offsetFrames, RoundTrip roundTrip, long outputStartFrame,
                         long takeStartFrame, List<String> warnings, List<TakeRef> cycles, long monitorMissedFrames) {
        public Result {
            warnings = List.copyOf(warnings);
            cycles = List.copyOf(cycles);
        }
    }

    private final SongLibrary songs;
    private final EngineSettings settings;
    private final AudioBackend backend;
    private final boolean clockless;
    private final MonitorRouting monitor;
    /** Set by {@link #stop} (any thread), read by the thread in {@link #record}. */
    private volatile boolean stopRequested;

    /**
     * @param settings  the recording engine's settings (device, rate, period, buffer, library); the pass has no pre-roll
     * @param backend   the backend of the device; capture and playback open on it
     * @param clockless the device is unpaced (the simulator's {@code unpaced}): playback waits for the reader
     */
    public Overdub(SongLibrary songs, EngineSettings settings, AudioBackend backend, boolean clockless) {
        this(songs, settings, backend, clockless, MonitorRouting.OFF);
    }

    /** With the live inputs of {@code monitor} heard on outputs 1-2 beside the song (none: off). */
    public Overdub(SongLibrary songs, EngineSettings settings, AudioBackend backend, boolean clockless, MonitorMix monitor) {
        this(songs, settings, backend, clockless, new MonitorRouting(monitor.on(), MonitorOutputs.MAIN, monitor));
    }

    /**
     * @param monitor the monitor pair (the song, the click and, when on, the live inputs are heard there)
     */
    public Overdub(SongLibrary songs, EngineSettings settings, AudioBackend backend, boolean clockless, MonitorRouting monitor) {
        this.monitor = monitor;
        this.songs = songs;
        EngineSettings s = settings;
        this.settings = new EngineSettings(s.device(), s.channels(), s.rateHz(), s.format(), s.library(), s.periodFrames(),
                s.bufferPeriods(), s.ringSeconds(), 0.0, s.ringMemoryBytes(), s.fsyncIntervalMillis(), s.minFreeMinutes(),
                s.rf64ThresholdBytes(), s.fillOverrunGaps(), s.timecode(), s.project());
        this.backend = backend;
        this.clockless = clockless;
    }

    /** Whether {@code device} is the simulator without a clock ({@code sim:...,unpaced}): then playback waits for the reader. */
    public static boolean clockless(String device) {
        return SimBackend.handles(device) && device.matches("sim:(.*,)?unpaced(,.*)?");
    }

    public Result record(Request r, RoundTrip roundTrip) throws IOException, SongException, EngineException, AudioDeviceException {
        Song song = songs.load(r.songId());
        int rate = settings.rateHz();
        if (song.rateHz() != rate) {
            throw new SongException("song " + song.id() + " is at " + song.rateHz() + " Hz but the device is set to " + rate + " Hz; use --rate " + song.rateHz());
        }
        if (r.inputs().isEmpty()) throw new SongException("arm at least one input (--inputs 1,2)");
        List<String> lanes = laneNames(r, song);
        SongArrangement arrangement = SongArrangement.of(song, songs.library());
        List<String> warnings = new ArrayList<>(arrangement.missing());
        long fromFrame = Math.round(r.fromSeconds() * rate);
        long passFrames = Math.round(r.seconds() * rate);
        if (r.punched()) {
            checkPunch(r, fromFrame);
            passFrames = r.punchOutFrame() - fromFrame;
        }
        CueTiming timing = CueTiming.of(song, r, fromFrame, rate);

        DuplexStreams pair = openPair();
        if (!pair.linked()) warnings.add(pair.note());
        PlaybackStream out = pair.playback();
        Player player;
        try {
            // The feed runs on in silence past the song's end until the pass is over, so the output
            // keeps its clock for the input (an output that stops leaves the input waiting).
            double tailSeconds = (fromFrame + passFrames + roundTrip.frames() + 4L * settings.periodFrames()) / (double) rate;
            RenderSettings monitor = arrangement.settings(RenderSettings.DEFAULT)
                    .withOutput(new OutputSettings(OutputSettings.DEFAULT.sampleFormat(), OutputSettings.DEFAULT.quality(), tailSeconds));
            player = Player.openMonitor(arrangement.tracks(), monitor, out, clockless);
            player.route(this.monitor.outputs());
        } catch (SettingsException e) {
            pair.close();
            throw new SongException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        RecordingEngine engine = new RecordingEngine(settings, new LinkedCapture(backend, pair.capture()));
        TakeRef take;
        long outputStart;
        Placement placed;
        try (player) {
            engine.start();
            try {
                startMonitor(player, engine, out);
                if (r.punched()) {
                    List<TakeRef> cycles = recordPunched(r, song, lanes, roundTrip, player, engine, timing);
                    gapWarning(player, warnings);
                    TakeRef last = cycles.get(cycles.size() - 1);
                    TakeInfo info = TakeJson.read(last.folder());
                    overrunWarnings(info, warnings);
                    return new Result(last, songs.load(song.id()), r.punchInFrame(), roundTrip, player.seekLandedDeviceFrame(),
                            info.startFrame, warnings, cycles, player.monitorMissedFrames());
                }
                if (r.cue().countInBars() > 0) {
                    Counted counted = recordCountedIn(r, song, lanes, roundTrip, player, engine, timing, passFrames);
                    take = counted.take();
                    outputStart = counted.outputStart();
                    placed = counted.placed();
                    gapWarning(player, warnings);
                    return finish(take, song, placed, roundTrip, outputStart, warnings, player.monitorMissedFrames());
                }
                take = engine.startTake(new TakeRequest(song.id() + "-pass", r.inputs(), lanes, r.takeSource()));
                player.play(timing.playFrom(), LoopRegion.NONE, timing.leadInFrames(), timing.cue());
                player.start();
                outputStart = awaitPlayStart(player);
                // Everything the placement needs is known now: the song names the pass before the
                // bulk of it is recorded, so a pass cut short by a crash is recovered (as any take
                // is) already in its place.
                placed = place(song.id(), take, lanes, fromFrame - roundTrip.frames() - outputStart);
                long endInputFrame = outputStart + roundTrip.frames() + passFrames;
                while (engine.captureFrame() < endInputFrame && !stopRequested) {
                    if (engine.status().take() == null) throw new EngineException("the pass ended early: " + engine.status().lastError());
                    LockSupport.parkNanos(1_000_000L);
                }
                engine.stopTake();
                gapWarning(player, warnings);
            } finally {
                // The output first: an input waiting for output frames is released when it closes.
                player.close();
                engine.close();
            }
        }
        return finish(take, song, placed, roundTrip, outputStart, warnings, player.monitorMissedFrames());
    }

    private Result finish(TakeRef take, Song song, Placement placed, RoundTrip roundTrip, long outputStart, List<String> warnings,
                          long monitorMissed) throws IOException, SongException {
        TakeInfo info = TakeJson.read(take.folder());
        overrunWarnings(info, warnings);
        if (info.startFrame != placed.takeStartFrame()) throw new IllegalStateException("take.json's startFrame changed during the pass");
        return new Result(take, songs.load(song.id()), placed.offsetFrames(), roundTrip, outputStart, info.startFrame, warnings, List.of(take), monitorMissed);
    }

    /**
     * Where play starts for the pass's cue, and the click: the first recorded song frame
     * {@code firstFrame} (the plain pass's start, or the punch-in) is a bar line of the click, a
     * count-in's bars sound just before it (play starts that much earlier; before the song's
     * start, as silence: {@code leadInFrames}), and the click sounds from the earliest bar line
     * heard (click on) or for the count-in only (click off).
     *
     * @param startFrame the song frame (negative: in the lead-in) heard at play's first device frame
     */
    private record CueTiming(long firstFrame, long startFrame, ClickCue cue) {
        static CueTiming of(Song song, Request r, long fromFrame, int rate) throws SongException {
            long first = r.punched() ? r.punchInFrame() : fromFrame;
            PassCue c = r.cue();
            if (!c.any()) return new CueTiming(first, fromFrame, null);
            ClickSettings grid;
            try {
                grid = new ClickSettings(song.tempoBpm(), Integer.parseInt(song.timeSignature().split("/")[0]), 1, c.levelDb(), c.sound());
            } catch (IllegalArgumentException e) {
                throw new SongException("the song's click: " + e.getMessage());
            }
            int beatsPerBar = grid.beatsPerBar();
            long countIn = grid.beatFrame((long) c.countInBars() * beatsPerBar, rate);
            long start = r.punched() ? Math.min(fromFrame, first - countIn) : first - countIn;
            long heard = first - start;
            ClickSource click = new ClickSource(grid, rate);
            if (!c.click()) return new CueTiming(first, start, new ClickCue(click, heard - countIn, countIn));
            long bars = 0;
            while (grid.beatFrame((bars + 1) * beatsPerBar, rate) <= heard) bars++;
            return new CueTiming(first, start, new ClickCue(click, heard - grid.beatFrame(bars * beatsPerBar, rate), -1));
        }

        long playFrom() {
            return Math.max(0, startFrame);
        }

        long leadInFrames() {
            return playFrom() - startFrame;
        }
    }

    private record Counted(TakeRef take, long outputStart, Placement placed) {}

    /**
     * Keeps every frame the capture brings from now on until the pass knows its first frame: that
     * frame lies after the output's start, which is after now, but on an unpaced device the capture
     * may run far ahead while the player starts, and the writer would release the very frames the
     * pass must start at (seen in a loaded suite run: "cannot start a take at frame 7241: the ring
     * holds frames 23328 to 45952").
     */
    private static void holdFromNow(RecordingEngine engine) throws EngineException {
        engine.keepFrom(Math.max(0, engine.captureFrame()));
    }

    /**
     * A plain pass after a count-in: the take starts exactly on the input frame where the first
     * song frame's output frame comes back (the bar line after the count-in), and runs until its
     * length or a stop.
     */
    private Counted recordCountedIn(Request r, Song song, List<String> lanes, RoundTrip roundTrip, Player player, RecordingEngine engine,
                                    CueTiming timing, long passFrames) throws EngineException, IOException, SongException, AudioDeviceException {
        player.play(timing.playFrom(), LoopRegion.NONE, timing.leadInFrames(), timing.cue());
        holdFromNow(engine);
        player.start();
        long outputStart = awaitPlayStart(player);
        long at = outputStart + roundTrip.frames() + (timing.firstFrame() - timing.startFrame());
        engine.keepFrom(at);
        while (engine.captureFrame() < at) {
            if (player.status().problem() != null) throw new EngineException("the song stopped playing: " + player.status().problem());
            if (stopRequested) throw new EngineException("the pass was stopped during the count-in: nothing was recorded");
            LockSupport.parkNanos(200_000L);
        }
        TakeRef take = engine.startTakeAt(new TakeRequest(song.id() + "-pass", r.inputs(), lanes, r.takeSource()), at, passFrames, false);
        Placement placed = place(song.id(), take, lanes, timing.firstFrame() - at);
        while (engine.status().take() != null && !stopRequested) LockSupport.parkNanos(500_000L);
        if (engine.status().take() != null) engine.stopTake();
        return new Counted(take, outputStart, placed);
    }

    private static void overrunWarnings(TakeInfo info, List<String> warnings) {
        for (TakeInfo.Overrun o : info.overruns) {
            warnings.add(String.format("the capture lost frames at take frame %d (%s overrun): what follows it may be early by the frames lost", o.frame(), o.kind()));
        }
    }

    /**
     * What the song's playback did wrong during the pass. An underrun whose lost frames the
     * device reported was realigned (the song skipped what the gap took, see
     * {@link Player#openMonitor}): the pass stays in line, only the frames of the gap and the
     * period after it hold no song; one that lost no frames changed nothing. Anything else leaves
     * the pass in line only before the gap.
     */
    private static void gapWarning(Player player, List<String> warnings) {
        if (player.monitorMissedFrames() > 0) {
            warnings.add(String.format("the monitor left out %d input frame(s) the capture had not delivered in time (heard as silence; "
                    + "the pass itself is whole)", player.monitorMissedFrames()));
        }
        PlaybackStatus played = player.status();
        long unaligned = player.unalignedUnderruns();
        if (played.starvedPeriods() > 0 || unaligned > 0) {
            warnings.add(String.format("the song's playback gapped during the pass (%d underrun(s), %d of them not realigned, %d period(s) "
                    + "not read in time): the pass lines up with the song only before the first gap", played.underruns(), unaligned,
                    played.starvedPeriods()));
        } else if (player.realignedFrames() > 0) {
            warnings.add(String.format("the song's playback underran %d time(s) during the pass: %d frame(s) were played as silence and "
                    + "skipped in the song, so the pass stays in line with it (realigned by the streams' frame counters); "
                    + "around each gap the pass holds no song for the gap and one period", played.underruns(), player.realignedFrames()));
        }
    }

    private static void checkPunch(Request r, long fromFrame) throws SongException {
        if (r.punchOutFrame() <= r.punchInFrame()) {
            throw new SongException("punch-out (frame " + r.punchOutFrame() + ") must come after punch-in (frame " + r.punchInFrame() + ")");
        }
        if (fromFrame > r.punchInFrame()) {
            throw new SongException("playback must start at or before punch-in (from frame " + fromFrame + ", punch-in " + r.punchInFrame() + ")");
        }
        if (r.loopCycles() < 0) throw new SongException("loop cycles must be 1 or more, not " + r.loopCycles());
    }

    /**
     * Punch and loop passes: playback starts at {@code fromFrame} (the pre-roll, heard, not
     * recorded), looping the punch region when asked; each take starts exactly on the input frame
     * where the punch-in's output frame comes back ({@code o0 + R + (punchIn - from)}, plus a
     * region per cycle) and ends by itself after the region, so every pass sits at the punch-in.
     */
    private List<TakeRef> recordPunched(Request r, Song song, List<String> lanes, RoundTrip roundTrip, Player player,
                                        RecordingEngine engine, CueTiming timing) throws EngineException, IOException, SongException, AudioDeviceException {
        long regionFrames = r.punchOutFrame() - r.punchInFrame();
        int cycles = Math.max(1, r.loopCycles());
        player.play(timing.playFrom(), r.loopCycles() > 0 ? new LoopRegion(r.punchInFrame(), r.punchOutFrame()) : LoopRegion.NONE,
                timing.leadInFrames(), timing.cue());
        holdFromNow(engine);
        player.start();
        long outputStart = awaitPlayStart(player);
        long firstInputFrame = outputStart + roundTrip.frames() + (r.punchInFrame() - timing.startFrame());
        List<TakeRef> takes = new ArrayList<>();
        engine.keepFrom(firstInputFrame);
        for (int k = 0; k < cycles; k++) {
            long at = firstInputFrame + k * regionFrames;
            while (engine.captureFrame() < at) {
                if (player.status().problem() != null) throw new EngineException("the song stopped playing: " + player.status().problem());
                if (stopRequested) break;
                LockSupport.parkNanos(200_000L);
            }
            // A stop ends a loop after the cycle that runs (each cycle holds its whole region).
            if (stopRequested) {
                if (takes.isEmpty()) throw new EngineException("the pass was stopped before the punch-in: nothing was recorded");
                break;
            }
            String name = song.id() + (cycles > 1 ? "-loop" + (k + 1) : "-punch");
            TakeRef take = engine.startTakeAt(new TakeRequest(name, r.inputs(), lanes, r.takeSource()), at, regionFrames, k + 1 < cycles);
            place(song.id(), take, lanes, r.punchInFrame() - at);
            takes.add(take);
            while (engine.status().take() != null) LockSupport.parkNanos(500_000L);
        }
        return takes;
    }

    /**
     * The device's capture (the engine's channels, rate, period and buffer, in the files' format
     * where it has it) and a stereo playback, linked where the device allows.
     */
    private DuplexStreams openPair() throws AudioDeviceException, SongException {
        int outputs = monitor.channelsNeeded();
        checkOutputs(outputs);
        StreamConfig out = new StreamConfig(outputs, settings.rateHz(), settings.periodFrames(), settings.bufferPeriods(), null);
        StreamConfig in = new StreamConfig(settings.channels(), settings.rateHz(), settings.periodFrames(), settings.bufferPeriods(),
                settings.format().deviceFormat());
        try {
            return backend.openDuplex(settings.device(), in, out);
        } catch (AudioDeviceException e) {
            // The device may lack the files' format; let it pick its best, as the engine does.
            try {
                return backend.openDuplex(settings.device(), new StreamConfig(in.channels(), in.rateHz(), in.periodFrames(), in.bufferPeriods(), null), out);
            } catch (AudioDeviceException again) {
                if (outputs <= 2) throw again;
                throw new SongException("monitor outputs " + monitor.outputs() + ": device " + settings.device() + " does not open " + outputs
                        + " outputs (" + again.getMessage() + "); choose a pair it has");
            }
        }
    }

    /** The monitor pair against the outputs the device lists, where it lists itself. */
    private void checkOutputs(int outputs) throws SongException {
        if (outputs <= 2) return;
        try {
            for (var d : backend.devices()) {
                boolean same = d.name().equals(settings.device()) || SimBackend.handles(settings.device()) && d.name().equals(SimBackend.DEVICE_NAME);
                if (same && d.playback() != null && d.playback().maxChannels() < outputs) {
                    throw new SongException("monitor outputs " + monitor.outputs() + " do not exist: device " + settings.device() + " has outputs 1 to "
                            + d.playback().maxChannels());
                }
            }
        } catch (AudioDeviceException e) {
            // Not listed now: opening it says what is wrong.
        }
    }

    /**
     * The monitor mix, if on: the armed inputs' ring feeds the song's output, an output buffer
     * behind (the least that never waits on a paced device).
     */
    private void startMonitor(Player player, RecordingEngine engine, PlaybackStream out) throws SongException {
        if (!monitor.heard().on()) return;
        try {
            player.monitor(engine.captureRing(), monitor.heard(), monitorDelayFrames(out));
        } catch (IllegalArgumentException e) {
            throw new SongException(e.getMessage());
        }
    }

    /**
     * Output frame t carries input frame t minus this: what the output writes ahead of what is
     * heard, plus two periods (the capture delivers a frame up to a period after hearing it, and
     * the capture thread may run up to a period late). That is the monitor's whole addition to the
     * device's own latency: on a linked pair output frame t and input frame t are one instant.
     */
    public static long monitorDelayFrames(PlaybackStream out) {
        return out.writeAheadFrames() + 2L * out.config().periodFrames();
    }

    /**
     * Ends the pass being recorded before its {@code seconds} are up (the panel's and the front
     * panel's stop); what was recorded until now is the pass. A punched pass keeps its exact
     * region: a loop ends after the cycle that runs. Any thread; returns at once.
     */
    public void stop() {
        stopRequested = true;
    }

    private record Placement(long takeStartFrame, long offsetFrames) {}

    /**
     * Adds the take's tracks to the song as the active passes of {@code lanes}, at the take's
     * start frame plus {@code offsetFromTakeStart}, and saves it.
     */
    private Placement place(String songId, TakeRef take, List<String> lanes, long offsetFromTakeStart) throws IOException, SongException {
        TakeInfo info = TakeJson.read(take.folder());
        long offset = info.startFrame + offsetFromTakeStart;
        Song updated = songs.load(songId);
        for (int i = 0; i < lanes.size(); i++) {
            Pass pass = new Pass(take.id(), stemOf(info, i), offset);
            String lane = lanes.get(i);
            boolean exists = updated.lanes().stream().anyMatch(l -> l.name().equals(lane));
            updated = updated.withLane(exists ? updated.lane(lane).withNewPass(pass) : new Lane(lane, 0, List.of(pass)));
        }
        songs.save(updated);
        return new Placement(info.startFrame, offset);
    }

    /** The output frame at which play's first frame was written; waits for the playback thread to get there. */
    private static long awaitPlayStart(Player player) throws EngineException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (player.seekLandedDeviceFrame() < 0) {
            if (System.nanoTime() > deadline) throw new EngineException("the song did not start playing within 10 s");
            String problem = player.status().problem();
            if (problem != null) throw new EngineException("the song cannot play: " + problem);
            LockSupport.parkNanos(200_000L);
        }
        return player.seekLandedDeviceFrame();
    }

    private static String stemOf(TakeInfo info, int track) {
        String file = info.tracks.get(track).file();
        return file.endsWith(".wav") ? file.substring(0, file.length() - 4) : file;
    }

    /** Lane names for the armed inputs: as given, else {@code in<N>} (a new pass of that lane when it exists). */
    private static List<String> laneNames(Request r, Song song) throws SongException {
        if (!r.laneNames().isEmpty() && r.laneNames().size() != r.inputs().size()) {
            throw new SongException(r.inputs().size() + " input(s) armed but " + r.laneNames().size() + " lane name(s) given; give one per input");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.inputs().size(); i++) {
            String name = r.laneNames().isEmpty() ? "in" + r.inputs().get(i) : r.laneNames().get(i);
            if (name.isBlank() || out.contains(name)) throw new SongException("lane names must be distinct and not empty: " + r.laneNames());
            out.add(name);
        }
        return out;
    }
}
