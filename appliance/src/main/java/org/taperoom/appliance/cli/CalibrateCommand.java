package org.taperoom.appliance.cli;

import java.util.List;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.song.Calibrations;
import org.taperoom.appliance.song.LatencyProbe;
import org.taperoom.appliance.song.SongException;
import org.taperoom.drivers.audio.AudioDeviceException;

/**
 * {@code taperoom calibrate --device D [--output N --input M] [--json]}: measures the round trip
 * through a loopback and stores it in the library for this device, rate, period and buffer.
 */
final class CalibrateCommand implements Command {
    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public String summary() {
        return "Measures a device's round-trip latency through a loopback cable (an MLS, cross-correlated to the sample) and stores it for overdubs.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("output", "N", "The output the cable leaves from (default 1)."),
                Flag.value("input", "M", "The input it comes back to (default 1)."),
                Flag.value("repeats", "K", "Measurements to take (default 5); the spread says how far they disagree."),
                Flag.toggle("json", "Print the result as JSON."));
    }

    @Override
    public boolean readsConfig() {
        return true;
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positionals().isEmpty()) throw new UsageException("'calibrate' takes no positional arguments");
        Config c = args.config();
        String device = c.get(RecordingKeys.DEVICE);
        int rate = c.get(RecordingKeys.RATE_HZ);
        int period = c.get(RecordingKeys.PERIOD_FRAMES);
        int buffer = c.get(RecordingKeys.BUFFER_PERIODS);
        int output = (int) args.integer("output", 1, 1, 64);
        int input = (int) args.integer("input", 1, 1, 64);
        int repeats = (int) args.integer("repeats", 5, 1, 50);
        LatencyProbe.Measurement m;
        try {
            m = LatencyProbe.measure(DeviceBackends.forDevice(c), device, rate, period, buffer, output, input,
                    c.get(RecordingKeys.CHANNELS), repeats,
                    LatencyProbe.searchWindowFrames(rate, period, buffer));
        } catch (EngineException | AudioDeviceException | SongException e) {
            throw new UsageException(e.getMessage());
        }
        new Calibrations(c.get(RecordingKeys.LIBRARY)).store(device, rate, period, buffer, m);
        if (args.has("json")) {
            System.out.printf("{\"device\": \"%s\", \"rate_hz\": %d, \"period_frames\": %d, \"buffer_periods\": %d, \"round_trip_frames\": %d, "
                            + "\"spread_frames\": %d, \"each_frames\": %s, \"peak_to_side_db\": %.1f}%n", device.replace("\"", "\\\""), rate, period,
                    buffer, m.roundTripFrames(), m.spreadFrames(), m.eachFrames(), m.peakToSideDb());
        } else {
            System.out.printf("round trip %d frames (%.3f ms) at %d Hz, period %d x %d; spread %d frames over %d measurements; peak %.1f dB above the rest%n",
                    m.roundTripFrames(), m.roundTripFrames() * 1000.0 / rate, rate, period, buffer, m.spreadFrames(), repeats, m.peakToSideDb());
        }
        return 0;
    }
}
