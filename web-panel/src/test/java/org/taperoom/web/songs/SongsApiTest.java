package org.taperoom.web.songs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.web.PanelRig;
import org.taperoom.web.PanelRigExtension;

/**
 * Songs through the real server on the simulated interface: made from a take, comped, overdubbed,
 * punched and looped, played, rendered. The interface's outputs loop back to its inputs with no
 * delay, so its two streams count from one start as a linked full-duplex device's do.
 */
@ExtendWith(PanelRigExtension.class)
@PanelRigExtension.Channels(value = 2, device = "sim:loopback=0")
class SongsApiTest {
    static PanelRig rig;
    static PanelRig.Client user;
    static String takeId;

    @BeforeAll
    static void recordABed() throws Exception {
        user = rig.loggedIn();
        takeId = rig.recordTake(user, 800);
    }

    private static JsonNode newSong(String title) throws Exception {
        HttpResponse<String> r = user.change("POST", "/api/songs", "{\"title\":\"" + title + "\",\"fromTake\":\"" + takeId + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return user.json(r);
    }

    private static JsonNode song(String id) throws Exception {
        HttpResponse<String> r = user.get("/api/songs/" + id);
        assertEquals(200, r.statusCode(), r.body());
        return user.json(r);
    }

    /** The job once it has ended, asserted done (within a minute). */
    private static JsonNode finished(String job) throws Exception {
        JsonNode j = null;
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            j = user.json(user.get("/api/jobs/" + job));
            if (j.get("state").asText().matches("done|failed|cancelled")) break;
            Thread.sleep(100);
        }
        assertEquals("done", j.get("state").asText(), j.toString());
        return j;
    }

    /** Records a pass of about {@code millis} into {@code lane} from input 1; returns the song after it. */
    private static JsonNode overdub(String id, String lane, long millis) throws Exception {
        HttpResponse<String> r = user.change("POST", "/api/songs/" + id + "/passes", "{\"inputs\":[1],\"lanes\":[\"" + lane + "\"]}");
        assertEquals(202, r.statusCode(), r.body());
        rig.awaitState("overdubbing", 5000);
        Thread.sleep(millis);
        assertEquals(202, user.change("POST", "/api/songs/" + id + "/passes/stop", null).statusCode());
        rig.awaitState("idle", 15000);
        return song(id);
    }

    @Test
    void aSongMadeFromATakeHasALaneForEachTrackWithItsOnlyPassActiveAtTheStart() throws Exception {
        JsonNode s = newSong("From the rehearsal");
        assertEquals(2, s.get("lanes").size());
        for (JsonNode lane : s.get("lanes")) {
            assertEquals(1, lane.get("active").asInt());
            JsonNode pass = lane.get("passes").get(0);
            assertEquals(takeId, pass.get("take").asText());
            assertEquals(0, pass.get("offsetFrames").asLong());
            assertFalse(pass.get("missing").asBoolean());
            assertTrue(pass.get("lengthSeconds").asDouble() > 0.5, "the bed's length: " + pass);
        }
        assertTrue(s.get("lengthSeconds").asDouble() > 0.5);
        boolean listed = false;
        for (JsonNode l : user.json(user.get("/api/songs"))) listed |= l.get("id").asText().equals(s.get("id").asText());
        assertTrue(listed, "GET /api/songs lists it");
        assertEquals(s.get("id").asText(), rig.control.transport().lastSongId(), "the song made is the one the overdub button records over");
    }

    @Test
    void badInputIsOneLineNamingTheFieldNeverAServerError() throws Exception {
        String id = newSong("Strict").get("id").asText();
        String base = "/api/songs/" + id;
        Object[][] cases = {
                {"POST", "/api/songs", "{}", 400, "title: missing"},
                {"POST", "/api/songs", "{\"title\":\"  \"}", 400, "title:"},
                {"POST", "/api/songs", "{\"title\":\"x\",\"colour\":1}", 400, "colour: unknown field"},
                {"POST", "/api/songs", "{\"title\":\"x\",\"fromTake\":\"../etc\"}", 400, "fromTake: not a take id"},
                {"POST", "/api/songs", "{\"title\":\"x\",\"fromTake\":\"2020-01-01_000000-none\"}", 404, "no"},
                {"POST", "/api/songs", "[1]", 400, "body: expected a JSON object"},
                {"GET", "/api/songs/no-such-song", null, 404, "no song no-such-song"},
                {"GET", "/api/songs/..%2Fetc", null, 404, ""},
                {"PATCH", base, "{\"title\":7}", 400, "title: expected a string"},
                {"PATCH", base, "{}", 400, "body: give at least one of title, punchCrossfadeMs, tempoBpm, timeSignature, key"},
                {"PATCH", base, "{\"tempoBpm\":10}", 400, "tempoBpm: expected a number from 20"},
                {"PATCH", base, "{\"timeSignature\":\"7/3\"}", 400, "timeSignature: expected N/D with N 1 to 16"},
                {"PATCH", base, "{\"timeSignature\":\"four\"}", 400, "timeSignature: expected N/D"},
                {"PATCH", base, "{\"key\":\"E minor\\nand more\"}", 400, "key: one line"},
                {"PATCH", base, "{\"punchCrossfadeMs\":500}", 400, "punchCrossfadeMs: expected a number from 0 to"},
                {"DELETE", "/api/songs/no-such-song", null, 404, "no song no-such-song"},
                {"POST", "/api/trash/songs/no-such-song/restore", null, 404, "no song no-such-song in the trash"},
                {"POST", "/api/trash/songs/..%2Fetc/restore", null, 404, ""},
                {"PATCH", base + "/lanes/9", "{\"mute\":true}", 404, "no lane 9"},
                {"PATCH", base + "/lanes/x", "{\"mute\":true}", 404, "lane must be a number"},
                {"PATCH", base + "/lanes/1", "{}", 400, "body: give at least one of"},
                {"PATCH", base + "/lanes/1", "{\"mute\":\"yes\"}", 400, "mute: expected true or false"},
                {"PATCH", base + "/lanes/1", "{\"active\":5}", 400, "active: lane"},
                {"PATCH", base + "/lanes/1", "{\"active\":1.5}", 400, "active: a pass number"},
                {"PATCH", base + "/lanes/1", "{\"name\":\"a/b\"}", 400, "name: 1 to 40 letters"},
                {"DELETE", base + "/lanes/1/passes/2", null, 404, "no pass 2"},
                {"DELETE", base + "/lanes/1/passes/1?confirm=yes", null, 400, "confirm: the only value is lane"},
                {"DELETE", base + "/lanes/1/passes/1", null, 409, "only pass of lane"},
                {"POST", base + "/trash/1/restore", null, 404, "no entry 1"},
                {"POST", base + "/passes", "{}", 400, "inputs: missing"},
                {"POST", base + "/passes", "{\"inputs\":[]}", 400, "inputs: expected a non-empty array"},
                {"POST", base + "/passes", "{\"inputs\":[3]}", 400, "inputs[0]: expected an input number from 1 to 2"},
                {"POST", base + "/passes", "{\"inputs\":[1,1]}", 400, "inputs[1]: input 1 is listed twice"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"lanes\":[\"a\",\"b\"]}", 400, "lanes: 1 input(s) but 2 lane name(s)"},
                {"POST", base + "/passes", "{\"inputs\":[1,2],\"lanes\":[\"a\",\"a\"]}", 400, "lanes[1]: named twice"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"punch\":5}", 400, "punch: expected {"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"punch\":{\"inSeconds\":0.2}}", 400, "punch: needs both inSeconds and outSeconds"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"punch\":{\"inSeconds\":0.5,\"outSeconds\":0.5}}", 400, "punch.outSeconds: must be after"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"punch\":{\"inSeconds\":0.5,\"outSeconds\":0.6,\"fromSeconds\":0.7}}", 400, "punch.fromSeconds: expected a number from 0 to 0.5"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"punch\":{\"inSeconds\":0.1,\"outSeconds\":0.2,\"loopCycles\":1.5}}", 400, "punch.loopCycles: a whole number"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"punch\":{\"inSeconds\":0.1,\"outSeconds\":60,\"loopCycles\":2}}", 400, "punch.outSeconds: expected a number from 0 to"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"punch\":{\"inSeconds\":0.1,\"outSeconds\":0.2,\"colour\":1}}", 400, "punch.colour: unknown field"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"click\":\"yes\"}", 400, "click: expected true or false"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"countInBars\":5}", 400, "countInBars: expected a whole number of bars from 0 to 4, got 5"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"countInBars\":1.5}", 400, "countInBars: expected a whole number of bars from 0 to 4"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"clickSound\":\"cowbell\"}", 400, "clickSound: the click sound must be beep, wood or stick, not cowbell"},
                {"POST", base + "/passes", "{\"inputs\":[1],\"clickLevelDb\":3}", 400, "clickLevelDb: expected a number from -60"},
                {"POST", base + "/passes/stop", null, 409, "no pass is being recorded"},
                {"POST", base + "/play", "{\"fromSeconds\":-1}", 400, "fromSeconds: expected a number from 0"},
                {"POST", base + "/play", "{\"fromSeconds\":9999}", 400, "past the song's end"},
                {"POST", base + "/render", "{\"format\":\"aiff\"}", 400, "format: \"aiff\" is not one of"},
                {"GET", base + "/renders/..%2F..%2Fsong.json", null, 404, ""},
                {"GET", base + "/renders/nothing.wav", null, 404, "no render nothing.wav"},
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] c : cases) {
            HttpResponse<String> r = user.send((String) c[0], (String) c[1], (String) c[2], Map.of("X-CSRF-Token", user.csrf));
            String error = r.body().startsWith("{") && user.json(r).has("error") ? user.json(r).get("error").asText() : "";
            boolean ok = r.statusCode() == (int) c[3] && error.contains((String) c[4]) && !error.isEmpty() && !error.contains("\n")
                    && !error.contains("Exception") && !error.contains(rig.library.toString());
            if (!ok) wrong.add(c[0] + " " + c[1] + " " + c[2] + " -> " + r.statusCode() + " " + r.body());
        }
        assertEquals(List.of(), wrong, "each answers its status with one line naming what is wrong");
        if (!rig.control.transport().view().state().wireName().equals("idle")) throw new AssertionError("the bad requests started something");
    }

    @Test
    void aSongsTempoTimeSignatureAndKeyAreSetAndStayWhereTheClickAndRulerReadThem() throws Exception {
        String id = newSong("In six").get("id").asText();
        HttpResponse<String> r = user.change("PATCH", "/api/songs/" + id, "{\"tempoBpm\":96.5,\"timeSignature\":\"6/8\",\"key\":\"E minor\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = song(id);
        assertEquals(96.5, s.get("tempoBpm").asDouble());
        assertEquals("6/8", s.get("timeSignature").asText());
        assertEquals("E minor", s.get("key").asText());
        // The tempo alone keeps the time signature.
        assertEquals(200, user.change("PATCH", "/api/songs/" + id, "{\"tempoBpm\":120}").statusCode());
        s = song(id);
        assertEquals(120, s.get("tempoBpm").asDouble());
        assertEquals("6/8", s.get("timeSignature").asText());
    }

    @Test
    void muteSoloTheActivePassAndTheNameOfALaneChangeAndStay() throws Exception {
        String id = newSong("Comping").get("id").asText();
        HttpResponse<String> r = user.change("PATCH", "/api/songs/" + id + "/lanes/2", "{\"mute\":true,\"solo\":false,\"name\":\"Bass DI\"}");
        assertEquals(200, r.statusCode(), r.body());
        r = user.change("PATCH", "/api/songs/" + id + "/lanes/1", "{\"solo\":true}");
        assertEquals(200, r.statusCode(), r.body());
        r = user.change("PATCH", "/api/songs/" + id, "{\"title\":\"Comping, take two\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = song(id);
        assertEquals("Comping, take two", s.get("title").asText());
        assertEquals(id, s.get("id").asText(), "a new title keeps the id");
        JsonNode bass = s.get("lanes").get(1);
        assertEquals("Bass DI", bass.get("name").asText());
        assertTrue(bass.get("mute").asBoolean(), "the renamed lane keeps its strip");
        assertTrue(s.get("lanes").get(0).get("solo").asBoolean());
        assertFalse(s.get("lanes").get(0).get("mute").asBoolean());
        r = user.change("PATCH", "/api/songs/" + id + "/lanes/1", "{\"name\":\"Bass DI\"}");
        assertEquals(400, r.statusCode(), "two lanes of one name: " + r.body());
    }

    @Test
    void aSongGetsItsQuickMixAfterEachPassAsATakeDoesWhenItStops() throws Exception {
        String id = newSong("Quick after").get("id").asText();
        assertEquals(0, user.json(user.get("/api/songs/" + id + "/renders")).size(), "no render before the pass");
        overdub(id, "Vox", 600);
        JsonNode renders = null;
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            renders = user.json(user.get("/api/songs/" + id + "/renders"));
            if (renders.size() > 0) break;
            Thread.sleep(100);
        }
        assertEquals(1, renders.size(), "one render after the pass: " + renders);
        assertTrue(renders.get(0).get("file").asText().endsWith("-quick-mix.mp3"), renders.toString());
    }

    @Test
    void aPassRecordedFromThePanelLandsInItsLaneAndCompingSwitchesBetweenPasses() throws Exception {
        String id = newSong("Overdubs").get("id").asText();
        JsonNode after = overdub(id, "Vox", 700);
        assertEquals(3, after.get("lanes").size(), after.toString());
        JsonNode vox = after.get("lanes").get(2);
        assertEquals("Vox", vox.get("name").asText());
        JsonNode first = vox.get("passes").get(0);
        assertFalse(first.get("missing").asBoolean());
        // The pass records from the moment the interface is open again and the song plays (a
        // fraction of the 700 ms on a loaded machine) until the stop.
        assertTrue(first.get("lengthSeconds").asDouble() > 0.1, "the pass holds what was recorded until stop: " + first);
        assertTrue(user.json(user.get("/api/state")).get("reason").asText().contains("recorded"));
        assertTrue(rig.engine.status().running(), "the recorder has its device again");

        after = overdub(id, "Vox", 500);
        vox = after.get("lanes").get(2);
        assertEquals(2, vox.get("passes").size());
        assertEquals(2, vox.get("active").asInt(), "a new pass is the one heard");
        HttpResponse<String> r = user.change("PATCH", "/api/songs/" + id + "/lanes/3", "{\"active\":1}");
        assertEquals(200, r.statusCode(), r.body());
        vox = song(id).get("lanes").get(2);
        assertEquals(1, vox.get("active").asInt());
        assertTrue(vox.get("passes").get(0).get("active").asBoolean());
        assertFalse(vox.get("passes").get(1).get("active").asBoolean());
    }

    @Test
    void aPunchedPassHoldsExactlyItsRegionAndALoopGivesAPassPerCycle() throws Exception {
        String id = newSong("Punches").get("id").asText();
        HttpResponse<String> r = user.change("POST", "/api/songs/" + id + "/passes",
                "{\"inputs\":[1],\"lanes\":[\"Fix\"],\"punch\":{\"fromSeconds\":0.2,\"inSeconds\":0.4,\"outSeconds\":0.7}}");
        assertEquals(202, r.statusCode(), r.body());
        rig.awaitState("overdubbing", 5000);
        rig.awaitState("idle", 15000); // a punched pass ends by itself at the punch-out
        JsonNode fix = song(id).get("lanes").get(2);
        assertEquals("Fix", fix.get("name").asText());
        JsonNode pass = fix.get("passes").get(0);
        assertEquals(19200, pass.get("offsetFrames").asLong(), "the pass starts on the punch-in's frame: " + pass);
        assertEquals(14400, pass.get("lengthFrames").asLong(), "and holds exactly the region: " + pass);

        r = user.change("POST", "/api/songs/" + id + "/passes",
                "{\"inputs\":[2],\"lanes\":[\"Loop\"],\"punch\":{\"fromSeconds\":0,\"inSeconds\":0.2,\"outSeconds\":0.5,\"loopCycles\":2}}");
        assertEquals(202, r.statusCode(), r.body());
        rig.awaitState("overdubbing", 5000);
        rig.awaitState("idle", 15000);
        JsonNode loop = song(id).get("lanes").get(3);
        assertEquals(2, loop.get("passes").size(), "a pass per cycle: " + loop);
        assertEquals(2, loop.get("active").asInt(), "the last cycle is heard");
        for (JsonNode p : loop.get("passes")) {
            assertEquals(9600, p.get("offsetFrames").asLong());
            assertEquals(14400, p.get("lengthFrames").asLong());
        }
    }

    @Test
    void twoPassesAtOnceOneIsRecordedAndTheOtherIs409() throws Exception {
        String id = newSong("Race").get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<HttpResponse<String>> ask = () -> user.change("POST", "/api/songs/" + id + "/passes", "{\"inputs\":[1]}");
            Future<HttpResponse<String>> a = pool.submit(ask);
            Future<HttpResponse<String>> b = pool.submit(ask);
            List<Integer> codes = new ArrayList<>(List.of(a.get().statusCode(), b.get().statusCode()));
            codes.sort(null);
            assertEquals(List.of(202, 409), codes, a.get().body() + " / " + b.get().body());
            HttpResponse<String> loser = a.get().statusCode() == 409 ? a.get() : b.get();
            assertTrue(user.json(loser).get("error").asText().contains("pass is being recorded"), loser.body());
            assertEquals(409, user.change("POST", "/api/songs/" + id + "/passes", "{\"inputs\":[2]}").statusCode(), "a third one later");
            assertEquals(409, user.change("PATCH", "/api/songs/" + id + "/lanes/1", "{\"mute\":true}").statusCode(), "lanes wait for the pass");
            assertEquals(409, user.change("DELETE", "/api/songs/" + id, null).statusCode(), "a song is not deleted while a pass records");
            assertEquals(409, user.change("PUT", "/api/songs/" + id + "/mix", "{}").statusCode(), "nor its mix saved");
            Thread.sleep(300);
            assertEquals(202, user.change("POST", "/api/songs/" + id + "/passes/stop", null).statusCode());
            rig.awaitState("idle", 15000);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, song(id).get("lanes").size(), "exactly one pass was recorded");

        HttpResponse<String> r = user.change("POST", "/api/transport/record", null);
        rig.awaitState("recording", 5000);
        HttpResponse<String> during = user.change("POST", "/api/songs/" + id + "/passes", "{\"inputs\":[1]}");
        user.change("POST", "/api/transport/stop", null);
        rig.awaitState("idle", 10000);
        assertEquals(409, during.statusCode(), "no pass while a take records: " + r.body());
        assertTrue(user.json(during).get("error").asText().contains("take is being recorded"));
    }

    @Test
    void aPassTakenOutGoesToTheTrashAndComesBackWithItsLane() throws Exception {
        String id = newSong("Trash").get("id").asText();
        assertEquals(200, user.change("PATCH", "/api/songs/" + id + "/lanes/2", "{\"mute\":true}").statusCode());
        HttpResponse<String> r = user.change("DELETE", "/api/songs/" + id + "/lanes/2/passes/1", null);
        assertEquals(409, r.statusCode(), "the lane's only pass needs the confirmation: " + r.body());
        r = user.change("DELETE", "/api/songs/" + id + "/lanes/2/passes/1?confirm=lane", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode after = user.json(r);
        assertEquals(1, after.get("lanes").size());
        assertTrue(after.get("trashed").get("laneRemoved").asBoolean());
        JsonNode trash = user.json(user.get("/api/songs/" + id + "/trash"));
        assertEquals(1, trash.size());
        assertEquals(takeId, trash.get(0).get("take").asText());
        assertEquals(200, user.get("/api/takes/" + takeId).statusCode(), "the take stays in the library");

        r = user.change("POST", "/api/songs/" + id + "/trash/" + trash.get(0).get("entry").asInt() + "/restore", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode back = song(id);
        assertEquals(2, back.get("lanes").size());
        assertTrue(back.get("lanes").get(1).get("mute").asBoolean(), "the lane comes back with its strip");
        assertEquals(0, user.json(user.get("/api/songs/" + id + "/trash")).size());
    }

    @Test
    void aSongsMixAndMasterAreStoredLikeATakesKeyedByLaneAndBadSettingsGet400NamingTheKey() throws Exception {
        JsonNode s = newSong("Mixed");
        String id = s.get("id").asText();
        String lane = s.get("lanes").get(1).get("name").asText();
        HttpResponse<String> put = user.change("PUT", "/api/songs/" + id + "/mix",
                "{\"tracks\":{\"" + lane + "\":{\"fader_db\":-6,\"pan\":-0.5,\"mute\":true}}}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode mix = user.json(user.get("/api/songs/" + id + "/mix"));
        assertEquals(-6, mix.get("tracks").get(lane).get("fader_db").asDouble());
        assertEquals(-0.5, mix.get("tracks").get(lane).get("pan").asDouble());
        assertTrue(song(id).get("lanes").get(1).get("mute").asBoolean(), "the lane's mute is the mix's");

        HttpResponse<String> pan = user.change("PUT", "/api/songs/" + id + "/mix", "{\"tracks\":{\"" + lane + "\":{\"pan\":7}}}");
        assertEquals(400, pan.statusCode(), pan.body());
        assertTrue(user.json(pan).get("error").asText().contains("pan"), pan.body());
        HttpResponse<String> ghost = user.change("PUT", "/api/songs/" + id + "/mix", "{\"tracks\":{\"ghost\":{\"pan\":0}}}");
        assertEquals(400, ghost.statusCode(), ghost.body());
        assertTrue(user.json(ghost).get("error").asText().startsWith("mix.tracks.ghost: no such lane in song " + id), ghost.body());
        assertEquals(400, user.change("PUT", "/api/songs/" + id + "/mix", "{\"tracks\":").statusCode());
        assertEquals(-6, user.json(user.get("/api/songs/" + id + "/mix")).get("tracks").get(lane).get("fader_db").asDouble(),
                "a rejected mix leaves the stored one alone");

        put = user.change("PUT", "/api/songs/" + id + "/master", "{\"preset\":\"broadcast\",\"ceiling_dbtp\":-2}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode master = user.json(user.get("/api/songs/" + id + "/master"));
        assertEquals("broadcast", master.get("preset").asText());
        assertEquals(-2, master.get("ceiling_dbtp").asDouble());
        HttpResponse<String> bad = user.change("PUT", "/api/songs/" + id + "/master", "{\"ceiling_dbtp\":5}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(user.json(bad).get("error").asText().contains("ceiling_dbtp"), bad.body());
        assertEquals(404, user.get("/api/songs/no-such-song/mix").statusCode());
        assertEquals(404, user.change("PUT", "/api/songs/no-such-song/master", "{}").statusCode());
    }

    @Test
    void aSongExportsWithTagsAndSharesLikeATake() throws Exception {
        String id = newSong("Shared Song").get("id").asText();
        HttpResponse<String> r = user.change("POST", "/api/songs/" + id + "/exports",
                "{\"format\":\"flac\",\"tags\":{\"title\":\"Shared Song\",\"artist\":\"The Band\"}}");
        assertEquals(202, r.statusCode(), r.body());
        finished(user.json(r).get("job").asText());
        JsonNode exports = user.json(user.get("/api/songs/" + id + "/exports"));
        assertEquals(1, exports.size(), exports.toString());
        String name = exports.get(0).get("file").asText();
        assertTrue(name.endsWith("-" + id + ".flac"), name);
        assertEquals("/api/songs/" + id + "/exports/" + name + "/file", exports.get(0).get("url").asText());
        HttpResponse<byte[]> file = user.bytes(exports.get(0).get("url").asText(), Map.of());
        assertEquals(200, file.statusCode());
        java.nio.file.Path flac = java.nio.file.Files.createTempFile("song-export", ".flac");
        try {
            java.nio.file.Files.write(flac, file.body());
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format_tags=title,artist:stream=codec_name",
                    "-of", "default=noprint_wrappers=1", flac.toString()).redirectErrorStream(true).start();
            String probed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), probed);
            assertTrue(probed.contains("codec_name=flac"), probed);
            assertTrue(probed.contains("TAG:title=Shared Song") && probed.contains("TAG:artist=The Band"), "ffprobe reads the tags: " + probed);
        } finally {
            java.nio.file.Files.deleteIfExists(flac);
        }

        r = user.change("POST", "/api/songs/" + id + "/exports/" + name + "/link", null);
        assertEquals(200, r.statusCode(), r.body());
        String url = user.json(r).get("url").asText();
        assertTrue(user.json(r).get("qr").asText().startsWith("data:image/"), r.body());
        HttpResponse<byte[]> shared = rig.client().bytes(java.net.URI.create(url).getPath(), Map.of());
        assertEquals(200, shared.statusCode(), "a phone downloads it without the PIN");
        assertEquals(file.body().length, shared.body().length);

        assertEquals(400, user.change("POST", "/api/songs/" + id + "/exports", "{\"format\":\"aiff\"}").statusCode());
        assertEquals(400, user.change("POST", "/api/songs/" + id + "/exports", "{\"format\":\"wav\",\"tags\":{\"title\":\"a\\u0007\"}}").statusCode());
        assertEquals(404, user.get("/api/songs/" + id + "/exports/nope.wav/file").statusCode());
        assertEquals(404, user.change("POST", "/api/songs/no-such-song/exports", "{\"format\":\"wav\"}").statusCode());
    }

    @Test
    void aSongGoesToTheTrashItsTakesStayAndItComesBack() throws Exception {
        String id = newSong("Binned").get("id").asText();
        HttpResponse<String> r = user.change("PATCH", "/api/songs/" + id, "{\"punchCrossfadeMs\":12.5}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(12.5, user.json(r).get("punchCrossfadeMs").asDouble());
        r = user.change("DELETE", "/api/songs/" + id, null);
        assertEquals(200, r.statusCode(), r.body());
        String trashId = user.json(r).get("trashId").asText();
        assertEquals(404, user.get("/api/songs/" + id).statusCode(), "the song is gone from the songs");
        boolean listed = false;
        for (JsonNode l : user.json(user.get("/api/songs"))) listed |= l.get("id").asText().equals(id);
        assertFalse(listed, "GET /api/songs no longer lists it");
        assertEquals(200, user.get("/api/takes/" + takeId).statusCode(), "its passes' take stays in the library");
        JsonNode trash = user.json(user.get("/api/trash/songs"));
        boolean inTrash = false;
        for (JsonNode t : trash) inTrash |= t.get("trashId").asText().equals(trashId) && t.get("title").asText().equals("Binned");
        assertTrue(inTrash, "the trash lists it: " + trash);

        r = user.change("POST", "/api/trash/songs/" + trashId + "/restore", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode back = song(id);
        assertEquals("Binned", back.get("title").asText());
        assertEquals(12.5, back.get("punchCrossfadeMs").asDouble(), "it comes back as it was");
        assertEquals(2, back.get("lanes").size());

        assertEquals(200, user.change("DELETE", "/api/songs/" + id, null).statusCode());
        String again = user.json(user.change("POST", "/api/songs", "{\"title\":\"Binned\"}")).get("id").asText();
        assertEquals(id, again, "a new song takes the id");
        r = user.change("POST", "/api/trash/songs/" + trashId + "/restore", null);
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(user.json(r).get("error").asText().contains("exists again"), r.body());
    }

    @Test
    void aSongPlaysThroughThePlaybackEngineAndRendersAsAJobWithProgress() throws Exception {
        String id = newSong("Playable").get("id").asText();
        HttpResponse<String> r = user.change("POST", "/api/songs/" + id + "/play", "{}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode playing = user.json(r);
        assertEquals(id, playing.get("song").asText());
        assertTrue(playing.get("take").isNull());
        assertTrue(playing.get("lengthSeconds").asDouble() > 0.5);
        JsonNode state = user.json(user.get("/api/playback"));
        assertEquals(id, state.get("song").asText());
        assertEquals(200, user.change("POST", "/api/playback/stop", null).statusCode());

        r = user.change("POST", "/api/songs/" + id + "/render", "{\"format\":\"wav\"}");
        assertEquals(202, r.statusCode(), r.body());
        JsonNode j = finished(user.json(r).get("job").asText());
        assertEquals(1.0, j.get("progress").asDouble(), 1e-9);
        JsonNode renders = user.json(user.get("/api/songs/" + id + "/renders"));
        assertEquals(1, renders.size());
        HttpResponse<byte[]> file = user.bytes(renders.get(0).get("url").asText(), Map.of());
        assertEquals(200, file.statusCode());
        assertEquals("RIFF", new String(file.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(file.body().length > 48000 * 2 * 2 / 2, "half a second of stereo at least: " + file.body().length);
    }

    @Test
    void aSongGetsAQuickMixAsAJobListedWithItsRendersAnMp3AsLongAsTheSongAndItsOwnMixUntouched() throws Exception {
        JsonNode made = newSong("Quick");
        String id = made.get("id").asText();
        double length = made.get("lengthSeconds").asDouble();
        assertEquals(200, user.change("PUT", "/api/songs/" + id + "/mix", "{\"tracks\": {\"" + made.get("lanes").get(0).get("name").asText()
                + "\": {\"fader_db\": -7}}}").statusCode());
        String mixBefore = user.get("/api/songs/" + id + "/mix").body();
        HttpResponse<String> r = user.change("POST", "/api/songs/" + id + "/quick-mix", null);
        assertEquals(202, r.statusCode(), r.body());
        String name = user.json(r).get("file").asText();
        assertTrue(name.matches("[0-9]{8}-[0-9]{6}-quick-mix\\.mp3"), name);
        finished(user.json(r).get("job").asText());
        JsonNode renders = user.json(user.get("/api/songs/" + id + "/renders"));
        assertEquals(1, renders.size(), renders.toString());
        assertEquals(name, renders.get(0).get("file").asText());
        HttpResponse<byte[]> file = user.bytes(renders.get(0).get("url").asText(), Map.of());
        assertEquals(200, file.statusCode());
        java.nio.file.Path mp3 = java.nio.file.Files.createTempFile("song-quick-mix", ".mp3");
        try {
            java.nio.file.Files.write(mp3, file.body());
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                    "stream=codec_name,channels:format=duration", "-of", "default=noprint_wrappers=1", mp3.toString()).redirectErrorStream(true).start();
            String probed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), probed);
            assertTrue(probed.contains("codec_name=mp3") && probed.contains("channels=2"), probed);
            java.util.regex.Matcher d = java.util.regex.Pattern.compile("duration=([0-9.]+)").matcher(probed);
            assertTrue(d.find(), probed);
            assertEquals(length, Double.parseDouble(d.group(1)), 0.1, "the quick mix lasts as long as the song: " + probed);
        } finally {
            java.nio.file.Files.deleteIfExists(mp3);
        }
        assertEquals(mixBefore, user.get("/api/songs/" + id + "/mix").body(), "the song's own mix is left as it was");
        assertEquals(404, user.change("POST", "/api/songs/no-such-song/quick-mix", null).statusCode());
    }
}
