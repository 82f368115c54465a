package org.taperoom.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.ControlService;
import org.taperoom.appliance.device.CaptureDevices;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.appliance.publish.UploadService;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.service.SongPasses;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.drivers.sim.SimBackend;

/**
 * The real thing on loopback: the recording engine on the simulated interface, the transport,
 * and the panel on a free port, with a fresh temporary library and configuration file. One per
 * test class through {@link PanelRigExtension} (or per test where a test changes global state
 * such as the PIN).
 */
public final class PanelRig implements AutoCloseable {
    public static final String PIN = "2468";
    /** The configured names the panel answers to besides its own (panelHostNames). */
    public static final String HOST_NAMES = "recorder.lan, Studio.Example.org";
    public static final ObjectMapper JSON = new ObjectMapper();

    public final Path dir;
    public final Path library;
    public final Path configFile;
    public final Config config;
    public final SimBackend sim;
    /**
     * The simulated interface's outputs, where the panel plays takes (paced, as a real device):
     * the same simulated interface as the inputs, so {@code sim:loopback=N} hears them.
     */
    public final SimBackend outputs;
    public final RecordingEngine engine;
    public final ControlService control;
    public final WebPanel panel;
    public final URI base;
    /** The publisher handed to the panel, or null. */
    public final UploadService uploads;

    public PanelRig() throws Exception {
        this(2);
    }

    public PanelRig(int channels) throws Exception {
        this(channels, false);
    }

    /** With {@code simGain} the simulated interface's gain controls are the panel's and the encoder's. */
    public PanelRig(int channels, boolean simGain) throws Exception {
        this(channels, simGain, "sim", null, Map.of());
    }

    /** On simulated device {@code device} ({@code sim} with options, e.g. {@code sim:sine=440.5}). */
    public PanelRig(int channels, boolean simGain, String device) throws Exception {
        this(channels, simGain, device, null, Map.of());
    }

    /**
     * With a publisher made by {@code publishing} from the rig's library folder (started before
     * the panel, as the service does), or none for null.
     */
    public PanelRig(int channels, boolean simGain, Function<Path, UploadService.Settings> publishing) throws Exception {
        this(channels, simGain, "sim", publishing, Map.of());
    }

    /** With {@code settings} (configuration keys and values) over the rig's own. */
    public PanelRig(int channels, boolean simGain, Map<String, String> settings) throws Exception {
        this(channels, simGain, "sim", null, settings);
    }

    /** The monitor routing the passes read, as the panel's /api/monitor sets it. */
    public final MonitorChoice monitor;

    public PanelRig(int channels, boolean simGain, String device, Function<Path, UploadService.Settings> publishing,
                    Map<String, String> settings) throws Exception {
        dir = Files.createTempDirectory("taperoom-panel-");
        library = dir.resolve("library");
        configFile = dir.resolve("taperoom.conf");
        Files.writeString(configFile, "# test configuration\n");
        Map<String, String> texts = new LinkedHashMap<>(Map.of(
                RecordingKeys.DEVICE.name(), device,
                RecordingKeys.CHANNELS.name(), Integer.toString(channels),
                RecordingKeys.LIBRARY.name(), library.toString(),
                RecordingKeys.PRE_ROLL_SECONDS.name(), "0.5",
                RecordingKeys.MIN_FREE_MINUTES.name(), "0",
                PanelKeys.ADDRESS.name(), "127.0.0.1",
                PanelKeys.PORT.name(), "0",
                PanelKeys.HOST_NAMES.name(), HOST_NAMES,
                "gpio", "off"));
        texts.putAll(settings);
        Config config = Config.defaults().withTexts(texts, "");
        this.config = config.with(PanelKeys.PIN_HASH, PinHash.of(PIN));
        config = this.config;
        sim = new SimBackend();
        outputs = sim;
        engine = RecordingSetup.engine(config, sim);
        engine.start();
        InputGain gain = simGain ? sim.gains() : InputGain.NONE;
        monitor = new MonitorChoice(RecordingSetup.monitorRouting(config));
        control = ControlService.start(engine, config, null, gain, new SongPasses(engine, monitor));
        uploads = publishing == null ? null
                : new UploadService(library, engine.library(), publishing.apply(library), java.time.Clock.systemDefaultZone());
        if (uploads != null) uploads.start();
        panel = WebPanel.start(new PanelContext(config, engine, engine.library(), control.transport(), configFile, control.arming(), gain,
                null, () -> CaptureDevices.find(this.config), outputs).withUploads(uploads).withMonitor(monitor));
        base = URI.create("http://127.0.0.1:" + panel.port());
    }

    /** A browser-like client with its own cookie jar; {@link #login} makes it a logged-in one. */
    public Client client() {
        return new Client();
    }

    public Client loggedIn() throws Exception {
        Client c = client();
        c.login(PIN);
        return c;
    }

    @Override
    public void close() throws IOException {
        panel.close();
        if (uploads != null) uploads.close();
        control.close();
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public final class Client {
        public final CookieManager cookies = new CookieManager();
        public final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        public String csrf = "";

        public HttpResponse<String> login(String pin) throws Exception {
            HttpResponse<String> r = send("POST", "/api/session", "{\"pin\":\"" + pin + "\"}", Map.of());
            if (r.statusCode() == 200) csrf = JSON.readTree(r.body()).get("csrf").asText();
            return r;
        }

        public HttpResponse<String> get(String path) throws Exception {
            return send("GET", path, null, Map.of());
        }

        /** A state-changing request with this session's CSRF token. */
        public HttpResponse<String> change(String method, String path, String body) throws Exception {
            return send(method, path, body, Map.of("X-CSRF-Token", csrf));
        }

        public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) b.header("Content-Type", "application/json");
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.forEach(b::header);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        public HttpResponse<byte[]> bytes(String path, Map<String, String> headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
            headers.forEach(b::header);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        public JsonNode json(HttpResponse<String> r) throws IOException {
            return JSON.readTree(r.body());
        }
    }

    /** Waits up to {@code millis} for the transport to reach {@code state}. */
    public void awaitState(String state, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (control.transport().view().state().wireName().equals(state)) return;
            Thread.sleep(20);
        }
        throw new AssertionError("transport did not reach " + state + " within " + millis + " ms; it is " + control.transport().view());
    }

    /** Records a take of about {@code millis} through the API and returns its id. */
    public String recordTake(Client c, long millis) throws Exception {
        // The new take is the one the listing did not hold before: two takes started in the same
        // second sort by their names, so "the newest first" cannot tell them apart.
        java.util.Set<String> before = new java.util.HashSet<>();
        for (JsonNode t : c.json(c.get("/api/takes"))) before.add(t.get("id").asText());
        HttpResponse<String> r = c.change("POST", "/api/transport/record", null);
        if (r.statusCode() != 202) throw new AssertionError("record: " + r.statusCode() + " " + r.body());
        awaitState("recording", 5000);
        Thread.sleep(millis);
        r = c.change("POST", "/api/transport/stop", null);
        if (r.statusCode() != 202) throw new AssertionError("stop: " + r.statusCode() + " " + r.body());
        awaitState("idle", 10000);
        for (JsonNode t : c.json(c.get("/api/takes"))) {
            if (!before.contains(t.get("id").asText())) return t.get("id").asText();
        }
        throw new AssertionError("no new take in the listing after record and stop");
    }
}
