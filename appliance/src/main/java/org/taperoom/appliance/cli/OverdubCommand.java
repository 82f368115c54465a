package org.taperoom.appliance.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSound;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.song.Overdub;
import org.taperoom.appliance.song.PassCue;
import org.taperoom.appliance.song.RoundTrip;
import org.taperoom.appliance.song.RoundTrips;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;

/**
 * {@code taperoom overdub --library DIR --song ID --inputs 1,2 --seconds S [--device D]
 * [--punch-in S --punch-out S [--loop [--cycles N]]] [--click] [--count-in BARS] [--click-level-db DB]
 * [--click-sound beep|wood|stick]}: plays the song while the armed inputs
 * record a new pass, placed where it was played along to (punched: exactly the punch region;
 * looped: one pass per cycle); prints the pass's take folder last.
 */
final class OverdubCommand implements Command {
    @Override
    public String name() {
        return "overdub";
    }

    @Override
    public String summary() {
        return "Records a pass into a song while the song plays; the pass lands on the frame it was played to; prints its take folder last.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("song", "ID", "The song to play along to (see 'taperoom song list')."),
                Flag.value("inputs", "LIST", "The armed inputs, 1-based, joined by commas (e.g. 1,2)."),
                Flag.value("lanes", "LIST", "Lane names for the inputs, joined by commas (default in<N>); an existing lane gets a new pass."),
                Flag.value("seconds", "S", "Seconds of the song to record over."),
                Flag.value("from", "S", "Start this many seconds into the song (default 0; with a punch, 2 s before the punch-in: the pre-roll)."),
                Flag.value("punch-in", "S", "Record only from this song position in seconds (with --punch-out); what plays before it is heard, not recorded."),
                Flag.value("punch-out", "S", "Stop recording at this song position in seconds; the pass is exactly punch-in to punch-out."),
                Flag.toggle("loop", "Loop the punch region and record each cycle as a pass of its own (the last one active)."),
                Flag.value("cycles", "N", "With --loop: how many cycles to record (default 4)."),
                Flag.toggle("click", "Play the click from the song's tempo and time signature on the monitor outputs (monitorOutputs); never recorded."),
                Flag.value("count-in", "BARS", "Count in 0 to 4 bars of click before the first recorded frame, which lands on a bar line (default 0)."),
                Flag.value("click-level-db", "DB", "Peak of the click's accent in dBFS, -60 to 0 (default -12); other beats 6 dB lower."),
                Flag.value("click-sound", "NAME", "What the click and count-in sound like: beep, wood or stick (default beep)."));
    }

    @Override
    public boolean readsConfig() {
        return true;
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positionals().isEmpty()) throw new UsageException("'overdub' takes no positional arguments");
        Config config = args.config();
        String songId = args.string("song", null);
        if (songId == null) throw new UsageException("--song ID is required (see 'taperoom song list --library DIR')");
        boolean punched = args.has("punch-in") || args.has("punch-out");
        if (punched && !(args.has("punch-in") && args.has("punch-out"))) {
            throw new UsageException("--punch-in S and --punch-out S go together (song positions in seconds)");
        }
        if (args.has("loop") && !punched) throw new UsageException("--loop needs the region to loop: --punch-in S --punch-out S");
        if (args.has("cycles") && !args.has("loop")) throw new UsageException("--cycles N goes with --loop");
        if (!punched && !args.has("seconds")) throw new UsageException("--seconds S is required: how much of the song to record over");
        double seconds = args.decimal("seconds", 0, 0.001, 24 * 3600);
        int rate = config.get(RecordingKeys.RATE_HZ);
        long punchIn = punched ? Math.round(args.decimal("punch-in", 0, 0, 24 * 3600) * rate) : -1;
        long punchOut = punched ? Math.round(args.decimal("punch-out", 0, 0, 24 * 3600) * rate) : -1;
        if (punched && punchOut <= punchIn) throw new UsageException("--punch-out must come after --punch-in");
        int cycles = args.has("loop") ? (int) args.integer("cycles", 4, 1, 1000) : 0;
        PassCue cue;
        try {
            cue = new PassCue(args.has("click"), (int) args.integer("count-in", 0, 0, PassCue.MAX_COUNT_IN_BARS),
                    args.decimal("click-level-db", ClickSettings.DEFAULT.levelDb(), ClickSettings.MIN_LEVEL_DB, 0),
                    ClickSound.parse(args.string("click-sound", ClickSettings.DEFAULT.sound().id())));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--click-sound: " + e.getMessage());
        }
        double from = args.decimal("from", punched ? Math.max(0, punchIn / (double) rate - 2) : 0, 0, 24 * 3600);
        if (punched && Math.round(from * rate) > punchIn) throw new UsageException("--from must be at or before --punch-in (the pre-roll plays before it)");
        List<Integer> inputs = new ArrayList<>();
        String list = args.string("inputs", null);
        if (list == null) throw new UsageException("--inputs LIST is required (the armed inputs, e.g. 1,2)");
        for (String s : list.split(",")) {
            try {
                inputs.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--inputs: '" + s + "' is not an input number; give e.g. 1,2");
            }
        }
        List<String> lanes = args.has("lanes") ? List.of(args.string("lanes", "").split(",")) : List.of();
        String device = config.get(RecordingKeys.DEVICE);
        AudioBackend backend;
        try {
            backend = DeviceBackends.forDevice(config);
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        boolean clockless = Overdub.clockless(device);
        SongLibrary songs = new SongLibrary(config.get(RecordingKeys.LIBRARY));
        RoundTrip roundTrip = RoundTrips.forDevice(songs.library(), device, config.get(RecordingKeys.RATE_HZ),
                config.get(RecordingKeys.PERIOD_FRAMES), config.get(RecordingKeys.BUFFER_PERIODS));
        Overdub.Result r;
        try {
            MonitorRouting monitor = RecordingSetup.monitorRouting(config);
            r = new Overdub(songs, RecordingSetup.engineSettings(config), backend, clockless, monitor).record(new Overdub.Request(songId, inputs, lanes, seconds, from, punchIn, punchOut, cycles, cue), roundTrip);
        } catch (SongException | NoSuchElementException | EngineException | AudioDeviceException | IllegalArgumentException | ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        System.err.println("round trip: " + roundTrip.frames() + " frames (" + roundTrip.source() + ")");
        for (String w : r.warnings()) System.err.println("warning: " + w);
        System.out.printf("pass placed at song frame %d (take start %d - round trip %d - output start %d)%n", r.offsetFrames(),
                r.takeStartFrame(), r.roundTrip().frames(), r.outputStartFrame());
        if (r.cycles().size() > 1) {
            for (int i = 0; i < r.cycles().size() - 1; i++) System.out.println("cycle " + (i + 1) + ": " + r.cycles().get(i).folder());
        }
        System.out.println(r.take().folder());
        return 0;
    }
}
