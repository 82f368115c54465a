package org.taperoom.web.takes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.taperoom.appliance.wav.RiffChunks;

/**
 * Waveform overviews: per track, {@link #BUCKETS} pairs of minimum and maximum sample (-1..1),
 * computed once per take from its WAV files and cached beside them as {@code waveform.json}
 * (a finished take's files never change). Concurrent requests for the same take compute it once.
 */
public final class Waveforms {
    public static final int BUCKETS = 800;
    public static final String CACHE_FILE = "waveform.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    /** The overview document {@code {"buckets": N, "tracks": [{"min": [...], "max": [...]}]}}. */
    public byte[] overview(Path folder, List<Path> tracks) throws IOException {
        Path cache = folder.resolve(CACHE_FILE);
        synchronized (locks.computeIfAbsent(folder, k -> new Object())) {
            if (Files.isRegularFile(cache) && Files.size(cache) > 0) return Files.readAllBytes(cache);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Path t : tracks) out.add(peaks(t));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("buckets", BUCKETS);
            doc.put("tracks", out);
            byte[] bytes = JSON.writeValueAsBytes(doc);
            Path tmp = folder.resolve(CACHE_FILE + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return bytes;
        }
    }

    /** Min/max per bucket of one mono WAV/RF64 file (PCM 16/24/32 or float 32). */
    static Map<String, Object> peaks(Path wav) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(wav), 1 << 16)) {
            RiffChunks.Header header = RiffChunks.read(in);
            RiffChunks.Format h = header.format();
            if (h == null) throw new IOException("WAV file has no fmt chunk before its data");
            long frames = header.data().size() / h.blockAlign();
            float[] min = new float[BUCKETS];
            float[] max = new float[BUCKETS];
            byte[] buf = new byte[h.blockAlign() * 4096];
            long frame = 0;
            int bytesPerSample = h.bitsPerSample() / 8;
            while (frame < frames) {
                int want = (int) Math.min(4096, frames - frame);
                int n = in.readNBytes(buf, 0, want * h.blockAlign());
                int got = n / h.blockAlign();
                if (got == 0) break;
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, got * h.blockAlign()).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < got; i++, frame++) {
                    float v = sample(bb, i * h.blockAlign(), bytesPerSample, h.isFloat());
                    int b = (int) Math.min(BUCKETS - 1, frame * BUCKETS / Math.max(1, frames));
                    if (v < min[b]) min[b] = v;
                    if (v > max[b]) max[b] = v;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("min", round(min));
            m.put("max", round(max));
            return m;
        }
    }

    private static float sample(ByteBuffer bb, int at, int bytes, boolean isFloat) {
        if (isFloat) return Math.max(-1f, Math.min(1f, bb.getFloat(at)));
        return switch (bytes) {
            case 2 -> bb.getShort(at) / 32768f;
            case 3 -> ((bb.get(at) & 0xff) | (bb.get(at + 1) & 0xff) << 8 | bb.get(at + 2) << 16) / 8388608f;
            case 4 -> bb.getInt(at) / 2147483648f;
            default -> 0f;
        };
    }

    private static float[] round(float[] v) {
        for (int i = 0; i < v.length; i++) v[i] = Math.round(v[i] * 1000f) / 1000f;
        return v;
    }
}
