package org.taperoom.appliance.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.device.AlsaDevices;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.service.ConfigFileEdit;
import org.taperoom.appliance.service.DefaultConfigFile;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.service.Service;

/**
 * {@code taperoom serve}: the appliance service that systemd starts (taperoom.service). Runs until
 * SIGTERM, which finalizes any take before the process exits.
 */
final class ServeCommand implements Command {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "Run the appliance: engine, control, GPIO and web panel; tells systemd when it is ready (what taperoom.service runs).";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.toggle("exit-when-ready", "Start everything, then stop and exit 0 (checks a configuration; trains the start-up archive)."),
                Flag.toggle("print-default-config", "Print the documented default configuration file and exit."),
                Flag.toggle("set-pin", "Read a new panel PIN (4 to 8 digits) from standard input, store its hash in the configuration file and exit."));
    }

    @Override
    public boolean readsConfig() {
        return true;
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.has("print-default-config")) {
            System.out.print(DefaultConfigFile.text());
            return 0;
        }
        if (args.has("set-pin")) return setPin(args);
        Config config = args.config();
        RecordingEngine engine;
        try {
            engine = RecordingSetup.engine(config);
        } catch (EngineException e) {
            throw new UsageException(RecordingKeys.DEVICE.name() + ": " + e.getMessage());
        }
        Service service = Appliance.start(config, engine, AlsaDevices.inputGain(config), args.configFile());
        service.panel().ifPresent(p -> System.out.println("taperoom: panel at " + p.url()));
        if (args.has("exit-when-ready")) {
            service.stop();
            return 0;
        }
        service.runUntilStopped();
        return 0;
    }

    /** First boot and forgotten PINs: the panel's Settings page needs a PIN to reach it. */
    private static int setPin(Args args) throws Exception {
        Path file = args.configFile() != null ? args.configFile() : Config.SYSTEM_FILE;
        String pin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (pin == null || !pin.strip().matches("[0-9]{4,8}")) {
            throw new UsageException("--set-pin reads the PIN from standard input: expected 4 to 8 digits on one line");
        }
        ConfigFileEdit.set(file, PanelKeys.PIN_HASH, PinHash.of(pin.strip()));
        System.out.println("taperoom: panel PIN set in " + file + "; restart the service to use it (systemctl restart taperoom)");
        return 0;
    }
}
