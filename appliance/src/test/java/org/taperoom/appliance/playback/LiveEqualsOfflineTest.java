package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.alsa.AlsaNative;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * With no parameter change, what the playback engine gives the device is what {@code taperoom
 * render} writes for the same take and settings (32-bit float), sample for sample.
 */
class LiveEqualsOfflineTest {
    @TempDir
    Path dir;

    @Test
    void theSimulatorsOutputsGetTheRenderSampleForSample() throws Exception {
        TakeTracks take = PlaybackRig.band(dir, 4);
        RenderSettings settings = PlaybackRig.fullChain();
        RenderResult offline = PlaybackRig.render(take, settings, dir.resolve("mix.wav"));
        float[] want = PlaybackRig.readFloats(offline.file());

        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        PlaybackRig.Recorder recorder = new PlaybackRig.Recorder((int) offline.frames() + 4096);
        sim.setOutputs(recorder);
        PlaybackStream stream = sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE));
        try (Player player = Player.open(take, settings, offline.normalisation(), stream, true)) {
            player.play(0, LoopRegion.NONE);
            player.start();
            PlaybackRig.waitUntil(() -> player.status().ended() && recorder.frames >= offline.frames(), "the take has played");
            assertEquals(offline.frames(), player.programmeFrames(), "playback ends where the render does");
            assertEquals(0, player.seekLandedDeviceFrame(), "the first period the device got is the take's first");
        }
        assertSameSamples(want, recorder.samples, (int) offline.frames());
    }

    @Test
    void alsaLibsFilePluginAsThePlaybackDeviceGetsTheRenderSampleForSample() throws Exception {
        TakeTracks take = PlaybackRig.band(dir, 3);
        RenderSettings settings = PlaybackRig.fullChain();
        RenderResult offline = PlaybackRig.render(take, settings, dir.resolve("mix.wav"));
        float[] want = PlaybackRig.readFloats(offline.file());

        Path raw = dir.resolve("device.raw");
        String conf = "pcm.out { type file slave.pcm { type null } file \"" + raw + "\" format \"raw\" }\n";
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, conf)) {
            PlaybackStream stream = alsa.openPlayback("out", new StreamConfig(2, PlaybackRig.RATE, 512, 4, SampleFormat.FLOAT_LE));
            try (Player player = Player.open(take, settings, offline.normalisation(), stream, true)) {
                player.play(0, LoopRegion.NONE);
                player.start();
                PlaybackRig.waitUntil(() -> player.status().ended(), "the take has played");
                assertEquals(0, player.seekLandedDeviceFrame());
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        float[] got = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(got);
        assertTrue(got.length >= want.length, "the device got " + got.length / 2 + " frames of " + want.length / 2);
        assertSameSamples(want, got, (int) offline.frames());
    }

    private static void assertSameSamples(float[] want, float[] got, int frames) {
        int differing = 0;
        int first = -1;
        for (int i = 0; i < 2 * frames; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                if (first < 0) first = i;
                differing++;
            }
        }
        String where = first < 0 ? "" : "; the first at frame " + first / 2 + " (channel " + first % 2 + "): render "
                + want[first] + ", live " + got[first];
        assertEquals(0, differing, "samples differing from the render, of " + 2 * frames + where);
    }
}
