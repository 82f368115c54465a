package org.taperoom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSound;
import org.taperoom.appliance.playback.ClickSource;
import org.taperoom.drivers.sim.SimOutputs;

/** The metronome through the panel: it clicks on the interface's outputs at the asked tempo, beside a playing take, and stops. */
@ExtendWith(PanelRigExtension.class)
class MetronomeApiTest {
    static PanelRig rig;
    static PanelRig.Client user;

    @BeforeAll
    static void logIn() throws Exception {
        user = rig.loggedIn();
    }


    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return user.json(r);
    }

    @Test
    void theMetronomeClicksOnTheOutputsAtExactlyTheAskedTempoUntilStopped() throws Exception {
        Onsets seen = new Onsets();
        rig.sim.setOutputs(seen);
        try {
            JsonNode on = ok(user.change("POST", "/api/metronome", "{\"bpm\": 150, \"beatsPerBar\": 3, \"levelDb\": -6}"));
            assertTrue(on.get("on").asBoolean());
            assertEquals(150, on.get("bpm").asDouble());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.count() < 8 && System.nanoTime() < deadline) Thread.sleep(50);
            List<Long> onsets = seen.onsets();
            assertTrue(onsets.size() >= 8, "8 clicks within 10 s: " + onsets);
            long origin = onsets.get(0);
            assertEquals(0, origin % 256, "the first click starts on a period boundary");
            for (int n = 0; n < 8; n++) {
                assertEquals(origin + Math.round(n * 60.0 * 48000 / 150), (long) onsets.get(n), "click " + n);
            }
            assertEquals(List.of(true, false, false, true, false, false, true, false), seen.accents().subList(0, 8), "beat one of three accented");

            JsonNode off = ok(user.change("POST", "/api/metronome/stop", null));
            assertFalse(off.get("on").asBoolean());
            assertFalse(ok(user.get("/api/metronome")).get("on").asBoolean());
        } finally {
            rig.sim.setOutputs(null);
            user.change("POST", "/api/metronome/stop", null);
        }
    }

    @Test
    void theMetronomeClicksInTheChosenSoundAndKeepsItAcrossChanges() throws Exception {
        Waves heard = new Waves();
        rig.sim.setOutputs(heard);
        try {
            JsonNode on = ok(user.change("POST", "/api/metronome", "{\"bpm\": 200, \"sound\": \"stick\", \"levelDb\": -10}"));
            assertEquals("stick", on.get("sound").asText());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (heard.firstClick() == null && System.nanoTime() < deadline) Thread.sleep(50);
            float[] click = heard.firstClick();
            assertTrue(click != null, "a click within 10 s");
            float[] want = new float[click.length];
            new ClickSource(new ClickSettings(200, 4, 1, -10, ClickSound.STICK), 48000).mixInto(want, 1, 0, want.length);
            for (int i = 0; i < want.length; i++) assertEquals(want[i], click[i], 1e-6, "the stick's crack, sample " + i);
            JsonNode faster = ok(user.change("POST", "/api/metronome", "{\"bpm\": 210}"));
            assertEquals("stick", faster.get("sound").asText(), "a change of tempo keeps the sound");
            assertEquals("stick", ok(user.get("/api/metronome")).get("sound").asText());
        } finally {
            rig.sim.setOutputs(null);
            user.change("POST", "/api/metronome/stop", null);
        }
        HttpResponse<String> r = user.change("POST", "/api/metronome", "{\"sound\": \"cowbell\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("sound") && r.body().contains("beep, wood or stick"), r.body());
    }

    @Test
    void aTempoOutOfRangeIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> r = user.change("POST", "/api/metronome", "{\"bpm\": 900}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("bpm"), r.body());
        HttpResponse<String> half = user.change("POST", "/api/metronome", "{\"beatsPerBar\": 2.5}");
        assertEquals(400, half.statusCode());
        assertTrue(half.body().contains("beatsPerBar"), half.body());
        assertFalse(ok(user.get("/api/metronome")).get("on").asBoolean(), "nothing started");
    }

    /** The first click on channel 0 of the outputs, sample by sample: what follows 200 zeros, for 15 ms. */
    static final class Waves implements SimOutputs {
        private final float[] click = new float[720];
        private int have = -1;
        private long zeros = 200;

        @Override
        public synchronized void floatPeriod(long frame, float[] interleaved, int frames, int channels) {
            for (int i = 0; i < frames; i++) {
                float v = interleaved[i * channels];
                if (have < 0) {
                    if (v != 0f && zeros >= 200) {
                        click[0] = v;
                        have = 1;
                    }
                    zeros = v == 0f ? zeros + 1 : 0;
                } else if (have < click.length) {
                    click[have++] = v;
                }
            }
        }

        @Override
        public void intPeriod(long frame, int[] interleaved, int frames, int channels) {
            throw new AssertionError("the playback engine writes floats");
        }

        synchronized float[] firstClick() {
            return have == click.length ? click.clone() : null;
        }
    }

    /** Click onsets on channel 0 of the outputs: a non-zero sample after at least 200 zeros; accents are the louder ones. */
    static final class Onsets implements SimOutputs {
        private final List<Long> onsets = new ArrayList<>();
        private final List<Float> peaks = new ArrayList<>();
        private long zeros = 200;

        @Override
        public synchronized void floatPeriod(long frame, float[] interleaved, int frames, int channels) {
            for (int i = 0; i < frames; i++) {
                float v = interleaved[i * channels];
                if (v == 0f) {
                    zeros++;
                    continue;
                }
                if (zeros >= 200) {
                    onsets.add(frame + i);
                    peaks.add(Math.abs(v));
                }
                zeros = 0;
            }
        }

        @Override
        public void intPeriod(long frame, int[] interleaved, int frames, int channels) {
            throw new AssertionError("the playback engine writes floats");
        }

        synchronized int count() {
            return onsets.size();
        }

        synchronized List<Long> onsets() {
            return new ArrayList<>(onsets);
        }

        synchronized List<Boolean> accents() {
            float max = 0;
            for (float p : peaks) max = Math.max(max, p);
            List<Boolean> out = new ArrayList<>();
            for (float p : peaks) out.add(p > 0.75f * max);
            return out;
        }
    }
}
