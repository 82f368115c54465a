package org.taperoom.appliance.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.taperoom.appliance.config.AlsaKeys;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.alsa.AlsaNative;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.SampleFormat;

/** Makes the ALSA backend the configuration describes (extra PCM definitions, capture thread priority). */
public final class AlsaDevices {
    private AlsaDevices() {}

    /**
     * The caller owns the backend and closes it. An unreadable alsaConfig file is a configuration
     * error (the person named a wrong file), not a device failure.
     */
    public static AlsaBackend backend(Config config) throws AudioDeviceException, ConfigException {
        String file = config.get(AlsaKeys.ALSA_CONFIG);
        String text = null;
        if (!file.isEmpty()) {
            try {
                text = Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new ConfigException("alsaConfig " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
            }
        }
        String format = config.get(AlsaKeys.ALSA_FORMAT);
        AlsaNative lib;
        try {
            lib = AlsaNative.quiet();
        } catch (LinkageError e) {
            // No libasound.so.2 (a laptop without ALSA), or a 32-bit system: say so in one line.
            throw new AudioDeviceException("ALSA is not available here (" + e.getMessage() + "); use --device sim for the simulated interface");
        }
        return new AlsaBackend(lib, text, config.get(AlsaKeys.REALTIME_PRIORITY), format.equals("auto") ? null : SampleFormat.valueOf(format));
    }
}
