package org.taperoom.appliance.song;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.dsp.settings.OutputSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.playback.LoopRegion;
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
 * Both streams must count from one start (a linked full-duplex device; the simulator's
 * loopback counts so by construction).
 *
 * <p>Frames the capture lost during the pass (overruns) shift what follows; the pass keeps the
 * take's overrun records and the result names them, never silently.
 */
public final class Overdub {
    /** What the pass asks for. */
    public record Request(String songId, List<Integer> inputs, List<String> laneNames, double seconds, double fromSeconds) {
        public Request {
            inputs = List.copyOf(inputs);
            laneNames = List.copyOf(laneNames);
        }
    }

    /** The pass recorded: its take, where it sits, and how that was worked out. */
    public record Result(TakeRef take, Song song, long offsetFrames, RoundTrip roundTrip, long outputStartFrame,
                         long takeStartFrame, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private final SongLibrary songs;
    private final EngineSettings settings;
    private final AudioBackend backend;
    private final boolean clockless;
    /** Set by {@link #stop} (any thread), read by the thread in {@link #record}. */
    private volatile boolean stopRequested;

    /**
     * @param settings  the recording engine's settings (device, rate, period, buffer, library); the pass has no pre-roll
     * @param backend   the backend of the device; capture and playback open on it
     * @param clockless the device is unpaced (the simulator's {@code unpaced}): playback waits for the reader
     */
    public Overdub(SongLibrary songs, EngineSettings settings, AudioBackend backend, boolean clockless) {
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

        String device = settings.device();
        PlaybackStream out = backend.openPlayback(device, new StreamConfig(2, rate, settings.periodFrames(),
                settings.bufferPeriods(), null));
        Player player;
        try {
            // The feed runs on in silence past the song's end until the pass is over, so the output
            // keeps its clock for the input (an output that stops leaves the input waiting).
            double tailSeconds = (fromFrame + passFrames + roundTrip.frames() + 4L * settings.periodFrames()) / (double) rate;
            RenderSettings monitor = arrangement.settings(RenderSettings.DEFAULT)
                    .withOutput(new OutputSettings(OutputSettings.DEFAULT.sampleFormat(), OutputSettings.DEFAULT.quality(), tailSeconds));
            player = Player.openMonitor(arrangement.tracks(), monitor, out, clockless);
        } catch (SettingsException e) {
            out.close();
            throw new SongException(e.getMessage());
        }
        RecordingEngine engine = new RecordingEngine(settings, backend);
        TakeRef take;
        long outputStart;
        Placement placed;
        try (player) {
            engine.start();
            try {
                take = engine.startTake(new TakeRequest(song.id() + "-pass", r.inputs(), lanes, "overdub"));
                player.play(fromFrame, LoopRegion.NONE);
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
                PlaybackStatus played = player.status();
                if (played.underruns() > 0 || played.starvedPeriods() > 0) {
                    warnings.add(String.format("the song's playback gapped during the pass (%d underrun(s), %d period(s) not read in time): "
                            + "the pass lines up with the song only before the first gap", played.underruns(), played.starvedPeriods()));
                }
            } finally {
                // The output first: an input waiting for output frames is released when it closes.
                player.close();
                engine.close();
            }
        }
        TakeInfo info = TakeJson.read(take.folder());
        for (TakeInfo.Overrun o : info.overruns) {
            warnings.add(String.format("the capture lost frames at take frame %d (%s overrun): what follows it may be early by the frames lost", o.frame(), o.kind()));
        }
        if (info.startFrame != placed.takeStartFrame()) throw new IllegalStateException("take.json's startFrame changed during the pass");
        return new Result(take, songs.load(song.id()), placed.offsetFrames(), roundTrip, outputStart, info.startFrame, warnings);
    }

    /**
     * Ends the pass being recorded before its {@code seconds} are up (the panel's and the front
     * panel's stop); what was recorded until now is the pass. Any thread; returns at once.
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
