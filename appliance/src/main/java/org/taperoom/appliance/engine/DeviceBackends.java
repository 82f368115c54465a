package org.taperoom.appliance.engine;

import java.util.ServiceLoader;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.sim.SimBackend;

/**
 * Which {@link AudioBackend} opens a device name: {@code sim} (with or without options) is the
 * simulated interface; any other name goes to the first backend registered through
 * {@link ServiceLoader} (the ALSA driver registers itself there).
 */
public final class DeviceBackends {
    private DeviceBackends() {}

    public static AudioBackend forDevice(String deviceName) throws EngineException {
        if (SimBackend.handles(deviceName)) return new SimBackend();
        for (AudioBackend b : ServiceLoader.load(AudioBackend.class)) {
            if (!(b instanceof SimBackend)) return b;
        }
        throw new EngineException("no driver for device '" + deviceName + "' in this build; use --device sim for the simulated interface");
    }
}
