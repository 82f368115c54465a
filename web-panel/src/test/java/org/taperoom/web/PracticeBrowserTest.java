package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.taperoom.drivers.sim.SimOutputs;
import org.taperoom.web.practice.PracticeSteps;
import org.taperoom.web.school.Classroom;

/**
 * Practice in Debian's Chromium on the 7" screen (800×480): a student logs in with her code,
 * opens her class's backing track, records a pass over it (the backing track reaches the outputs
 * meanwhile), and hears her take and then the reference on the outputs, the page saying the
 * loudness both play at. Every control she uses is at least 48 px and nothing scrolls sideways.
 */
class PracticeBrowserTest {
    PanelRig rig;

    @BeforeEach
    void rig() throws Exception {
        rig = new PanelRig(2);
    }

    @AfterEach
    void close() throws Exception {
        rig.outputs.setOutputs(null);
        rig.close();
    }

    /** The loudest sample the outputs were given since {@link #reset}; written by the playback thread. */
    static final class Peak implements SimOutputs {
        volatile float peak;

        @Override
        public void floatPeriod(long frame, float[] interleaved, int n, int channels) {
            float p = peak;
            for (int i = 0; i < n * channels; i++) p = Math.max(p, Math.abs(interleaved[i]));
            peak = p;
        }

        @Override
        public void intPeriod(long frame, int[] interleaved, int n, int channels) {
            float p = peak;
            for (int i = 0; i < n * channels; i++) p = Math.max(p, Math.abs(interleaved[i] / 2147483648f));
            peak = p;
        }

        void reset() {
            peak = 0;
        }
    }

    @Test
    void aStudentOpensHerClasssBackingTrackRecordsOverItAndHearsHerTakeAndTheReferenceAt800x480() throws Exception {
        PanelRig.Client teacher = rig.loggedIn();
        JsonNode ada = Classroom.addStudent(teacher, "Ada", "3b");
        Path dir = Files.createTempDirectory("taperoom-practice-browser-");
        Path backing = PracticeSteps.ffmpeg(dir.resolve("backing.flac"), "sine=f=330:d=6:sample_rate=48000", "-ac", "2");
        JsonNode material = PracticeSteps.material(rig, teacher, "3b", "Autumn Leaves", backing, "audio/flac");
        Path reference = PracticeSteps.ffmpeg(dir.resolve("reference.wav"), "anoisesrc=color=pink:amplitude=0.3:d=4:r=48000", "-ac", "2");
        HttpResponse<String> r = PracticeSteps.upload(rig, teacher, "PUT", "/api/materials/" + material.get("id").asText() + "/reference",
                "audio/wav", Files.readAllBytes(reference));
        assertEquals(200, r.statusCode(), r.body());
        Peak out = new Peak();
        rig.outputs.setOutputs(out);

        try (Browser b = new Browser(800, 480, false)) {
            b.open(rig.base.toString());
            b.find("#login-as-student").click();
            b.logIn(ada.get("code").asText());
            b.page("practice");
            WebElement open = b.find("[data-material='" + material.get("id").asText() + "']");
            assertTrue(open.getText().length() > 0 && b.find("#practice-materials").getText().contains("Autumn Leaves"));
            open.click();

            WebElement record = b.find("#practice-record");
            assertTrue(record.getSize().getHeight() >= 48 && record.getSize().getWidth() >= 48, "record: " + record.getSize());
            out.reset();
            record.click();
            rig.awaitState("overdubbing", 5000);
            b.until(d -> "true".equals(d.findElement(By.id("practice-record")).getAttribute("aria-pressed")) ? true : null);
            Thread.sleep(2500);
            assertTrue(out.peak > 0.05, "the backing track (a sine peaking at -21 dBFS in each channel) plays on the outputs while the pass records: peak " + out.peak);
            b.screenshot("practice-recording-800x480");
            b.find("#practice-record").click();
            rig.awaitState("idle", 15000);

            WebElement figure = b.until(d -> {
                WebElement f = d.findElement(By.id("practice-loudness"));
                return f.getText().contains("LUFS") ? f : null;
            });
            assertTrue(figure.getText().matches("Both play at −?[0-9.]+ LUFS: your take at [−+±][0-9.]+ dB, the reference at [−+±][0-9.]+ dB\\."),
                    figure.getText());
            for (String id : new String[] {"practice-take", "practice-reference"}) {
                WebElement button = b.until(d -> d.findElement(By.id(id)).isEnabled() ? d.findElement(By.id(id)) : null);
                assertTrue(button.getSize().getHeight() >= 48, id + ": " + button.getSize());
                out.reset();
                button.click();
                b.until(d -> out.peak > 0.01 ? true : null);
                JsonNode playing = teacher.json(teacher.get("/api/playback"));
                assertTrue(playing.get("playing").asBoolean(), id + " plays through the playback engine: " + playing);
            }
            b.screenshot("practice-compare-800x480");
            Object overflow = b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0L, ((Number) overflow).longValue(), "no horizontal scrolling at 800x480");
            assertTrue(b.find("#practice-tuner").getSize().getHeight() >= 48, "the tuner is one tap away");
            assertTrue(b.find("#practice-metronome").getSize().getHeight() >= 48, "the metronome is one tap away");
        }
    }
}
