package org.taperoom.web.publish;

import static org.taperoom.web.api.RenderDocs.withoutPaths;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.taperoom.appliance.publish.PublishJob;
import org.taperoom.appliance.publish.UploadFigures;

/** The publisher's figures and jobs as JSON documents, without host paths. */
public final class UploadDocs {
    private UploadDocs() {}

    /** The {@code uploads} object of {@code /api/state}, the {@code uploads} message and {@code GET /api/publish}. */
    public static Map<String, Object> figures(UploadFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("destination", f.destination());
        m.put("running", f.running());
        m.put("windowOpen", f.windowOpen());
        m.put("queued", f.queued());
        m.put("queuedBytes", f.queuedBytes());
        m.put("failing", f.failing());
        if (f.inFlightFile() == null) {
            m.put("inFlight", null);
        } else {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("file", f.inFlightFile());
            in.put("bytes", f.inFlightBytes());
            in.put("totalBytes", f.inFlightTotalBytes());
            m.put("inFlight", in);
        }
        m.put("bytesPerSecond", Math.round(f.bytesPerSecond()));
        m.put("done", f.done());
        m.put("failed", f.failed());
        m.put("lastError", withoutPaths(f.lastError()));
        m.put("lastErrorMillis", f.lastErrorMillis());
        return m;
    }

    /** One queued job; {@code take} is the take's folder name, the file is relative to it. */
    static Map<String, Object> job(PublishJob j, String inFlightId, Path library, long nowMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        Path local = Path.of(j.localPath());
        Path rel = local.startsWith(library) ? library.relativize(local) : local.getFileName();
        m.put("id", j.id());
        m.put("file", rel.getFileName().toString());
        m.put("take", rel.getNameCount() >= 3 ? rel.getName(0) + "/" + rel.getName(1) : "");
        m.put("remotePath", j.remotePath());
        m.put("bytes", j.bytes());
        m.put("attempts", j.attempts());
        m.put("lastError", withoutPaths(j.lastError()));
        boolean uploading = j.id().equals(inFlightId);
        m.put("state", uploading ? "uploading" : j.attempts() > 0 ? "failing" : "waiting");
        m.put("nextAttemptSeconds", uploading ? 0 : Math.max(0, (j.nextAttemptMillis() - nowMillis) / 1000.0));
        return m;
    }
}
