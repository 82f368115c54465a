package org.taperoom.appliance.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taperoom.appliance.config.AlsaKeys;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.alsa.AlsaMixer;
import org.taperoom.drivers.alsa.AlsaNative;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.sim.SimBackend;
import org.tinylog.Logger;

/**
 * Makes the ALSA backend the configuration describes (extra PCM definitions, capture thread
 * priority), and the input gain controls of the configured device's card.
 */
public final class AlsaDevices {
    private static final Pattern CARD_ID = Pattern.compile("(?:^|[:,])CARD=([^,]+)");
    private static final Pattern CARD_NUMBER = Pattern.compile("^(?:plug)?hw:([^,=]+)(?:,.*)?$");

    private AlsaDevices() {}

    /**
     * The capture volume controls of the card the configured device is on, for the encoder and the
     * panel's {@code gainDb}; {@link InputGain#NONE} (and one log line saying why) for the
     * simulator, a device name that names no card ({@code default}, a plugin), a card that cannot
     * be opened or one without capture volumes. The caller closes it.
     */
    public static InputGain inputGain(Config config) {
        String device = config.get(RecordingKeys.DEVICE);
        if (SimBackend.handles(device)) return InputGain.NONE;
        String card = cardOf(device);
        if (card == null) {
            Logger.info("input gain: device '{}' names no card (hw:CARD=..., plughw:N), so the panel and encoder have no gain control", device);
            return InputGain.NONE;
        }
        AlsaMixer mixer;
        try {
            mixer = AlsaMixer.open(AlsaNative.quiet(), card);
        } catch (AudioDeviceException | LinkageError e) {
            Logger.info("input gain: no mixer for {} ({})", card, e.getMessage());
            return InputGain.NONE;
        }
        List<InputGain.Control> volumes = mixer.controls().stream().filter(InputGain.Control::hasCaptureVolume).toList();
        if (volumes.isEmpty()) {
            mixer.close();
            Logger.info("input gain: {} has no capture volume control", card);
            return InputGain.NONE;
        }
        Logger.info("input gain: inputs 1 to {} turn {}'s capture volumes {}", volumes.size(), card,
                volumes.stream().map(InputGain.Control::id).toList());
        return mixer;
    }

    /** The mixer name of the card in an ALSA PCM name ({@code hw:CARD=UMC,DEV=0} gives {@code hw:CARD=UMC}), or null. */
    static String cardOf(String deviceName) {
        Matcher id = CARD_ID.matcher(deviceName);
        if (id.find()) return "hw:CARD=" + id.group(1);
        Matcher number = CARD_NUMBER.matcher(deviceName);
        return number.matches() ? "hw:" + number.group(1) : null;
    }

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
