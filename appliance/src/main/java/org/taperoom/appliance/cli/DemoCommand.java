package org.taperoom.appliance.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.ControlService;
import org.taperoom.appliance.control.InputGain;
import org.taperoom.appliance.panel.Panel;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.panel.PanelProvider;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.appliance.engine.EngineException;
import org.taperoom.appliance.engine.MeterSnapshot;
import org.taperoom.appliance.engine.RecorderListener;
import org.taperoom.appliance.engine.RecordingEngine;
import org.taperoom.appliance.engine.TakeRef;
import org.taperoom.appliance.engine.TakeRequest;
import org.taperoom.drivers.sim.SimBackend;
import org.tinylog.Logger;

/**
 * {@code taperoom demo}: the engine on the simulated interface with a console view of the meters.
 * Keys (then Enter): r starts or stops a take, m drops a marker, q quits. Runs on a fresh temporary
 * library unless one is configured.
 *
 * <p>The web panel joins in {@link #startViews}: {@code PanelProvider.find()} started with the
 * engine and the control state machine; it prints the panel's URL and PIN.
 */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Run the appliance on the simulated interface (console meters; r+Enter records/stops, m+Enter marks, q+Enter quits).";
    }

    @Override
    public List<Flag> flags() {
        List<Flag> f = new ArrayList<>(SimFlags.FLAGS);
        f.add(Flag.toggle("no-console", "Do not draw the console meter view (print status lines instead)."));
        f.add(Flag.value("port", "N", "TCP port of the web panel (default 8080; 0 picks a free one)."));
        f.add(Flag.value("pin", "PIN", "The web panel's PIN (default: a random 6-digit PIN, printed with the URL)."));
        return f;
    }

    @Override
    public boolean readsConfig() {
        return true;
    }

    @Override
    public int run(Args args) throws Exception {
        Config config = args.config();
        if (config.get(RecordingKeys.LIBRARY).equals(RecordingKeys.LIBRARY.defaultValue())) {
            Path tmp = Files.createTempDirectory("taperoom-demo-");
            config = config.with(RecordingKeys.LIBRARY, tmp);
        }
        if (!SimBackend.handles(config.get(RecordingKeys.DEVICE))) config = config.with(RecordingKeys.DEVICE, "sim");
        SimBackend sim = new SimBackend(SimFlags.options(args, config.get(RecordingKeys.DEVICE), true));
        RecordingEngine engine = new RecordingEngine(config, sim);
        engine.addListener(new RecorderListener() {
            @Override
            public void takeEnded(TakeRef take, EndReason reason, String detail) {
                System.out.println("take " + take.folder() + (detail.isEmpty() ? "" : " (" + detail + ")"));
            }
        });
        try {
            engine.start();
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch quit = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "taperoom-demo-stop"));
        System.out.println("Taperoom demo: " + config.get(RecordingKeys.CHANNELS) + " simulated inputs at "
                + config.get(RecordingKeys.RATE_HZ) + " Hz, library " + config.get(RecordingKeys.LIBRARY));
        AutoCloseable views = startViews(args, config, engine, sim);
        System.out.println("keys: r+Enter record/stop, m+Enter marker, q+Enter quit (or Ctrl-C)");
        Thread keys = new Thread(() -> readKeys(engine, quit), "taperoom-demo-keys");
        keys.setDaemon(true);
        keys.start();
        boolean terminal = System.console() != null && !args.has("no-console");
        MeterSnapshot m = new MeterSnapshot(config.get(RecordingKeys.CHANNELS));
        long lastLine = 0;
        while (!quit.await(terminal ? 100 : 500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            engine.readMeters(m);
            if (terminal) {
                System.out.print("\u001b[s" + ConsoleMeters.progressLine(engine.status(), m) + "\u001b[K\n"
                        + ConsoleMeters.bars(m, 40) + "\u001b[u");
                System.out.flush();
            } else if (System.currentTimeMillis() - lastLine > 5000) {
                System.out.println(ConsoleMeters.progressLine(engine.status(), m));
                lastLine = System.currentTimeMillis();
            }
        }
        views.close();
        engine.close();
        return 0;
    }

    /** Starts the views beside the console: the transport and, when it is on the class path, the web panel. */
    private static AutoCloseable startViews(Args args, Config config, RecordingEngine engine, SimBackend sim) throws Exception {
        PanelProvider provider = PanelProvider.find();
        if (provider == null) {
            Logger.debug("no web panel on the class path: console view only ({} inputs)", config.get(RecordingKeys.CHANNELS));
            return () -> {};
        }
        String pin = args.string("pin", PinHash.randomPin(6));
        if (!pin.matches("[0-9A-Za-z]{4,32}")) throw new UsageException("--pin " + pin + ": expected 4 to 32 letters or digits");
        Config panelConfig = config.with(PanelKeys.PIN_HASH, PinHash.of(pin))
                .with(PanelKeys.PORT, (int) args.integer("port", config.get(PanelKeys.PORT), 0, 65535));
        InputGain gain = simGain(sim, config.get(RecordingKeys.CHANNELS));
        ControlService control = ControlService.start(engine, panelConfig, gain);
        Panel panel;
        try {
            panel = provider.start(new PanelContext(panelConfig, engine, control.transport(), null, control.arming(), gain));
        } catch (Exception e) {
            control.close();
            throw e;
        }
        System.out.println("panel: " + panel.url() + "  PIN " + pin);
        return () -> {
            panel.close();
            control.close();
        };
    }

    /** The simulated interface's per-input gain knobs, as the panel and the encoder turn them (-60 to +24 dB). */
    private static InputGain simGain(SimBackend sim, int channels) {
        double[] gainDb = new double[channels];
        return (input, deltaDb) -> {
            synchronized (gainDb) {
                double v = Math.max(-60, Math.min(24, gainDb[input - 1] + deltaDb));
                gainDb[input - 1] = v;
                sim.gains().setGainDb(input - 1, v);
                return v;
            }
        };
    }

    private static void readKeys(RecordingEngine engine, CountDownLatch quit) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "r" -> {
                        try {
                            if (engine.status().recording()) engine.stopTake();
                            else System.out.println("recording " + engine.startTake(TakeRequest.everything("demo")).folder());
                        } catch (EngineException e) {
                            System.out.println(e.getMessage());
                        }
                    }
                    case "m" -> System.out.println(engine.addMarker("marker", "demo") ? "marker" : "no take to mark");
                    case "q" -> {
                        quit.countDown();
                        return;
                    }
                    default -> System.out.println("keys: r record/stop, m marker, q quit");
                }
            }
        } catch (java.io.IOException e) {
            // stdin closed: keep running until Ctrl-C
        }
    }
}
