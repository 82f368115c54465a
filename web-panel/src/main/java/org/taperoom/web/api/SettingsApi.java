package org.taperoom.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigKey;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.InputArming;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.appliance.panel.CaptureDevice;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.PinLock;
import org.taperoom.web.security.Sessions;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The Settings page's document. Recording keys are the configuration keys of the same names
 * (checked by their {@link ConfigKey}); a change is kept for this run, written to the
 * configuration file when the service has one, and applied at once while the transport is idle:
 * the recorder reopens its device with the new settings ({@link Recorder#reopen}) and the answer
 * lists what was applied under {@code applied}. A recorder that cannot reopen leaves them for the
 * next start ({@code restartNeeded}: the keys whose saved value differs from the running one).
 * {@code autoRecord} is sent to the transport at once and kept as the configuration key of the
 * same name. A PIN change needs the current PIN and logs out every other session.
 */
public final class SettingsApi {
    /** Configuration keys the page edits, with the JSON type each takes. */
    private static final Map<ConfigKey<?>, Class<?>> KEYS = keys();
    private static final int MIN_PIN_CHARS = 4;
    private static final int MAX_PIN_CHARS = 32;

    private final AtomicReference<Config> config;
    /** The recording settings the recorder runs with (replaced when a change is applied). */
    private final AtomicReference<Config> running;
    private final Path configFile;
    private final Transport transport;
    private final Recorder recorder;
    private final InputArming arming;
    /** The capture interfaces found now (enumerated on each call: a USB interface comes and goes). */
    private final Supplier<List<CaptureDevice>> devices;
    private final PinLock pin;
    private final Sessions sessions;

    public SettingsApi(Config config, Path configFile, Transport transport, Recorder recorder, InputArming arming,
                       Supplier<List<CaptureDevice>> devices, PinLock pin, Sessions sessions) {
        this.config = new AtomicReference<>(config);
        this.running = new AtomicReference<>(config);
        this.configFile = configFile;
        this.transport = transport;
        this.recorder = recorder;
        this.arming = arming;
        this.devices = devices;
        this.pin = pin;
        this.sessions = sessions;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/settings", Access.SESSION, this::get,
                        "device, channels, rate, bits, preRollSeconds, autoRecord, pinRequired, and which saved keys wait for a restart (restartNeeded).").students(),
                Route.patch("/api/settings", Access.CHANGE, this::change,
                        "Change only the keys named: device, channels, rate, bits, preRollSeconds, autoRecord; {\"pin\": new, \"currentPin\": old} changes the PIN. "
                                + "Recording keys apply at once while the transport is idle (409 while it records); the answer lists them under applied.").teachers(),
                Route.get("/api/settings/devices", Access.SESSION, this::devices,
                        "The capture interfaces found now (as taperoom devices lists them): [{\"name\", \"description\", \"minChannels\", \"maxChannels\", \"ratesHz\"}].").teachers());
    }

    private void get(Context ctx) {
        ctx.json(document());
    }

    private void devices(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CaptureDevice d : devices.get()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("description", d.description());
            m.put("minChannels", d.minChannels());
            m.put("maxChannels", d.maxChannels());
            m.put("ratesHz", d.ratesHz());
            out.add(m);
        }
        ctx.json(out);
    }

    private Map<String, Object> document() {
        Config c = config.get();
        Map<String, Object> m = new LinkedHashMap<>();
        for (ConfigKey<?> k : KEYS.keySet()) m.put(k.name(), c.get(k));
        m.put("autoRecord", transport.autoRecordArmed());
        m.put("pinRequired", pin.required());
        m.put("persisted", configFile != null);
        m.put("restartNeeded", differing(c, running.get()));
        return m;
    }

    private void change(Context ctx) {
        Set<String> allowed = new LinkedHashSet<>();
        for (ConfigKey<?> k : KEYS.keySet()) allowed.add(k.name());
        allowed.addAll(List.of("autoRecord", "pin", "currentPin"));
        Body b = Body.of(ctx, allowed);
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<ConfigKey<?>, Class<?>> e : KEYS.entrySet()) {
            String name = e.getKey().name();
            if (!b.has(name)) continue;
            JsonNode n = b.node(name);
            String text = e.getValue() == String.class
                    ? (n.isTextual() ? n.textValue() : null)
                    : (n.isNumber() ? n.asText() : null);
            if (text == null) {
                throw ApiError.badRequest(name, "expected " + (e.getValue() == String.class ? "a string" : "a number") + " (" + e.getKey().expected() + ")");
            }
            try {
                e.getKey().parse(text);
            } catch (IllegalArgumentException ex) {
                throw ApiError.badRequest(name, "expected " + e.getKey().expected() + ", got " + n);
            }
            texts.put(name, text);
        }
        Boolean autoRecord = b.has("autoRecord") ? b.bool("autoRecord") : null;
        if (autoRecord != null) texts.put(ControlKeys.AUTO_RECORD.name(), autoRecord.toString());
        String newPinHash = null;
        if (b.has("pin")) {
            String newPin = b.text("pin", MAX_PIN_CHARS);
            if (newPin.length() < MIN_PIN_CHARS) throw ApiError.badRequest("pin", "at least " + MIN_PIN_CHARS + " characters");
            String current = b.has("currentPin") ? b.text("currentPin", MAX_PIN_CHARS) : "";
            if (!pin.opens(ctx, current)) throw ApiError.badRequest("currentPin", "does not match the current PIN");
            newPinHash = PinHash.of(newPin);
            texts.put(PanelKeys.PIN_HASH.name(), newPinHash);
        } else if (b.has("currentPin")) {
            throw ApiError.badRequest("currentPin", "only with pin (the new PIN)");
        }

        Config updated;
        try {
            updated = config.get().withTexts(texts, "");
        } catch (org.taperoom.appliance.config.ConfigException e) {
            throw new ApiError(400, e.getMessage());
        }
        List<String> applied = applyLive(updated);
        if (configFile != null && !texts.isEmpty()) {
            try {
                writeKeys(configFile, texts);
            } catch (IOException e) {
                throw new ApiError(507, "could not write the configuration file: " + e.getMessage());
            }
        }
        config.set(updated);
        if (newPinHash != null) {
            pin.set(newPinHash);
            Sessions.Session mine = ctx.attribute(Guard.SESSION_ATTRIBUTE);
            sessions.closeAllExcept(mine.id());
        }
        if (autoRecord != null) transport.send(new ControlEvent.AutoRecord("panel", autoRecord));
        Map<String, Object> doc = document();
        doc.put("applied", applied);
        ctx.json(doc);
    }

    /**
     * Has the recorder reopen its device with the recording keys of {@code updated} that differ
     * from what it runs with; returns them (empty when none differ or the recorder cannot reopen).
     */
    private List<String> applyLive(Config updated) {
        List<String> changed = differing(updated, running.get());
        if (changed.isEmpty()) return List.of();
        TransportState state = transport.view().state();
        if (state != TransportState.IDLE && state != TransportState.ERROR) {
            throw ApiError.conflict(String.join(", ", changed) + ": the interface's settings change only while the transport is idle (it is "
                    + state.wireName() + "); stop first");
        }
        try {
            boolean reopened = recorder.reopen(updated.get(RecordingKeys.DEVICE), updated.get(RecordingKeys.CHANNELS),
                    updated.get(RecordingKeys.RATE_HZ), updated.get(RecordingKeys.BITS), updated.get(RecordingKeys.PRE_ROLL_SECONDS));
            if (!reopened) return List.of();
        } catch (EngineException e) {
            throw new ApiError(changed.contains("device") ? 400 : 409, String.join(", ", changed) + ": " + e.getMessage());
        }
        running.set(updated);
        arming.resize(updated.get(RecordingKeys.CHANNELS));
        return changed;
    }

    /** The names of the recording keys whose values differ between {@code a} and {@code b}, in the page's order. */
    private static List<String> differing(Config a, Config b) {
        List<String> out = new ArrayList<>();
        for (ConfigKey<?> k : KEYS.keySet()) if (!Objects.equals(a.get(k), b.get(k))) out.add(k.name());
        return out;
    }

    /** Rewrites {@code key = value} lines in place (appending new keys), through a temporary file and a rename. */
    static void writeKeys(Path file, Map<String, String> texts) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) continue;
            String name = line.substring(0, eq).strip();
            if (texts.containsKey(name)) {
                lines.set(i, name + " = " + texts.get(name));
                done.add(name);
            }
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (!done.contains(e.getKey())) lines.add(e.getKey() + " = " + e.getValue());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<ConfigKey<?>, Class<?>> keys() {
        Map<ConfigKey<?>, Class<?>> m = new LinkedHashMap<>();
        m.put(RecordingKeys.DEVICE, String.class);
        m.put(RecordingKeys.CHANNELS, Number.class);
        m.put(RecordingKeys.RATE_HZ, Number.class);
        m.put(RecordingKeys.BITS, String.class);
        m.put(RecordingKeys.PRE_ROLL_SECONDS, Number.class);
        return m;
    }
}
