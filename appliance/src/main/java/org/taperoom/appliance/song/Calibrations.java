package org.taperoom.appliance.song;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Measured round trips, kept in {@code <library>/calibration.json}, one per device, rate, period
 * and buffer (a round trip holds only for the configuration it was measured at):
 * {@code {"hw:CARD=UMC|48000|256|4": {"frames": 611, "spread_frames": 0, "measured": "..."}}}.
 * Read afresh on every lookup, so a new calibration applies at the next pass.
 */
public final class Calibrations {
    public static final String FILE_NAME = "calibration.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public Calibrations(Path library) {
        this.file = library.resolve(FILE_NAME);
    }

    static String key(String device, int rateHz, int periodFrames, int bufferPeriods) {
        return device + "|" + rateHz + "|" + periodFrames + "|" + bufferPeriods;
    }

    /** The measured round trip of this configuration, if there is one (an unreadable file counts as none). */
    public Optional<RoundTrip> find(String device, int rateHz, int periodFrames, int bufferPeriods) {
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            JsonNode n = JSON.readTree(file.toFile()).get(key(device, rateHz, periodFrames, bufferPeriods));
            if (n == null || !n.has("frames")) return Optional.empty();
            return Optional.of(new RoundTrip(n.get("frames").asLong(), true, "calibrated " + n.path("measured").asText("")
                    + ", spread " + n.path("spread_frames").asLong() + " frames"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How far the stored measurement's repeats disagreed, in frames; 0 when there is none. */
    public long spreadFrames(String device, int rateHz, int periodFrames, int bufferPeriods) {
        try {
            if (!Files.isRegularFile(file)) return 0;
            JsonNode n = JSON.readTree(file.toFile()).get(key(device, rateHz, periodFrames, bufferPeriods));
            return n == null ? 0 : n.path("spread_frames").asLong();
        } catch (IOException e) {
            return 0;
        }
    }

    public void store(String device, int rateHz, int periodFrames, int bufferPeriods, LatencyProbe.Measurement m) throws IOException {
        ObjectNode all = Files.isRegularFile(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        ObjectNode n = all.putObject(key(device, rateHz, periodFrames, bufferPeriods));
        n.put("frames", m.roundTripFrames());
        n.put("spread_frames", m.spreadFrames());
        n.put("measured", OffsetDateTime.now().withNano(0).toString());
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.replace(file, JSON.writeValueAsString(all) + "\n");
    }
}
