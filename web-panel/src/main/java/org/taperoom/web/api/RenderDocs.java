package org.taperoom.web.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.web.server.ApiError;

/**
 * What the render routes (mix and master, previews, exports, share links, jobs) share: the DSP's
 * settings errors as 400s, the document of a rendered file, loudness figures, and messages made
 * fit for a browser (no host paths).
 */
public final class RenderDocs {
    /** The latest preview of a take, in its renders folder (hidden: not listed as an export). */
    static final String PREVIEW_FILE = ".preview.mp3";
    static final String ANALYSIS_FILE = ".analysis.wav";
    /** An absolute path in a message: everything up to its last element. */
    private static final Pattern PATH = Pattern.compile("(?<![\\w.~-])/(?:[^/\\s:'\"]+/)+(?=[^/\\s:'\"]+)");

    private RenderDocs() {}

    interface Work<T> {
        T run() throws IOException, SettingsException;
    }

    /** Runs DSP work; its settings errors become 400 with the DSP's own message (it names the key path). */
    static <T> T settings(Work<T> work) throws IOException {
        try {
            return work.run();
        } catch (SettingsException e) {
            throw new ApiError(400, withoutPaths(e.getMessage()));
        }
    }

    /**
     * {@code message} with every absolute path cut to its file name: a browser learns which file
     * failed, not where the library lives on the appliance.
     */
    public static String withoutPaths(String message) {
        return message == null ? null : PATH.matcher(message).replaceAll("");
    }

    static Map<String, Object> exportDoc(String takeId, Path file, long bytes) {
        return exportDoc("/api/takes", takeId, file, bytes);
    }

    /** An export of the programme {@code id} under {@code base} ({@code /api/takes} or {@code /api/songs}). */
    static Map<String, Object> exportDoc(String base, String id, Path file, long bytes) {
        String name = file.getFileName().toString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", name);
        m.put("file", name);
        m.put("bytes", bytes);
        m.put("url", name.equals(PREVIEW_FILE) ? base + "/" + id + "/preview/audio"
                : name.startsWith(".") ? null : base + "/" + id + "/exports/" + name + "/file");
        return m;
    }

    static Map<String, Object> figures(LoudnessFigures f) {
        Map<String, Object> raw = f.toJsonMap();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("integratedLufs", raw.get("integrated_lufs"));
        m.put("truePeakDbtp", raw.get("true_peak_dbtp"));
        m.put("samplePeakDbfs", raw.get("sample_peak_dbfs"));
        m.put("lraLu", raw.get("loudness_range_lu"));
        return m;
    }

    static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
