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
import org.taperoom.appliance.config.RecordingKeys;
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
 * <p>The web panel joins here: {@link #startViews} is where {@code PanelProvider.find()} is
 * started with a {@code PanelContext} once the control state machine exists.
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
        startViews(config, engine);
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
        engine.close();
        return 0;
    }

    /**
     * Starts the views beside the console: the web panel comes here (PanelProvider.find() with a
     * PanelContext of config, engine and the transport) once the control state machine exists.
     */
    private static void startViews(Config config, RecordingEngine engine) {
        Logger.debug("no panel yet: console view only ({} inputs)", config.get(RecordingKeys.CHANNELS));
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
