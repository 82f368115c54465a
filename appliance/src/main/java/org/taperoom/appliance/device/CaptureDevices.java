package org.taperoom.appliance.device;

import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.panel.CaptureDevice;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.sim.SimBackend;
import org.tinylog.Logger;

/**
 * The interfaces a person can record from, as the Settings page offers them: the simulated one,
 * then every ALSA device that captures (what {@code taperoom devices} lists). Where ALSA is not
 * available the list holds the simulator only.
 */
public final class CaptureDevices {
    private CaptureDevices() {}

    public static List<CaptureDevice> find(Config config) {
        List<DeviceInfo> found = new ArrayList<>(new SimBackend().devices());
        try (AlsaBackend alsa = AlsaDevices.backend(config)) {
            for (DeviceInfo d : alsa.devices()) if (d.capture() != null) found.add(d);
        } catch (AudioDeviceException | ConfigException e) {
            Logger.debug("no ALSA devices to offer: {}", e.getMessage());
        }
        List<CaptureDevice> out = new ArrayList<>();
        for (DeviceInfo d : found) {
            out.add(new CaptureDevice(d.name(), d.longName(), d.capture().minChannels(), d.capture().maxChannels(), d.capture().ratesHz()));
        }
        return out;
    }
}
