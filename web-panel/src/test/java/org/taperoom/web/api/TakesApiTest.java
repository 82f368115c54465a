package org.taperoom.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;
import org.taperoom.web.takes.Waveforms;

/** Recording through the transport routes, then everything the Takes page does, on real files. */
@ExtendWith(PanelRigExtension.class)
class TakesApiTest {
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;

    @BeforeAll
    static void recordOne() throws Exception {
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 1200);
    }

    @Test
    void recordAndStopGoThroughTheTransportAndTheStateShowsIt() throws Exception {
        HttpResponse<String> r = user.change("POST", "/api/transport/record", null);
        assertEquals(202, r.statusCode(), r.body());
        rig.awaitState("recording", 5000);
        JsonNode state = user.json(user.get("/api/state"));
        assertEquals("recording", state.get("state").asText());
        assertFalse(state.get("take").isNull());
        assertTrue(state.get("freeDiskSeconds").asLong() > 0);
        HttpResponse<String> marker = user.change("POST", "/api/markers", "{\"label\":\"chorus\"}");
        assertEquals(202, marker.statusCode(), marker.body());
        String recording = state.get("take").asText();
        assertEquals(409, user.change("DELETE", "/api/takes/" + recording, null).statusCode(), "deleting the take being recorded");
        Thread.sleep(300);
        assertEquals(202, user.change("POST", "/api/transport/stop", null).statusCode());
        rig.awaitState("idle", 10000);
        JsonNode take = user.json(user.get("/api/takes/" + recording));
        assertEquals("chorus", take.get("markers").get(0).get("label").asText());
        assertEquals("panel", take.get("source").asText());
    }

    @Test
    void aMarkerWhileIdleIs409WithASentence() throws Exception {
        HttpResponse<String> r = user.change("POST", "/api/markers", null);
        assertEquals(409, r.statusCode());
        assertTrue(user.json(r).get("error").asText().startsWith("no take is being recorded"));
    }

    @Test
    void theListAndOneTakeDescribeWhatIsOnDisk() throws Exception {
        JsonNode list = user.json(user.get("/api/takes"));
        assertTrue(list.size() >= 1);
        JsonNode take = user.json(user.get("/api/takes/" + takeId));
        assertEquals(takeId, take.get("id").asText());
        assertEquals(2, take.get("tracks").size());
        assertEquals(48000, take.get("rateHz").asInt());
        double seconds = take.get("durationSeconds").asDouble();
        assertTrue(seconds > 1.0 && seconds < 10, "duration " + seconds);
        assertTrue(take.get("day").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void aTrackIsServedWholeAndByRangeByteForByte() throws Exception {
        Path file = trackFile(1);
        byte[] disk = Files.readAllBytes(file);
        HttpResponse<byte[]> whole = user.bytes("/api/takes/" + takeId + "/tracks/1/audio", Map.of());
        assertEquals(200, whole.statusCode());
        assertEquals("audio/wav", whole.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertArrayEquals(disk, whole.body());
        HttpResponse<byte[]> part = user.bytes("/api/takes/" + takeId + "/tracks/1/audio", Map.of("Range", "bytes=1000-1999"));
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/" + disk.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(disk, 1000, 2000), part.body());
        HttpResponse<byte[]> tail = user.bytes("/api/takes/" + takeId + "/tracks/1/audio", Map.of("Range", "bytes=-16"));
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(disk, disk.length - 16, disk.length), tail.body());
        HttpResponse<byte[]> beyond = user.bytes("/api/takes/" + takeId + "/tracks/1/audio", Map.of("Range", "bytes=" + disk.length + "-"));
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + disk.length, beyond.headers().firstValue("Content-Range").orElse(""));
        HttpResponse<byte[]> download = user.bytes("/api/takes/" + takeId + "/tracks/2/audio?download=1", Map.of());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"02-"));
        assertEquals(404, user.get("/api/takes/" + takeId + "/tracks/3/audio").statusCode());
        assertEquals(404, user.get("/api/takes/" + takeId + "/tracks/0/audio").statusCode());
    }

    @Test
    void theWaveformIsComputedOnceAndCachedBesideTheTake() throws Exception {
        HttpResponse<String> first = user.get("/api/takes/" + takeId + "/waveform");
        assertEquals(200, first.statusCode(), first.body());
        JsonNode w = user.json(first);
        assertEquals(Waveforms.BUCKETS, w.get("buckets").asInt());
        assertEquals(2, w.get("tracks").size());
        assertEquals(Waveforms.BUCKETS, w.get("tracks").get(0).get("max").size());
        double loudest = 0;
        for (JsonNode v : w.get("tracks").get(0).get("max")) loudest = Math.max(loudest, v.asDouble());
        assertTrue(loudest > 0.01, "the simulated input is not silent, yet the peaks are: " + loudest);
        Path cache = trackFile(1).getParent().resolve(Waveforms.CACHE_FILE);
        assertTrue(Files.isRegularFile(cache));
        Files.writeString(cache, "{\"buckets\":1,\"tracks\":[],\"cached\":true}");
        assertTrue(user.get("/api/takes/" + takeId + "/waveform").body().contains("\"cached\":true"), "second request did not use the cache");
        Files.delete(cache);
    }

    @Test
    void renameNotesDeleteAndUndoChangeTheFilesOnDisk() throws Exception {
        String id = rig.recordTake(user, 600);
        HttpResponse<String> renamed = user.change("PATCH", "/api/takes/" + id, "{\"name\":\"Dawn chorus\",\"notes\":\"second verse\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        JsonNode t = user.json(renamed);
        assertEquals("Dawn chorus", t.get("name").asText());
        assertEquals("second verse", t.get("notes").asText());
        String newId = t.get("id").asText();
        assertTrue(newId.endsWith("-dawn-chorus"), newId);
        assertEquals(404, user.get("/api/takes/" + id).statusCode());
        HttpResponse<String> deleted = user.change("DELETE", "/api/takes/" + newId, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        String trashId = user.json(deleted).get("trashId").asText();
        assertEquals(404, user.get("/api/takes/" + newId).statusCode());
        assertTrue(Files.isDirectory(rig.library.resolve(".trash").resolve(trashId)));
        HttpResponse<String> back = user.change("POST", "/api/trash/" + trashId + "/restore", null);
        assertEquals(200, back.statusCode(), back.body());
        assertEquals(newId, user.json(back).get("id").asText());
        assertEquals("second verse", user.json(user.get("/api/takes/" + newId)).get("notes").asText());
    }

    @Test
    void badTakeChangesGet400NamingTheField() throws Exception {
        assertError(user.change("PATCH", "/api/takes/" + takeId, "{\"name\":\"\"}"), 400, "name: must not be empty");
        assertError(user.change("PATCH", "/api/takes/" + takeId, "{\"name\":42}"), 400, "name: expected a string, got a number");
        assertError(user.change("PATCH", "/api/takes/" + takeId, "{\"name\":\"" + "n".repeat(81) + "\"}"), 400, "name: at most 80 characters, got 81");
        assertError(user.change("PATCH", "/api/takes/" + takeId, "{\"colour\":\"red\"}"), 400, "colour: unknown field; expected one of name, notes");
        assertError(user.change("PATCH", "/api/takes/" + takeId, "{\"notes\":\"" + "n".repeat(4001) + "\"}"), 400, "notes: at most 4000 characters, got 4001");
        assertEquals(404, user.change("PATCH", "/api/takes/2020-01-01_000000-none", "{\"name\":\"x\"}").statusCode());
    }

    @Test
    void noRequestReadsOrDeletesOutsideTheLibrary() throws Exception {
        Path outside = rig.dir.resolve("secret.wav");
        Files.writeString(outside, "not yours");
        Path victim = rig.dir.resolve("victim");
        Files.createDirectories(victim.resolve("a"));
        Files.writeString(victim.resolve("a").resolve("take.json"), "{}");
        List<String> ids = List.of("..", "..%2F..%2Fsecret.wav", "%2e%2e", "%2e%2e%2fvictim", "..%5C..", "%2Fetc%2Fpasswd",
                "%252e%252e", "..%2F..%2Fvictim_a", ".trash", "%2E%2E_%2E%2E", "..._a", "victim_..", "C:%5Cwindows");
        for (String id : ids) {
            for (String path : List.of("/api/takes/" + id, "/api/takes/" + id + "/tracks/1/audio", "/api/takes/" + id + "/waveform")) {
                HttpResponse<String> r = user.get(path);
                assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " answered " + r.statusCode());
                assertFalse(r.body().contains("not yours"), path);
            }
            HttpResponse<String> d = user.change("DELETE", "/api/takes/" + id, null);
            assertTrue(d.statusCode() == 404 || d.statusCode() == 400, "DELETE " + id + " answered " + d.statusCode());
            HttpResponse<String> restore = user.change("POST", "/api/trash/" + id + "/restore", null);
            assertTrue(restore.statusCode() == 404 || restore.statusCode() == 400, "restore " + id + " answered " + restore.statusCode());
        }
        assertTrue(Files.exists(outside));
        assertTrue(Files.exists(victim.resolve("a").resolve("take.json")));
        assertEquals(200, user.get("/api/takes/" + takeId).statusCode());
    }

    static Path trackFile(int n) throws Exception {
        return Files.list(rig.library.resolve(takeId.substring(0, takeId.indexOf('_'))).resolve(takeId.substring(takeId.indexOf('_') + 1)))
                .filter(p -> p.getFileName().toString().startsWith(String.format("%02d-", n)) && p.toString().endsWith(".wav"))
                .findFirst().orElseThrow();
    }

    static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(message, PanelRig.JSON.readTree(r.body()).get("error").asText());
    }
}
