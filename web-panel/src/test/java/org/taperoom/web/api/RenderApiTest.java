package org.taperoom.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nayuki.qrcodegen.QrCode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.LiveSocket;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/** The Mix, Master and Export routes over the DSP's real renders of a recorded take. */
@ExtendWith(PanelRigExtension.class)
class RenderApiTest {
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;

    @BeforeAll
    static void recordOne() throws Exception {
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 1500);
    }

    static JsonNode awaitJob(String job) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            JsonNode j = user.json(user.get("/api/jobs/" + job));
            String state = j.get("state").asText();
            if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) return j;
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish in 60 s");
    }

    @Test
    void theMixIsStoredWithTheTakeAndBadSettingsGet400NamingTheKeyPath() throws Exception {
        JsonNode take = user.json(user.get("/api/takes/" + takeId));
        String stem = take.get("tracks").get(0).get("stem").asText();
        HttpResponse<String> put = user.change("PUT", "/api/takes/" + takeId + "/mix",
                "{\"tracks\":{\"" + stem + "\":{\"fader_db\":-6,\"pan\":-0.5,\"mute\":false}}}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode mix = user.json(user.get("/api/takes/" + takeId + "/mix"));
        assertEquals(-6, mix.get("tracks").get(stem).get("fader_db").asDouble());
        assertEquals(-0.5, mix.get("tracks").get(stem).get("pan").asDouble());
        HttpResponse<String> pan = user.change("PUT", "/api/takes/" + takeId + "/mix", "{\"tracks\":{\"" + stem + "\":{\"pan\":7}}}");
        assertEquals(400, pan.statusCode(), pan.body());
        assertTrue(user.json(pan).get("error").asText().contains("pan"), pan.body());
        HttpResponse<String> ghost = user.change("PUT", "/api/takes/" + takeId + "/mix", "{\"tracks\":{\"99-ghost\":{\"pan\":0}}}");
        assertEquals(400, ghost.statusCode(), ghost.body());
        assertTrue(user.json(ghost).get("error").asText().startsWith("mix.tracks.99-ghost: no such track"), ghost.body());
        HttpResponse<String> broken = user.change("PUT", "/api/takes/" + takeId + "/mix", "{\"tracks\":");
        assertEquals(400, broken.statusCode(), broken.body());
        assertEquals(-6, user.json(user.get("/api/takes/" + takeId + "/mix")).get("tracks").get(stem).get("fader_db").asDouble(),
                "a rejected mix leaves the stored one alone");
    }

    @Test
    void theMasterPresetIsStoredAndAnAnalysisMeasuresBeforeAndAfter() throws Exception {
        HttpResponse<String> put = user.change("PUT", "/api/takes/" + takeId + "/master", "{\"preset\":\"broadcast\",\"ceiling_dbtp\":-2}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("broadcast", user.json(user.get("/api/takes/" + takeId + "/master")).get("preset").asText());
        HttpResponse<String> bad = user.change("PUT", "/api/takes/" + takeId + "/master", "{\"preset\":\"loud\"}");
        assertEquals(400, bad.statusCode());
        HttpResponse<String> started = user.change("POST", "/api/takes/" + takeId + "/master/analysis", null);
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = awaitJob(user.json(started).get("job").asText());
        assertEquals("done", job.get("state").asText(), job.toString());
        JsonNode after = job.get("result").get("after");
        assertEquals(-23, after.get("integratedLufs").asDouble(), 1.0, job.toString());
        assertTrue(after.get("truePeakDbtp").asDouble() <= -2 + 0.1, job.toString());
        assertTrue(job.get("result").get("before").has("integratedLufs"));
    }

    @Test
    void anExportCanBeDownloadedAndSharedToAPhoneWithoutThePin() throws Exception {
        HttpResponse<String> started = user.change("POST", "/api/takes/" + takeId + "/exports",
                "{\"format\":\"flac\",\"tags\":{\"title\":\"Dawn\",\"artist\":\"The Band\"}}");
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = awaitJob(user.json(started).get("job").asText());
        assertEquals("done", job.get("state").asText(), job.toString());
        String file = job.get("result").get("file").asText();
        assertTrue(file.endsWith(".flac"), file);
        JsonNode list = user.json(user.get("/api/takes/" + takeId + "/exports"));
        assertTrue(list.toString().contains(file), list.toString());
        HttpResponse<byte[]> download = user.bytes("/api/takes/" + takeId + "/exports/" + file + "/file", Map.of());
        assertEquals(200, download.statusCode());
        assertEquals("fLaC", new String(download.body(), 0, 4, StandardCharsets.US_ASCII));

        HttpResponse<String> link = user.change("POST", "/api/takes/" + takeId + "/exports/" + file + "/link", null);
        assertEquals(200, link.statusCode(), link.body());
        String url = user.json(link).get("url").asText();
        assertTrue(url.matches("http://[^/]+/share/[A-Za-z0-9_-]{43}"), url);
        String qr = user.json(link).get("qr").asText();
        assertTrue(qr.startsWith("data:image/svg+xml;base64,"));
        String svg = new String(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)), StandardCharsets.UTF_8);
        int size = QrCode.encodeText(url, QrCode.Ecc.MEDIUM).size;
        assertTrue(svg.contains("viewBox=\"0 0 " + (size + 8) + " " + (size + 8) + "\""), "the QR code encodes the link: " + svg.substring(0, 120));

        PanelRig.Client phone = rig.client();
        String path = url.substring(url.indexOf("/share/"));
        HttpResponse<byte[]> shared = phone.bytes(path, Map.of());
        assertEquals(200, shared.statusCode());
        assertEquals(download.body().length, shared.body().length);
        assertEquals(404, phone.get("/share/" + "A".repeat(43)).statusCode());
        assertEquals(404, phone.get("/share/..%2F..%2Ftake.json").statusCode());
        assertEquals(401, phone.get("/api/takes/" + takeId + "/exports/" + file + "/file").statusCode());
    }

    @Test
    void aShareLinkStillDownloadsTheExportAfterItsTakeIsRenamed() throws Exception {
        String id = rig.recordTake(user, 800);
        HttpResponse<String> started = user.change("POST", "/api/takes/" + id + "/exports", "{\"format\":\"wav\"}");
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = awaitJob(user.json(started).get("job").asText());
        String file = job.get("result").get("file").asText();
        String url = user.json(user.change("POST", "/api/takes/" + id + "/exports/" + file + "/link", null)).get("url").asText();
        String path = url.substring(url.indexOf("/share/"));
        PanelRig.Client phone = rig.client();
        long bytes = phone.bytes(path, Map.of()).body().length;

        HttpResponse<String> renamed = user.change("PATCH", "/api/takes/" + id, "{\"name\":\"Renamed after sharing\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        String newId = user.json(renamed).get("id").asText();
        assertTrue(!newId.equals(id), "the rename moved the take: " + newId);

        HttpResponse<byte[]> shared = phone.bytes(path, Map.of());
        assertEquals(200, shared.statusCode(), "the link given out before the rename still downloads");
        assertEquals(bytes, shared.body().length);
    }

    @Test
    void aPreviewRenderFollowsTheMixAndIsPlayable() throws Exception {
        HttpResponse<String> started = user.change("POST", "/api/takes/" + takeId + "/preview", null);
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = awaitJob(user.json(started).get("job").asText());
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals("/api/takes/" + takeId + "/preview/audio", job.get("url").asText());
        HttpResponse<byte[]> audio = user.bytes(job.get("url").asText(), Map.of("Range", "bytes=0-99"));
        assertEquals(206, audio.statusCode());
        assertEquals(100, audio.body().length);
        JsonNode list = user.json(user.get("/api/takes/" + takeId + "/exports"));
        assertTrue(!list.toString().contains(".preview"), "previews are not listed as exports: " + list);
    }

    @Test
    void badExportRequestsGet400AndUnknownJobs404() throws Exception {
        HttpResponse<String> r = user.change("POST", "/api/takes/" + takeId + "/exports", "{\"format\":\"aiff\"}");
        assertEquals(400, r.statusCode());
        assertEquals("format: expected one of wav, flac, mp3, opus, got \"aiff\"", user.json(r).get("error").asText());
        HttpResponse<String> tags = user.change("POST", "/api/takes/" + takeId + "/exports", "{\"format\":\"wav\",\"tags\":{\"mood\":\"happy\"}}");
        assertEquals(400, tags.statusCode(), tags.body());
        assertEquals(404, user.get("/api/jobs/999999").statusCode());
        assertEquals(404, user.get("/api/takes/" + takeId + "/exports/..%2Ftake.json/file").statusCode());
        assertEquals(404, user.get("/api/takes/" + takeId + "/exports/.preview.mp3/file").statusCode());
    }

    @Test
    void aControlCharacterInAnExportTagGets400NamingTheTag() throws Exception {
        HttpResponse<String> nul = user.change("POST", "/api/takes/" + takeId + "/exports", "{\"format\":\"mp3\",\"tags\":{\"title\":\"a\\u0000b\"}}");
        assertEquals(400, nul.statusCode(), nul.body());
        assertEquals("tags.title: must not contain control characters", user.json(nul).get("error").asText());
        HttpResponse<String> bell = user.change("POST", "/api/takes/" + takeId + "/exports", "{\"format\":\"flac\",\"tags\":{\"artist\":\"x\\u0007\"}}");
        assertEquals(400, bell.statusCode(), bell.body());
        assertEquals("tags.artist: must not contain control characters", user.json(bell).get("error").asText());
        HttpResponse<String> number = user.change("POST", "/api/takes/" + takeId + "/exports", "{\"format\":\"flac\",\"tags\":{\"date\":2026}}");
        assertEquals(400, number.statusCode(), number.body());
        assertTrue(user.json(number).get("error").asText().startsWith("tags.date: "), number.body());
    }

    @Test
    void aFailedExportSaysWhatFailedWithoutShowingAHostPath() throws Exception {
        String broken = rig.recordTake(user, 600);
        Path folder = rig.library.resolve(broken.substring(0, 10)).resolve(broken.substring(11));
        try (var files = Files.list(folder)) {
            for (Path wav : files.filter(f -> f.toString().endsWith(".wav")).toList()) {
                Files.write(wav, "RIFF\u0000\u0000\u0000\u0000WAVEjunkjunkjunk".getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        HttpResponse<String> started = user.change("POST", "/api/takes/" + broken + "/exports", "{\"format\":\"wav\"}");
        String shown = started.body();
        if (started.statusCode() == 202) {
            JsonNode job = awaitJob(user.json(started).get("job").asText());
            assertEquals("failed", job.get("state").asText(), job.toString());
            shown = job.get("error").asText();
        } else {
            assertTrue(started.statusCode() >= 400 && started.statusCode() < 500, started.statusCode() + " " + shown);
        }
        assertFalse(shown.isBlank());
        assertFalse(shown.contains(rig.dir.toString()), shown);
        assertFalse(shown.matches("(?s).*(/[\\w.~-]+){2,}.*"), "a path in: " + shown);
    }

    @Test
    void anExportsProgressIsPushedToTheBrowsersStepByStepUntilItIsDone() throws Exception {
        try (LiveSocket live = new LiveSocket(rig.base, LiveSocket.cookieOf(user))) {
            HttpResponse<String> started = user.change("POST", "/api/takes/" + takeId + "/exports", "{\"format\":\"wav\"}");
            assertEquals(202, started.statusCode(), started.body());
            String job = user.json(started).get("job").asText();
            List<JsonNode> seen = new ArrayList<>();
            for (LiveSocket.Message m; (m = live.next("progress", 60_000)) != null; ) {
                if (!m.json().get("job").asText().equals(job)) continue;
                seen.add(m.json());
                if (m.json().get("state").asText().equals("done")) break;
            }
            assertFalse(seen.isEmpty(), "no progress message");
            JsonNode last = seen.get(seen.size() - 1);
            assertEquals("done", last.get("state").asText(), seen.toString());
            assertTrue(last.get("url").asText().endsWith(".wav/file"), last.toString());
            double fraction = -1;
            for (JsonNode n : seen) {
                assertTrue(n.get("progress").asDouble() >= fraction, "progress never goes back: " + seen);
                fraction = n.get("progress").asDouble();
            }
            assertTrue(seen.size() <= 110, "one message per percent at most, got " + seen.size());
            assertEquals(null, live.next("progress", 500), "nothing after done");
        }
    }
}
