package org.taperoom.appliance.dsp.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;

/**
 * A take's own mix and master settings: {@code mix.json} and {@code master.json} beside take.json
 * (schemas on {@link MixSettings} and {@link MasterSettings}). Missing files mean defaults.
 */
public final class TakeSettings {
    public static final String MIX_FILE = "mix.json";
    public static final String MASTER_FILE = "master.json";

    private TakeSettings() {}

    public static MixSettings mix(Path take) throws IOException, SettingsException {
        Path f = take.resolve(MIX_FILE);
        if (!Files.isRegularFile(f)) return MixSettings.DEFAULT;
        try {
            return RenderSettings.parseMix(Files.readString(f));
        } catch (SettingsException e) {
            throw new SettingsException(MIX_FILE + ": " + e.getMessage());
        }
    }

    public static MasterSettings master(Path take) throws IOException, SettingsException {
        Path f = take.resolve(MASTER_FILE);
        if (!Files.isRegularFile(f)) return MasterSettings.DEFAULT;
        try {
            return RenderSettings.parseMaster(Files.readString(f));
        } catch (SettingsException e) {
            throw new SettingsException(MASTER_FILE + ": " + e.getMessage());
        }
    }

    /** Validates {@code json} as the take's mix (also against its tracks) and stores it. */
    public static MixSettings putMix(Path take, String json) throws IOException, SettingsException {
        MixSettings m = RenderSettings.parseMix(json);
        TakeTracks.find(take).check(m);
        replace(take.resolve(MIX_FILE), RenderSettings.mixJson(m));
        return m;
    }

    public static MasterSettings putMaster(Path take, String json) throws IOException, SettingsException {
        MasterSettings m = RenderSettings.parseMaster(json);
        replace(take.resolve(MASTER_FILE), RenderSettings.masterJson(m));
        return m;
    }

    /** The take's stored settings as one render document. */
    public static RenderSettings render(Path take) throws IOException, SettingsException {
        return RenderSettings.DEFAULT.withMix(mix(take)).withMaster(master(take));
    }

    static void replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
