package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.cli.DevicesCommandTest.Run;
import org.taperoom.appliance.dsp.pitch.Tones;
import org.taperoom.drivers.alsa.VirtualRig;
import org.taperoom.drivers.sim.SimSignal;

/**
 * {@code taperoom tuner} as a user runs it: on the simulated interface (a sine per input, at
 * {@code rate / round(rate / (100 + 25·c))} Hz on input {@code c + 1}) and on alsa-lib's file
 * plugin fed with tones from E1 to C7, including a bass tone with a weak fundamental. Every
 * reading is within ±1 cent of the tone.
 */
class TunerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE_HZ = 48000;

    @TempDir
    Path dir;

    private static List<JsonNode> readings(Run r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().lines().toList()) out.add(JSON.readTree(line));
        return out;
    }

    private static void assertAllWithinOneCent(String what, List<JsonNode> readings, double truthHz, String note) {
        assertFalse(readings.isEmpty(), what + ": no readings");
        double worst = 0;
        for (JsonNode n : readings) {
            double err = 1200 * Math.log(n.get("hz").asDouble() / truthHz) / Math.log(2);
            worst = Math.max(worst, Math.abs(err));
            assertTrue(Math.abs(err) <= 1, what + ": " + n + " is " + err + " cents from " + truthHz + " Hz");
            assertEquals(note, n.get("note").asText(), what);
        }
        System.out.printf("%-34s %3d readings, worst %.3f cents%n", what, readings.size(), worst);
    }

    @Test
    void onTheSimulatorEveryReadingOfAnInputsSineIsWithinOneCent() throws Exception {
        // Inputs 1, 12 and 64 of 64: 100, 375 and 1675 Hz nominal.
        String[][] cases = {{"1", "G2"}, {"12", "F#4"}, {"64", "G#6"}};
        for (String[] c : cases) {
            int channel = Integer.parseInt(c[0]) - 1;
            double truth = (double) RATE_HZ / SimSignal.sineCycleFrames(channel, RATE_HZ);
            Run r = DevicesCommandTest.taperoom("tuner", "--device", "sim", "--channels", "64", "--rate", "48000", "--input", c[0],
                    "--seconds", "1", "--json", "--realtimePriority", "0");
            assertEquals(0, r.status(), r.err());
            assertAllWithinOneCent("sim input " + c[0] + " (" + String.format("%.2f", truth) + " Hz)", readings(r), truth, c[1]);
        }
    }

    @Test
    void theReferencePitchFlagMovesTheCents() throws Exception {
        // Input 1's sine is 100 Hz: G2 +35 cents at A4 = 440 Hz; at A4 = 466 Hz, F#2 is 97.97 Hz and G2 103.79 Hz: F#2 +36.
        Run r = DevicesCommandTest.taperoom("tuner", "--device", "sim", "--input", "1", "--seconds", "0.6", "--json", "--a4", "466",
                "--realtimePriority", "0");
        assertEquals(0, r.status(), r.err());
        JsonNode last = readings(r).get(readings(r).size() - 1);
        assertEquals("F#2", last.get("note").asText());
        assertEquals(1200 * Math.log(100 / (466 * Math.pow(2, -27 / 12.0))) / Math.log(2), last.get("cents").asDouble(), 1.0);
    }

    @Test
    void badFlagsAreOneLineErrors() {
        Run r = DevicesCommandTest.taperoom("tuner", "--device", "sim", "--seconds", "1");
        assertEquals(2, r.status());
        assertEquals("taperoom tuner: --input N is required: the input to tune, 1 to the device's channels", r.err().strip());
        r = DevicesCommandTest.taperoom("tuner", "--device", "sim", "--channels", "8", "--input", "9", "--seconds", "1");
        assertEquals(2, r.status());
        assertEquals("taperoom tuner: --input 9: the device is opened with 8 channels (inputs 1 to 8); pick one of those or raise --channels",
                r.err().strip());
        r = DevicesCommandTest.taperoom("tuner", "--device", "sim", "--input", "1", "--a4", "470");
        assertEquals(2, r.status());
        assertEquals("taperoom tuner: --a4 470: expected a number from 415.0 to 466.0", r.err().strip());
    }

    @Test
    void onAlsasFilePluginTonesFromE1ToC7ReadWithinOneCent() throws Exception {
        // Four inputs: E1 sine, E1 bass tone with a weak fundamental, A4 -13 cents, C7 sine; S32_LE. The file
        // plugin is unpaced and, at the end of its file, repeats its last period (a 187.5 Hz "tone" at
        // 256 frames): 60 s of source outlast half a second of reading at any speed the rig has shown.
        double[] truth = {Tones.hz(28, 0), Tones.hz(28, 0), Tones.hz(69, -13), Tones.hz(96, 0)};
        String[] notes = {"E1", "E1", "A4", "C7"};
        int seconds = 60;
        List<float[]> tones = List.of(Tones.sine(RATE_HZ, truth[0], seconds, 0.3), Tones.bass(RATE_HZ, truth[1], seconds, 4, false),
                Tones.sine(RATE_HZ, truth[2], seconds, 0.3), Tones.sine(RATE_HZ, truth[3], seconds, 0.3));
        int frames = RATE_HZ * seconds;
        ByteBuffer raw = ByteBuffer.allocate(frames * 4 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) for (float[] t : tones) raw.putInt(Math.round(t[i] * 0x1p31f));
        Path in = Files.write(dir.resolve("tones.raw"), raw.array());
        Path conf = Files.writeString(dir.resolve("tones.conf"), VirtualRig.filePcm("tones", in));
        for (int input = 1; input <= 4; input++) {
            Run r = DevicesCommandTest.taperoom("tuner", "--device", "tones", "--alsaConfig", conf.toString(), "--alsaFormat", "S32_LE",
                    "--channels", "4", "--rate", "48000", "--input", Integer.toString(input), "--seconds", "0.5", "--json",
                    "--realtimePriority", "0");
            assertEquals(0, r.status(), r.err());
            assertAllWithinOneCent("ALSA file plugin input " + input + " (" + notes[input - 1] + ")", readings(r), truth[input - 1], notes[input - 1]);
        }
    }
}
