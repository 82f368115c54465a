package org.taperoom.appliance.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSound;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.drivers.audio.AudioDeviceException;

/**
 * {@code taperoom metronome --device D [--bpm N] [--meter N/D] [--subdivisions S] [--level-db DB]
 * [--sound beep|wood|stick] [--seconds S]}: the metronome alone on an output, through the playback engine, until --seconds
 * have passed or Ctrl-C.
 */
final class MetronomeCommand implements Command {
    @Override
    public String name() {
        return "metronome";
    }

    @Override
    public String summary() {
        return "A metronome on an output device: tempo, meter (beat one accented), subdivisions, level, sound; until --seconds or Ctrl-C.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("device", "D", "The output: an ALSA PCM (e.g. hw:CARD=Interface or default) or sim."),
                Flag.value("bpm", "N", "Beats a minute, 20–300 (default 120; decimals allowed)."),
                Flag.value("meter", "N/D", "The time signature; N beats to the bar, the first accented (default 4/4)."),
                Flag.value("subdivisions", "S", "Ticks a beat, 1–4 (default 1: beats only)."),
                Flag.value("level-db", "DB", "Peak level of the accent in dBFS, -60 to 0 (default -12); other beats 6 dB lower."),
                Flag.value("sound", "NAME", "What the click sounds like: beep (sine), wood (a woodblock) or stick (a crack of noise); default beep."),
                Flag.value("seconds", "S", "Stop after S seconds (default: until Ctrl-C or SIGTERM)."),
                Flag.value("rate", "HZ", "Sample rate of the output (default 48000)."),
                Flag.value("period", "FRAMES", "Frames per period of the output (default 256)."));
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positionals().isEmpty()) throw new UsageException("'metronome' takes no positional arguments; use --device D --bpm N");
        String device = args.string("device", null);
        if (device == null) throw new UsageException("--device D is required (an ALSA playback device, or sim; see 'taperoom devices')");
        double bpm = args.decimal("bpm", 120, ClickSettings.MIN_BPM, ClickSettings.MAX_BPM);
        int beats = meterBeats(args.string("meter", "4/4"));
        int subdivisions = (int) args.integer("subdivisions", 1, 1, ClickSettings.MAX_SUBDIVISIONS);
        double levelDb = args.decimal("level-db", -12, ClickSettings.MIN_LEVEL_DB, 0);
        ClickSound sound;
        try {
            sound = ClickSound.parse(args.string("sound", ClickSound.BEEP.id()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sound: " + e.getMessage());
        }
        double seconds = args.decimal("seconds", 0, 0, 7 * 24 * 3600);
        int rate = (int) args.integer("rate", 48000, 8000, 384000);
        int period = (int) args.integer("period", 256, 16, 8192);
        ClickSettings click = new ClickSettings(bpm, beats, subdivisions, levelDb, sound);
        PlaybackService playback;
        try {
            playback = new PlaybackService(DeviceBackends.forDevice(device), device, period, 4, rate);
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "taperoom-metronome-stop");
        try (playback) {
            try {
                playback.startMetronome(click);
            } catch (AudioDeviceException e) {
                throw new UsageException(e.getMessage());
            }
            System.err.printf("metronome: %s BPM, %d/%s, %d tick%s a beat, %.1f dBFS, %s, on %s%n", trim(bpm), beats,
                    args.string("meter", "4/4").split("/")[1], subdivisions, subdivisions == 1 ? "" : "s", levelDb, sound.id(), device);
            Runtime.getRuntime().addShutdownHook(hook);
            if (seconds > 0) stop.await((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
            else stop.await();
            long periods = playback.metronomeAlonePeriods();
            System.out.printf("played %.1f s of metronome on %s%n", periods * (double) period / rate, device);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException notThere) {
                // shutting down, or never added
            }
        }
        return 0;
    }

    /** The beats to the bar of {@code N/D}: N from 1 to 16, D a power of two up to 16. */
    static int meterBeats(String meter) throws UsageException {
        String[] parts = meter.split("/", -1);
        try {
            if (parts.length == 2) {
                int n = Integer.parseInt(parts[0].trim());
                int d = Integer.parseInt(parts[1].trim());
                if (n >= 1 && n <= ClickSettings.MAX_BEATS_PER_BAR && (d == 1 || d == 2 || d == 4 || d == 8 || d == 16)) return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException("--meter " + meter + ": expected N/D with N from 1 to 16 and D one of 1, 2, 4, 8, 16 (for example 3/4 or 6/8)");
    }

    private static String trim(double bpm) {
        return bpm == Math.rint(bpm) ? Long.toString((long) bpm) : Double.toString(bpm);
    }
}
