package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.drivers.alsa.VirtualRig;
import org.taperoom.drivers.audio.SampleFormat;

/** {@code taperoom devices} on the virtual rig: devices defined through alsaConfig, listed by real alsa-lib. */
class DevicesCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run taperoom(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            int status = Main.run(List.of(argv), o, e);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
        }
    }

    private Path rigConfig() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), 8, 480, SampleFormat.S32_LE);
        return Files.writeString(dir.resolve("rig.conf"), VirtualRig.filePcm("cap8", in)
                + "pcm.stereo { type multi slaves.a { pcm cap8 channels 2 } bindings.0 { slave a channel 0 } bindings.1 { slave a channel 1 } }\n");
    }

    @Test
    void theTableHasARowPerDeviceAndDirectionWithChannelsRatesAndFormats() throws Exception {
        Run r = taperoom("devices", "--alsaConfig", rigConfig().toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("DEVICE\\s+DIRECTION\\s+CHANNELS\\s+RATES \\(Hz\\)\\s+FORMATS\\s+DESCRIPTION"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("cap8\\s+capture\\s+1-64\\s+\\S*44100,48000\\S*\\s+S16_LE,S24_3LE,S24_LE,S32_LE,FLOAT_LE\\s+.*")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("stereo\\s+capture\\s+2\\s+.*")), r.out());
    }

    @Test
    void jsonListsTheSameDevicesForScripts() throws Exception {
        Run r = taperoom("devices", "--json", "--alsaConfig", rigConfig().toString());
        assertEquals(0, r.status(), r.err());
        JsonNode devices = new ObjectMapper().readTree(r.out());
        JsonNode stereo = null;
        for (JsonNode d : devices) if (d.get("name").asText().equals("stereo")) stereo = d;
        assertTrue(stereo != null, r.out());
        assertEquals(2, stereo.get("capture").get("minChannels").asInt());
        assertEquals(2, stereo.get("capture").get("maxChannels").asInt());
        assertTrue(stereo.get("capture").get("ratesHz").toString().contains("48000"));
        assertEquals("S16_LE", stereo.get("capture").get("formats").get(0).asText());
    }

    @Test
    void jsonGivesADuplexDeviceItsLinkEachStreamsDelayAndTheRoundTrip() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in2.raw"), 2, 48000, SampleFormat.S32_LE);
        Path conf = Files.writeString(dir.resolve("duplex.conf"), "pcm.duplex { type file slave.pcm { type null } file \""
                + dir.resolve("out.raw") + "\" infile \"" + in + "\" format \"raw\" }\n");
        Run r = taperoom("devices", "--json", "--alsaConfig", conf.toString(), "--periodFrames", "128");
        assertEquals(0, r.status(), r.err());
        JsonNode duplex = null;
        for (JsonNode d : new ObjectMapper().readTree(r.out())) if (d.get("name").asText().equals("duplex")) duplex = d.get("duplex");
        assertTrue(duplex != null && !duplex.isNull(), r.out());
        assertEquals(false, duplex.get("linked").asBoolean(), "alsa-lib's null plugin has no link: " + duplex);
        assertTrue(duplex.get("note").asText().contains("snd_pcm_link"), duplex.toString());
        assertEquals(128, duplex.get("periodFrames").asInt());
        assertEquals(0, duplex.get("captureDelayFrames").asLong(), "the null plugin holds nothing back");
        assertEquals(0, duplex.get("playbackDelayFrames").asLong());
        assertEquals(0, duplex.get("roundTripFrames").asLong());
    }

    @Test
    void aMissingAlsaConfigFileIsAOneLineError() {
        Run r = taperoom("devices", "--alsaConfig", dir.resolve("absent.conf").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("taperoom devices: alsaConfig " + dir.resolve("absent.conf") + ": cannot read it (NoSuchFileException)"), r.err());
    }
}
