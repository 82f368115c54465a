package org.taperoom.web.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.taperoom.web.PanelRig;

/** Test steps of practice: sound files made by ffmpeg, uploaded as a teacher, a pass recorded as a student. */
public final class PracticeSteps {
    private PracticeSteps() {}

    /** Makes {@code file} with ffmpeg from a lavfi source (e.g. "sine=f=220:d=3"), with extra output options. */
    public static Path ffmpeg(Path file, String source, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source));
        cmd.addAll(List.of(options));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("ffmpeg " + cmd + ": " + out);
        return file;
    }

    /** Sends {@code body} as {@code contentType} to {@code path} with the session's CSRF token. */
    public static HttpResponse<String> upload(PanelRig rig, PanelRig.Client c, String method, String path, String contentType, byte[] body)
            throws Exception {
        HttpRequest r = HttpRequest.newBuilder(rig.base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType).header("X-CSRF-Token", c.csrf).build();
        return c.http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads {@code file} as a backing track of {@code className}; answers the material. */
    public static JsonNode material(PanelRig rig, PanelRig.Client teacher, String className, String title, Path file, String type) throws Exception {
        HttpResponse<String> r = upload(rig, teacher, "POST", "/api/materials?class=" + enc(className) + "&title=" + enc(title), type,
                Files.readAllBytes(file));
        assertEquals(201, r.statusCode(), r.body());
        return teacher.json(r);
    }

    /** Begins a practice over material {@code id} as {@code c}; answers the practice. */
    public static JsonNode begin(PanelRig.Client c, String materialId) throws Exception {
        HttpResponse<String> r = c.change("POST", "/api/materials/" + materialId + "/practices", null);
        assertEquals(201, r.statusCode(), r.body());
        return c.json(r);
    }

    /** Records a pass of about {@code millis} over practice {@code id} as {@code c}, from input 1. */
    public static void pass(PanelRig rig, PanelRig.Client c, String id, long millis) throws Exception {
        HttpResponse<String> r = c.change("POST", "/api/practices/" + id + "/passes", "{\"input\": 1}");
        assertEquals(202, r.statusCode(), r.body());
        rig.awaitState("overdubbing", 5000);
        Thread.sleep(millis);
        r = c.change("POST", "/api/practices/" + id + "/passes/stop", null);
        assertEquals(202, r.statusCode(), r.body());
        rig.awaitState("idle", 15000);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
