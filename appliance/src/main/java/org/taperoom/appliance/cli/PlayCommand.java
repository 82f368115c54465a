package org.taperoom.appliance.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.playback.PlaybackStatus;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.drivers.audio.AudioDeviceException;

/** {@code taperoom play --take DIR --device D [--from S] [--seconds S]}: a take through the mixer to an output. */
final class PlayCommand implements Command {
    @Override
    public String name() {
        return "play";
    }

    @Override
    public String summary() {
        return "Plays a take through its mix and master to an output device, as a render would write it.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("take", "DIR", "The take folder (holding NN-<track>.wav files); its mix.json and master.json apply."),
                Flag.value("device", "D", "The output: an ALSA PCM (e.g. hw:CARD=Interface or default) or sim."),
                Flag.value("from", "S", "Start this many seconds into the take (default 0)."),
                Flag.value("seconds", "S", "Stop after this many seconds (default: to the end of the take and its tail)."),
                Flag.value("period", "FRAMES", "Frames per period of the output (default 256)."),
                Flag.toggle("quiet", "No progress line."));
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positionals().isEmpty()) throw new UsageException("'play' takes no positional arguments; use --take DIR --device D");
        String takeDir = args.string("take", null);
        String device = args.string("device", null);
        if (takeDir == null) throw new UsageException("--take DIR is required (a take folder with NN-<track>.wav files)");
        if (device == null) throw new UsageException("--device D is required (an ALSA playback device, or sim; see 'taperoom devices')");
        double from = args.decimal("from", 0, 0, 86_400);
        double seconds = args.decimal("seconds", Double.POSITIVE_INFINITY, 0.001, Double.POSITIVE_INFINITY);
        int period = (int) args.integer("period", 256, 16, 8192);
        PlaybackService playback;
        try {
            playback = new PlaybackService(DeviceBackends.forDevice(device), device, period, 4);
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        boolean progress = !args.has("quiet") && Terminal.isStdout();
        try (playback) {
            PlaybackService.Now now;
            try {
                now = playback.play(Path.of(takeDir), from, null, null);
            } catch (SettingsException | IOException | AudioDeviceException e) {
                throw new UsageException(e.getMessage());
            }
            if (!now.analysed()) System.err.println("note: the take has no render yet, so no loudness normalisation is applied");
            int rate = now.status().rateHz();
            long stopFrame = Double.isInfinite(seconds) ? Long.MAX_VALUE : Math.round((from + seconds) * rate);
            PlaybackStatus s = now.status();
            while (true) {
                s = playback.now().status();
                if (progress) {
                    System.err.printf("\rplay: %s / %s  underruns %d ", clock(s.positionSeconds()), clock(s.lengthSeconds()), s.underruns());
                    System.err.flush();
                }
                if (s.problem() != null || s.ended() || s.positionFrame() >= stopFrame) break;
                Thread.sleep(100);
            }
            if (progress) System.err.print("\r" + " ".repeat(44) + "\r");
            if (s.problem() != null) {
                System.err.println("taperoom play: " + s.problem());
                return 1;
            }
            System.out.printf("played %s from %s to %s on %s (%d underruns)%n", Path.of(takeDir).getFileName(), clock(from),
                    clock(s.positionSeconds()), device, s.underruns());
            return 0;
        }
    }

    private static String clock(double seconds) {
        int whole = (int) seconds;
        return String.format("%02d:%02d.%d", whole / 60, whole % 60, (int) ((seconds - whole) * 10));
    }
}
