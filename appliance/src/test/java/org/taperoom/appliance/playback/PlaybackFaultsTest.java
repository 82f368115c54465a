package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/** Device underruns are recovered and counted, and never move the play position. */
class PlaybackFaultsTest {
    @TempDir
    Path dir;

    @Test
    void injectedUnderrunsAreCountedAndThePlayPositionCarriesOnFromTheFrameThatWasDue() throws Exception {
        TakeTracks take = PlaybackRig.band(dir, 3);
        RenderSettings settings = PlaybackRig.fullChain();
        RenderResult offline = PlaybackRig.render(take, settings, dir.resolve("mix.wav"));
        float[] want = PlaybackRig.readFloats(offline.file());

        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        PlaybackRig.Recorder recorder = new PlaybackRig.Recorder((int) offline.frames() + 4096);
        sim.setOutputs(recorder);
        // An underrun every 97 periods from the 10th: 5 or 6 in the take.
        UnderrunningOutput out = new UnderrunningOutput(
                sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, 256, 4, SampleFormat.FLOAT_LE)), 10, 97);
        PlaybackStatus end;
        try (Player player = Player.open(take, settings, offline.normalisation(), out, true)) {
            player.play(0, LoopRegion.NONE);
            player.start();
            PlaybackRig.waitUntil(() -> player.status().ended(), "the take has played");
            end = player.status();
        }
        long injected = out.underruns();
        System.out.printf("%d underruns injected, %d counted%n", injected, end.underruns());
        assertEquals(true, injected >= 5, "underruns were injected during the take: " + injected);
        assertEquals(injected, end.underruns(), "every underrun is counted and reported in the status");
        assertEquals(offline.frames(), end.positionFrame(), "the position ends at the take's end");
        // Nothing skipped, nothing repeated: the device got every frame of the take in order.
        int n = 2 * (int) offline.frames();
        assertArrayEquals(Arrays.copyOf(want, n), Arrays.copyOf(recorder.samples, n), "what the device was given");
    }
}
