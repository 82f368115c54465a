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
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigKey;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportControl;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.PinLock;
import org.taperoom.web.security.Sessions;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;

/**
 * The Settings page's document. Recording keys are the configuration keys of the same names
 * (checked by their {@link ConfigKey}); a change is kept for this run and written to the
 * configuration file when the service has one, and applies when the engine next opens the device
 * (the answer lists such keys under {@code restartNeeded}). {@code autoRecord} is sent to the
 * transport at once and kept as the configuration key of the same name. A PIN change needs the current PIN and logs out every other session.
 */
public final class SettingsApi {
    /** Configuration keys the page edits, with the JSON type each takes. */
    private static final Map<ConfigKey<?>, Class<?>> KEYS = keys();
    private static final int MIN_PIN_CHARS = 4;
    private static final int MAX_PIN_CHARS = 32;

    private final AtomicReference<Config> config;
    private final Path configFile;
    private final Transport transport;
    private final PinLock pin;
    private final Sessions sessions;
    /** Keys changed in this run that the engine reads only when it opens the device. */
    private final Set<String> restartNeeded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SettingsApi(Config config, Path configFile, Transport transport, PinLock pin, Sessions sessions) {
        this.config = new AtomicReference<>(config);
        this.configFile = configFile;
        this.transport = transport;
        this.pin = pin;
        this.sessions = sessions;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/settings", Access.SESSION, this::get,
                        "device, channels, rate, bits, preRollSeconds, autoRecord, pinRequired, and which changed keys wait for a restart."),
                Route.patch("/api/settings", Access.CHANGE, this::change,
                        "Change only the keys named: device, channels, rate, bits, preRollSeconds, autoRecord; {\"pin\": new, \"currentPin\": old} changes the PIN."));
    }

    private void get(Context ctx) {
        ctx.json(document());
    }

    private Map<String, Object> document() {
        Config c = config.get();
        Map<String, Object> m = new LinkedHashMap<>();
        for (ConfigKey<?> k : KEYS.keySet()) m.put(k.name(), c.get(k));
        m.put("autoRecord", transport instanceof TransportControl tc ? tc.autoRecordArmed() : transport.view().state() == TransportState.WAITING);
        m.put("pinRequired", pin.required());
        m.put("persisted", configFile != null);
        m.put("restartNeeded", List.copyOf(new java.util.TreeSet<>(restartNeeded)));
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
        if (configFile != null && !texts.isEmpty()) {
            try {
                writeKeys(configFile, texts);
            } catch (IOException e) {
                throw new ApiError(507, "could not write the configuration file: " + e.getMessage());
            }
        }
        config.set(updated);
        for (String name : texts.keySet()) {
            if (KEYS.keySet().stream().anyMatch(k -> k.name().equals(name))) restartNeeded.add(name);
        }
        if (newPinHash != null) {
            pin.set(newPinHash);
            Sessions.Session mine = ctx.attribute(Guard.SESSION_ATTRIBUTE);
            sessions.closeAllExcept(mine.id());
        }
        if (autoRecord != null) transport.send(new ControlEvent.AutoRecord("panel", autoRecord));
        ctx.json(document());
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
