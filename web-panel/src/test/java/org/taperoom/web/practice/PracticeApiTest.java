package org.taperoom.web.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.audiofile.Sndfile;
import org.taperoom.appliance.dsp.audiofile.SoundFileWriter;
import org.taperoom.drivers.sim.SimOutputs;
import org.taperoom.web.PanelRig;
import org.taperoom.web.RawHttp;
import org.taperoom.web.school.Classroom;

/**
 * Practice over a class's backing track through the real server: a teacher uploads a backing track
 * (MP3 at 44.1 kHz) and a reference (FLAC) to class 3b; Ada of 3b sees them, begins a practice,
 * records a pass over it from input 1 (the simulator's sine) and hears her take and the reference
 * on the outputs at one integrated loudness, as ffmpeg's ebur128 filter measures the outputs.
 * Cleo of class 4a sees none of it.
 */
class PracticeApiTest {
    static PanelRig rig;
    static PanelRig.Client teacher;
    static PanelRig.Client ada;
    static PanelRig.Client cleo;
    static Path files;
    static JsonNode material;
    static JsonNode practice;

    @BeforeAll
    static void aTeacherGivesClass3bABackingTrackAndAReferenceAndAdaRecordsAPassOverIt() throws Exception {
        rig = new PanelRig(2);
        teacher = rig.loggedIn();
        ada = Classroom.student(rig, Classroom.addStudent(teacher, "Ada", "3b"));
        cleo = Classroom.student(rig, Classroom.addStudent(teacher, "Cleo", "4a"));
        files = Files.createTempDirectory("taperoom-practice-");
        Path backing = PracticeSteps.ffmpeg(files.resolve("backing.mp3"), "sine=f=220:d=3:sample_rate=44100", "-ac", "2", "-b:a", "192k");
        material = PracticeSteps.material(rig, teacher, "3b", "Blues in A", backing, "audio/mpeg");
        // The reference: pink noise, some 10 LU quieter than the simulator's sine on input 1.
        Path reference = PracticeSteps.ffmpeg(files.resolve("reference.flac"), "anoisesrc=color=pink:amplitude=0.5:d=3:r=48000", "-ac", "2");
        HttpResponse<String> r = PracticeSteps.upload(rig, teacher, "PUT", "/api/materials/" + material.get("id").asText() + "/reference",
                "audio/flac", Files.readAllBytes(reference));
        assertEquals(200, r.statusCode(), r.body());
        practice = PracticeSteps.begin(ada, material.get("id").asText());
        PracticeSteps.pass(rig, ada, practice.get("id").asText(), 4000);
    }

    @AfterAll
    static void close() throws Exception {
        rig.outputs.setOutputs(null);
        rig.close();
    }

    @Test
    void anMp3BackingTrackAt44100HzBecomesATakeAtTheInterfacesRateAndTheClassSeesIt() throws Exception {
        assertEquals(3.0, material.get("seconds").asDouble(), 0.1, material.toString());
        JsonNode seen = ada.json(ada.get("/api/materials"));
        assertEquals(1, seen.size(), seen.toString());
        assertEquals("Blues in A", seen.get(0).get("title").asText());
        assertTrue(seen.get(0).get("reference").asBoolean(), "the reference is there: " + seen);
        assertEquals(0, cleo.json(cleo.get("/api/materials")).size(), "class 4a sees nothing of 3b's");
        assertEquals(1, teacher.json(teacher.get("/api/materials")).size());
    }

    @Test
    void badUploadsAreRefusedWithOneLine() throws Exception {
        String path = "/api/materials?class=3b&title=x";
        HttpResponse<String> text = PracticeSteps.upload(rig, teacher, "POST", path, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, text.statusCode(), text.body());
        assertTrue(text.body().contains("text/plain is not an audio file"), text.body());
        HttpResponse<String> notAudio = PracticeSteps.upload(rig, teacher, "POST", path, "audio/wav", "RIFF but not really".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notAudio.statusCode(), notAudio.body());
        assertTrue(notAudio.body().contains("not audio that can be read"), notAudio.body());
        HttpResponse<String> empty = PracticeSteps.upload(rig, teacher, "POST", path, "audio/wav", new byte[0]);
        assertEquals(400, empty.statusCode(), empty.body());
        Path ogg = PracticeSteps.ffmpeg(files.resolve("x.ogg"), "sine=d=1", "-c:a", "libvorbis");
        HttpResponse<String> vorbis = PracticeSteps.upload(rig, teacher, "POST", path, "audio/flac", Files.readAllBytes(ogg));
        assertEquals(400, vorbis.statusCode(), vorbis.body());
        assertTrue(vorbis.body().contains("not WAV, FLAC or MP3"), vorbis.body());
        HttpResponse<String> noClass = PracticeSteps.upload(rig, teacher, "POST", "/api/materials?title=x", "audio/wav", new byte[] {1});
        assertEquals(400, noClass.statusCode(), noClass.body());
        RawHttp.Response huge = RawHttp.send(rig.panel.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + rig.panel.port() + "\r\nCookie: " + cookie(teacher)
                + "\r\nX-CSRF-Token: " + teacher.csrf + "\r\nOrigin: " + origin() + "\r\nContent-Type: audio/wav\r\nContent-Length: "
                + (AudioUpload.MAX_BYTES + 1) + "\r\n\r\n");
        assertEquals(413, huge.status(), huge.head() + huge.body());
        assertTrue(huge.body().contains("larger than 512 MiB"), huge.body());
        for (String line : new String[] {text.body(), notAudio.body(), empty.body(), vorbis.body(), huge.body()}) {
            assertFalse(line.contains("\n") || line.contains("Exception"), "one line, no stack trace: " + line);
        }
        assertEquals(1, teacher.json(teacher.get("/api/materials")).size(), "nothing refused was kept");
        HttpResponse<String> student = PracticeSteps.upload(rig, ada, "POST", path, "audio/wav", new byte[] {1});
        assertEquals(403, student.statusCode(), "students do not upload material: " + student.body());
    }

    @Test
    void adasPassIsHerOwnTakeInHerPracticeAndNobodyElsesToSee() throws Exception {
        String id = practice.get("id").asText();
        JsonNode p = ada.json(ada.get("/api/practices/" + id));
        assertEquals(1, p.get("passes").asInt(), p.toString());
        String take = p.get("take").asText();
        Set<String> mine = new HashSet<>();
        for (JsonNode t : ada.json(ada.get("/api/takes"))) mine.add(t.get("id").asText());
        assertTrue(mine.contains(take), "the pass is among Ada's takes: " + mine);
        assertEquals(404, cleo.get("/api/practices/" + id).statusCode());
        assertEquals(0, cleo.json(cleo.get("/api/practices")).size());
        assertEquals(404, cleo.get("/api/takes/" + take).statusCode());
        assertEquals(404, cleo.change("POST", "/api/materials/" + material.get("id").asText() + "/practices", null).statusCode(),
                "another class's material is not there for Cleo");
    }

    @Test
    void theTakeAndTheReferencePlayAtOneIntegratedLoudnessAsFfmpegMeasuresTheOutputs() throws Exception {
        String id = practice.get("id").asText();
        JsonNode figures = ada.json(ada.get("/api/practices/" + id + "/loudness"));
        double target = figures.get("targetLufs").asDouble();
        double takeLufs = figures.get("take").get("integratedLufs").asDouble();
        double referenceLufs = figures.get("reference").get("integratedLufs").asDouble();
        assertTrue(Math.abs(referenceLufs - takeLufs) > 3, "the recordings differ before matching: " + figures);
        double take = played(id, "take");
        double reference = played(id, "reference");
        System.out.printf("practice loudness: take %.1f LUFS, reference %.1f LUFS as recorded; target %.1f LUFS (gains %+.1f / %+.1f dB);"
                        + " ffmpeg ebur128 on the outputs: take %.1f LUFS, reference %.1f LUFS%n", takeLufs, referenceLufs, target,
                figures.get("take").get("gainDb").asDouble(), figures.get("reference").get("gainDb").asDouble(), take, reference);
        assertEquals(target, take, 0.5, "the take plays at the target");
        assertEquals(target, reference, 0.5, "the reference plays at the target");
        assertEquals(take, reference, 0.5, "both at one loudness");
    }

    /** Plays {@code what} of the practice on the simulator's outputs and measures them with ffmpeg; integrated LUFS. */
    private static double played(String id, String what) throws Exception {
        StereoCapture out = new StereoCapture(48000 * 8);
        rig.outputs.setOutputs(out);
        try {
            HttpResponse<String> r = ada.change("POST", "/api/practices/" + id + "/play", "{\"what\": \"" + what + "\"}");
            assertEquals(200, r.statusCode(), r.body());
            double seconds = ada.json(r).get("lengthSeconds").asDouble();
            long end = System.currentTimeMillis() + 20_000;
            while (out.frames < (seconds + 0.5) * 48000 && System.currentTimeMillis() < end) Thread.sleep(50);
            ada.change("POST", "/api/playback/stop", null);
        } finally {
            rig.outputs.setOutputs(null);
        }
        Path wav = files.resolve(what + "-played.wav");
        try (SoundFileWriter w = SoundFileWriter.create(wav, Sndfile.SF_FORMAT_WAV | Sndfile.SF_FORMAT_FLOAT, 48000, 2)) {
            w.writeFloat(out.samples, out.frames);
        }
        return ebur128(wav);
    }

    /** ffmpeg's integrated loudness of {@code file}. */
    static double ebur128(Path file) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-nostats", "-i", file.toString(), "-af", "ebur128", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        Matcher m = Pattern.compile("Integrated loudness:\\s+I:\\s+(-?[0-9.]+) LUFS").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    private static String cookie(PanelRig.Client c) {
        StringBuilder b = new StringBuilder();
        for (var k : c.cookies.getCookieStore().getCookies()) b.append(b.length() == 0 ? "" : "; ").append(k.getName()).append('=').append(k.getValue());
        return b.toString();
    }

    private static String origin() {
        String s = rig.base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Both channels of what the simulated outputs were given, from the stream's first frame. */
    static final class StereoCapture implements SimOutputs {
        final float[] samples;
        /** Written by the playback thread, read by the test. */
        volatile int frames;

        StereoCapture(int maxFrames) {
            samples = new float[maxFrames * 2];
        }

        @Override
        public void floatPeriod(long frame, float[] interleaved, int n, int channels) {
            if ((frame + n) * 2 > samples.length) return;
            for (int i = 0; i < n; i++) {
                samples[(int) (frame + i) * 2] = interleaved[i * channels];
                samples[(int) (frame + i) * 2 + 1] = interleaved[i * channels + Math.min(1, channels - 1)];
            }
            frames = (int) frame + n;
        }

        @Override
        public void intPeriod(long frame, int[] interleaved, int n, int channels) {
            float[] f = new float[n * channels];
            for (int i = 0; i < f.length; i++) f[i] = interleaved[i] / 2147483648f;
            floatPeriod(frame, f, n, channels);
        }
    }
}
