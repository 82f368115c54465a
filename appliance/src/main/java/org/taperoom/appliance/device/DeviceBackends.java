package org.taperoom.appliance.device;

import java.util.ServiceLoader;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.sim.SimBackend;

/**
 * Which {@link AudioBackend} opens a device name: {@code sim} (with or without options) is the
 * simulated interface; any other name goes to the first backend registered through
 * {@link ServiceLoader} (the ALSA driver registers itself there).
 */
public final class DeviceBackends {
    private DeviceBackends() {}

    /**
     * The backend for the configured device: the simulator for {@code sim}, else ALSA with the
     * configuration's alsaConfig devices and capture-thread priority.
     */
    public static AudioBackend forDevice(Config config) throws EngineException {
        String deviceName = config.get(RecordingKeys.DEVICE);
        if (SimBackend.handles(deviceName)) return new SimBackend();
        try {
            return AlsaDevices.backend(config);
        } catch (AudioDeviceException | ConfigException e) {
            throw new EngineException(e.getMessage());
        }
    }

    public static AudioBackend forDevice(String deviceName) throws EngineException {
        if (SimBackend.handles(deviceName)) return new SimBackend();
        for (AudioBackend b : ServiceLoader.load(AudioBackend.class)) {
            if (!(b instanceof SimBackend)) return b;
        }
        throw new EngineException("no driver for device '" + deviceName + "' in this build; use --device sim for the simulated interface");
    }
}
