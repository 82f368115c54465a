package org.taperoom.appliance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.device.AlsaDevices;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.DuplexProbe;
import org.taperoom.drivers.audio.DuplexReport;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.audio.DeviceInfo.Capabilities;

/** {@code taperoom devices}: the ALSA capture and playback devices with what each supports. */
final class DevicesCommand implements Command {
    @Override
    public String name() {
        return "devices";
    }

    @Override
    public String summary() {
        return "List ALSA capture and playback devices with their channels, rates and formats.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.toggle("json", "Print JSON (an array of devices) instead of a table; a device that captures and plays also gets 'duplex': whether its streams link, each stream's delay (snd_pcm_delay) and the round trip, at the configured rate and period."));
    }

    @Override
    public boolean readsConfig() {
        return true; // alsaConfig adds devices
    }

    @Override
    public int run(Args args) throws Exception {
        List<DeviceInfo> devices;
        Map<String, Map<String, Object>> duplex = new LinkedHashMap<>();
        Config config = args.config();
        try (AlsaBackend alsa = AlsaDevices.backend(config)) {
            devices = alsa.devices();
            if (args.has("json")) {
                for (DeviceInfo d : devices) {
                    duplex.put(d.name(), duplex(alsa, d, config.get(RecordingKeys.RATE_HZ), config.get(RecordingKeys.PERIOD_FRAMES),
                            config.get(RecordingKeys.BUFFER_PERIODS)));
                }
            }
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("json")) {
            System.out.println(json(devices, duplex));
        } else if (devices.isEmpty()) {
            System.out.println("no ALSA devices found (no sound card is plugged in, and alsaConfig defines none)");
        } else {
            System.out.print(table(devices));
        }
        return 0;
    }

    /**
     * A device that both captures and plays, opened for full duplex at the configured rate, period
     * and buffer: whether its streams link, each stream's {@code snd_pcm_delay} once both run, and
     * the round trip they add up to (what an uncalibrated overdub falls back to). Null for a
     * device that only goes one way; an error text when it would not run.
     */
    static Map<String, Object> duplex(AudioBackend backend, DeviceInfo d, int rateHz, int periodFrames, int bufferPeriods) {
        if (d.capture() == null || d.playback() == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        int channels = Math.max(Math.max(d.capture().minChannels(), d.playback().minChannels()),
                Math.min(2, Math.min(d.capture().maxChannels(), d.playback().maxChannels())));
        try {
            DuplexReport r = DuplexProbe.measure(backend, d.name(), new StreamConfig(channels, rateHz, periodFrames, bufferPeriods, null));
            m.put("linked", r.linked());
            m.put("note", r.note());
            m.put("rateHz", r.config().rateHz());
            m.put("periodFrames", r.config().periodFrames());
            m.put("bufferPeriods", r.config().bufferPeriods());
            m.put("captureDelayFrames", r.captureDelayFrames());
            m.put("playbackDelayFrames", r.playbackDelayFrames());
            m.put("roundTripFrames", r.roundTripFrames());
        } catch (AudioDeviceException | IllegalArgumentException e) {
            m.put("error", e.getMessage());
        }
        return m;
    }

    static String json(List<DeviceInfo> devices) throws Exception {
        return json(devices, Map.of());
    }

    static String json(List<DeviceInfo> devices, Map<String, Map<String, Object>> duplex) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DeviceInfo d : devices) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("longName", d.longName());
            m.put("capture", direction(d.capture()));
            m.put("playback", direction(d.playback()));
            if (duplex.containsKey(d.name())) m.put("duplex", duplex.get(d.name()));
            out.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    }

    private static Map<String, Object> direction(Capabilities c) {
        if (c == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minChannels", c.minChannels());
        m.put("maxChannels", c.maxChannels());
        m.put("ratesHz", c.ratesHz());
        m.put("formats", c.formats().stream().map(Enum::name).toList());
        return m;
    }

    /** One row per device and direction; a device that is busy or cannot open says so. */
    static String table(List<DeviceInfo> devices) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DEVICE", "DIRECTION", "CHANNELS", "RATES (Hz)", "FORMATS", "DESCRIPTION"});
        for (DeviceInfo d : devices) {
            if (d.capture() == null && d.playback() == null) {
                rows.add(new String[] {d.name(), "-", "-", "-", "-", d.longName() + " (busy or not openable now)"});
            }
            if (d.capture() != null) rows.add(row(d, "capture", d.capture()));
            if (d.playback() != null) rows.add(row(d, "playback", d.playback()));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                b.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String[] row(DeviceInfo d, String direction, Capabilities c) {
        String channels = c.minChannels() == c.maxChannels() ? Integer.toString(c.minChannels()) : c.minChannels() + "-" + c.maxChannels();
        return new String[] {d.name(), direction, channels,
                c.ratesHz().stream().map(String::valueOf).collect(Collectors.joining(",")),
                c.formats().stream().map(Enum::name).collect(Collectors.joining(",")), d.longName()};
    }
}
