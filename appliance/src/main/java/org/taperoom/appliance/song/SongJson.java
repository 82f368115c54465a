package org.taperoom.appliance.song;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;

/**
 * {@code song.json}, format {@code taperoom-song/1}:
 * <pre>{@code
 * {"format": "taperoom-song/1", "title": "Night Bus", "rate_hz": 48000,
 *  "tempo_bpm": 96, "time_signature": "4/4", "key": "E minor",
 *  "sections": [{"name": "verse", "frame": 0}], "markers": [{"label": "breath", "frame": 96000}],
 *  "lanes": [{"name": "bass", "active": 0,
 *             "passes": [{"take": "2026-12-07_031500-rehearsal", "track": "02-bass", "offset_frames": 0}]}],
 *  "punch_crossfade_ms": 5,
 *  "mix": {MixSettings, tracks keyed by lane name}, "master": {MasterSettings}}
 * }</pre>
 * Parsing is strict: an unknown key, a wrong type or a value out of range is a
 * {@link SongException} naming the key.
 */
public final class SongJson {
    public static final String FORMAT = "taperoom-song/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SongJson() {}

    public static String write(Song s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("title", s.title());
        n.put("rate_hz", s.rateHz());
        n.put("tempo_bpm", s.tempoBpm());
        n.put("time_signature", s.timeSignature());
        n.put("key", s.key());
        ArrayNode sections = n.putArray("sections");
        for (Song.Section x : s.sections()) sections.addObject().put("name", x.name()).put("frame", x.frame());
        ArrayNode markers = n.putArray("markers");
        for (Song.Marker x : s.markers()) markers.addObject().put("label", x.label()).put("frame", x.frame());
        n.put("punch_crossfade_ms", s.punchCrossfadeMs());
        ArrayNode lanes = n.putArray("lanes");
        for (Lane l : s.lanes()) {
            ObjectNode ln = lanes.addObject().put("name", l.name()).put("active", l.active());
            ArrayNode passes = ln.putArray("passes");
            for (Pass p : l.passes()) passes.addObject().put("take", p.take()).put("track", p.track()).put("offset_frames", p.offsetFrames());
        }
        try {
            n.set("mix", JSON.readTree(RenderSettings.mixJson(s.mix())));
            n.set("master", JSON.readTree(RenderSettings.masterJson(s.master())));
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the document of song {@code id}. */
    public static Song parse(String id, String text) throws SongException {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SongException("song.json: not valid JSON at line " + e.getLocation().getLineNr() + " ("
                    + e.getOriginalMessage() + ")");
        }
        if (n == null || !n.isObject()) throw new SongException("song.json: expected a JSON object");
        only(n, "", Set.of("format", "title", "rate_hz", "tempo_bpm", "time_signature", "key", "sections", "markers", "lanes", "mix", "master",
                "punch_crossfade_ms"));
        String format = text(n, "format", FORMAT);
        if (!format.equals(FORMAT)) throw new SongException("song.json: format \"" + format + "\" is not " + FORMAT);
        try {
            List<Song.Section> sections = new ArrayList<>();
            for (JsonNode x : array(n, "sections")) {
                only(x, "sections[]", Set.of("name", "frame"));
                sections.add(new Song.Section(text(x, "name", ""), frame(x, "sections[].frame")));
            }
            List<Song.Marker> markers = new ArrayList<>();
            for (JsonNode x : array(n, "markers")) {
                only(x, "markers[]", Set.of("label", "frame"));
                markers.add(new Song.Marker(text(x, "label", ""), frame(x, "markers[].frame")));
            }
            List<Lane> lanes = new ArrayList<>();
            for (JsonNode x : array(n, "lanes")) {
                only(x, "lanes[]", Set.of("name", "active", "passes"));
                List<Pass> passes = new ArrayList<>();
                for (JsonNode p : array(x, "passes")) {
                    only(p, "lanes[].passes[]", Set.of("take", "track", "offset_frames"));
                    JsonNode off = p.get("offset_frames");
                    if (off != null && !off.canConvertToLong()) throw new SongException("song.json: lanes[].passes[].offset_frames should be a whole number of frames");
                    passes.add(new Pass(text(p, "take", ""), text(p, "track", ""), off == null ? 0 : off.asLong()));
                }
                JsonNode active = x.get("active");
                if (active != null && !active.isInt()) throw new SongException("song.json: lanes[].active should be a pass number");
                lanes.add(new Lane(text(x, "name", ""), active == null ? 0 : active.asInt(), passes));
            }
            MixSettings mix = n.has("mix") ? RenderSettings.parseMix(n.get("mix").toString()) : MixSettings.DEFAULT;
            MasterSettings master = n.has("master") ? RenderSettings.parseMaster(n.get("master").toString()) : MasterSettings.DEFAULT;
            JsonNode rate = n.get("rate_hz");
            if (rate == null || !rate.isInt() || rate.asInt() <= 0) throw new SongException("song.json: rate_hz should be the song's sample rate, such as 48000");
            JsonNode tempo = n.get("tempo_bpm");
            if (tempo != null && !tempo.isNumber()) throw new SongException("song.json: tempo_bpm should be a number (20 to 300)");
            JsonNode fade = n.get("punch_crossfade_ms");
            if (fade != null && !fade.isNumber()) {
                throw new SongException("song.json: punch_crossfade_ms should be a number of milliseconds (0 to " + Song.MAX_PUNCH_CROSSFADE_MS + ")");
            }
            Song song = new Song(id, text(n, "title", id), rate.asInt(), tempo == null ? 120 : tempo.asDouble(),
                    text(n, "time_signature", "4/4"), text(n, "key", ""), sections, markers, lanes, mix, master,
                    fade == null ? Song.DEFAULT_PUNCH_CROSSFADE_MS : fade.asDouble());
            for (String laneKey : mix.tracks().keySet()) song.lane(laneKey);
            return song;
        } catch (SettingsException | IllegalArgumentException e) {
            throw new SongException("song.json: " + e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            throw new SongException("song.json: mix.tracks: " + e.getMessage());
        }
    }

    private static void only(JsonNode n, String where, Set<String> keys) throws SongException {
        if (!n.isObject()) throw new SongException("song.json: " + (where.isEmpty() ? "the document" : where) + " should be an object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw new SongException("song.json: unknown key " + (where.isEmpty() ? "" : where + ".") + k + "; known: " + String.join(", ", keys.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode n, String key, String fallback) throws SongException {
        JsonNode v = n.get(key);
        if (v == null) return fallback;
        if (!v.isTextual()) throw new SongException("song.json: " + key + " should be text");
        return v.asText();
    }

    private static long frame(JsonNode n, String where) throws SongException {
        JsonNode v = n.get("frame");
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) throw new SongException("song.json: " + where + " should be a frame number, 0 or more");
        return v.asLong();
    }

    private static Iterable<JsonNode> array(JsonNode n, String key) throws SongException {
        JsonNode v = n.get(key);
        if (v == null) return List.of();
        if (!v.isArray()) throw new SongException("song.json: " + key + " should be a list");
        return v;
    }
}
