package org.taperoom.appliance.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.GpioKeys;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.panel.Panel;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.service.Service;
import org.taperoom.drivers.sim.SimBackend;

/**
 * {@code taperoom demo}: the same appliance as {@code serve} ({@link Appliance}) on the simulated
 * interface, with a mock GPIO board so the front-panel logic runs, a fresh temporary library, a
 * generated PIN and the panel on loopback unless configured otherwise; plus a console view of the
 * meters. Keys (then Enter) send events to the transport as a button would: r starts or stops a
 * take, m drops a marker, q quits.
 */
final class DemoCommand implements Command {
    /** How often the meter line is printed when standard output is not a terminal (a log, a pipe). */
    private static final long PLAIN_LINE_MILLIS = 5000;
    /** The simulator playing the demo band (drums, bass, keys, lead, room L, room R: SimSignal's band). */
    static final String DEMO_BAND = "sim:signal=band";
    static final int DEMO_BAND_CHANNELS = 6;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Run the appliance on the simulated interface with the web panel (console meters; r+Enter records/stops, m+Enter marks, q+Enter quits).";
    }

    @Override
    public List<Flag> flags() {
        List<Flag> f = new ArrayList<>(SimFlags.FLAGS);
        f.add(Flag.toggle("no-console", "Do not draw the console meter view (print a status line every few seconds instead)."));
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
        String pin = args.string("pin", PinHash.randomPin(6));
        if (!pin.matches("[0-9A-Za-z]{4,32}")) throw new UsageException("--pin " + pin + ": expected 4 to 32 letters or digits");
        Config config = demoConfig(args, pin);
        SimBackend sim = new SimBackend(SimFlags.options(args, config.get(RecordingKeys.DEVICE), true));
        RecordingEngine engine = RecordingSetup.engine(config, sim);
        engine.addListener(new RecorderListener() {
            @Override
            public void takeEnded(TakeRef take, EndReason reason, String detail) {
                System.out.println("take " + take.folder() + (detail.isEmpty() ? "" : " (" + detail + ")"));
            }
        });
        Service service = Appliance.start(config, engine, sim.gains(), null);
        System.out.println("Taperoom demo: " + config.get(RecordingKeys.CHANNELS) + " simulated inputs at "
                + config.get(RecordingKeys.RATE_HZ) + " Hz, library " + config.get(RecordingKeys.LIBRARY));
        if (config.get(RecordingKeys.DEVICE).equals(DEMO_BAND)) {
            System.out.println("playing the demo band (a 16 s song that loops): 1 drums, 2 bass, 3 keys, 4 lead, 5-6 room L/R");
        }
        service.panel().ifPresent(p -> printPanel(p, config.get(PanelKeys.ADDRESS), pin));
        System.out.println("keys: r+Enter record/stop, m+Enter marker, q+Enter quit (or Ctrl-C)");
        CountDownLatch quit = new CountDownLatch(1);
        Thread keys = new Thread(() -> readKeys(service.transport(), quit), "taperoom-demo-keys");
        keys.setDaemon(true);
        keys.start();
        showMeters(engine, config.get(RecordingKeys.CHANNELS), Terminal.isStdout() && !args.has("no-console"), quit);
        service.stop();
        return 0;
    }

    /**
     * The configuration with the demo's own defaults: a fresh library where none is configured, and
     * the simulated interface, a mock GPIO board and a loopback-only panel unless the command line
     * says otherwise (a configuration file written for an appliance does not count).
     */
    private static Config demoConfig(Args args, String pin) throws Exception {
        Config config = args.config();
        if (config.get(RecordingKeys.LIBRARY).equals(RecordingKeys.LIBRARY.defaultValue())) {
            config = config.with(RecordingKeys.LIBRARY, Files.createTempDirectory("taperoom-demo-"));
        }
        if (!SimBackend.handles(config.get(RecordingKeys.DEVICE))) config = config.with(RecordingKeys.DEVICE, "sim");
        // The demo band, one microphone per input, unless the command line asks for other signals.
        if (config.get(RecordingKeys.DEVICE).equals(SimBackend.DEVICE_NAME) && !args.has("signal")) {
            config = config.with(RecordingKeys.DEVICE, DEMO_BAND);
            if (!args.gave(RecordingKeys.CHANNELS)) config = config.with(RecordingKeys.CHANNELS, DEMO_BAND_CHANNELS);
        }
        if (!args.gave(GpioKeys.GPIO)) config = config.with(GpioKeys.GPIO, "mock");
        if (!args.gave(PanelKeys.ADDRESS)) config = config.with(PanelKeys.ADDRESS, "127.0.0.1");
        return config.with(PanelKeys.PIN_HASH, PinHash.of(pin))
                .with(PanelKeys.PORT, (int) args.integer("port", config.get(PanelKeys.PORT), 0, 65535));
    }

    /** The address a person on this machine opens, and the network one when the panel listens beyond loopback. */
    private static void printPanel(Panel panel, String address, String pin) {
        System.out.println("panel: http://localhost:" + panel.url().getPort() + "/  PIN " + pin);
        if (!isLoopback(address)) {
            URI lan = panel.url();
            System.out.println("on your network: " + lan);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Until q: live bars on a terminal, else one status line every few seconds so a log is not flooded. */
    private static void showMeters(RecordingEngine engine, int channels, boolean terminal, CountDownLatch quit) throws InterruptedException {
        MeterSnapshot m = new MeterSnapshot(channels);
        long lastLine = 0;
        while (!quit.await(terminal ? 100 : 500, TimeUnit.MILLISECONDS)) {
            engine.readMeters(m);
            if (terminal) {
                System.out.print("\u001b[s" + ConsoleMeters.progressLine(engine.status(), m) + "\u001b[K\n"
                        + ConsoleMeters.bars(m, 40) + "\u001b[u");
                System.out.flush();
            } else if (System.currentTimeMillis() - lastLine >= PLAIN_LINE_MILLIS) {
                System.out.println(ConsoleMeters.progressLine(engine.status(), m));
                lastLine = System.currentTimeMillis();
            }
        }
    }

    /** The keys send what a front-panel button sends; the transport decides what they mean now. */
    private static void readKeys(Transport transport, CountDownLatch quit) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "r" -> transport.send(new ControlEvent.Toggle("demo"));
                    case "m" -> transport.send(new ControlEvent.Marker("demo", "marker"));
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
