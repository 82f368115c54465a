package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.Normalisation;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.testing.TestAudio;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/** Play, pause, seek and loop, measured on the simulator's outputs with a take holding one click at a known frame. */
class TransportTest {
    private static final int RATE = PlaybackRig.RATE;
    private static final int CLICK_FRAME = 60_000;

    @TempDir
    Path dir;

    /** A quiet tone (so no period of the take is silent) with one loud click. */
    private TakeTracks clickTake() throws Exception {
        float[] samples = TestAudio.sine(RATE, 440, 0.05, 3);
        samples[CLICK_FRAME] = 0.9f;
        Path takeDir = dir.resolve("take");
        TestAudio.writeTake(takeDir, RATE, List.of("click"), List.of(samples));
        return TakeTracks.find(takeDir);
    }

    private static RenderSettings plain() throws Exception {
        return RenderSettings.parse("""
                {"master": {"normalize": false}}""");
    }

    /** The device frame of the largest sample of channel 0 in [fromFrame, toFrame). */
    private static int loudestFrame(float[] stereo, int fromFrame, int toFrame) {
        int best = -1;
        float max = 0;
        for (int f = fromFrame; f < toFrame; f++) {
            float v = Math.abs(stereo[2 * f]);
            if (v > max) {
                max = v;
                best = f;
            }
        }
        return best;
    }

    private Player open(SimBackend sim, TakeTracks take, boolean paced) throws Exception {
        RenderSettings s = plain();
        return Player.open(take, s, Normalisation.of(s.master(), RATE, 0),
                sim.openPlayback("sim", new StreamConfig(2, RATE, 256, 4, SampleFormat.FLOAT_LE)), !paced);
    }

    @Test
    void aSeekWhilePlayingLandsOnTheRequestedFrame() throws Exception {
        TakeTracks take = clickTake();
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(true));
        PlaybackRig.Recorder recorder = new PlaybackRig.Recorder(5 * RATE);
        sim.setOutputs(recorder);
        long seekTo = 48_123;
        long landed;
        try (Player player = open(sim, take, true)) {
            player.play(0, LoopRegion.NONE);
            player.start();
            PlaybackRig.waitUntil(() -> player.status().positionFrame() >= RATE / 4, "a quarter second has played");
            long before = player.seekLandedDeviceFrame();
            player.seek(seekTo);
            PlaybackRig.waitUntil(() -> player.seekLandedDeviceFrame() != before, "the seek has landed");
            landed = player.seekLandedDeviceFrame();
            PlaybackRig.waitUntil(() -> player.status().ended(), "the take has played");
            assertEquals(player.programmeFrames(), player.status().positionFrame());
        }
        int click = loudestFrame(recorder.samples, (int) landed, recorder.frames);
        assertEquals(landed + (CLICK_FRAME - seekTo), click, "the click is heard " + (CLICK_FRAME - seekTo) + " frames after the seek landed");
    }

    @Test
    void pausingKeepsThePositionAndPlayingOnResumesFromIt() throws Exception {
        TakeTracks take = clickTake();
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(true));
        PlaybackRig.Recorder recorder = new PlaybackRig.Recorder(6 * RATE);
        sim.setOutputs(recorder);
        long landed;
        try (Player player = open(sim, take, true)) {
            player.play(0, LoopRegion.NONE);
            player.start();
            PlaybackRig.waitUntil(() -> player.status().positionFrame() >= RATE / 2, "half a second has played");
            player.pause();
            PlaybackRig.waitUntil(() -> !player.status().playing(), "paused");
            long pausedAt = player.status().positionFrame();
            Thread.sleep(300);
            assertEquals(pausedAt, player.status().positionFrame(), "the position holds while paused");
            long periodsPaused = player.status().periods();
            player.play(-1, LoopRegion.NONE);
            PlaybackRig.waitUntil(() -> player.status().ended(), "the take has played");
            landed = player.seekLandedDeviceFrame();
            assertTrue(player.status().periods() > periodsPaused);
        }
        // The take went out whole, with a gap: the click is where the take's frames put it, counting the silence.
        int click = loudestFrame(recorder.samples, (int) landed, recorder.frames);
        int silentPeriods = 0;
        for (int p = (int) landed / 256; p < recorder.frames / 256; p++) {
            boolean silent = true;
            for (int i = 2 * p * 256; i < 2 * (p + 1) * 256 && silent; i++) silent = recorder.samples[i] == 0;
            if (silent && p * 256 < click) silentPeriods++;
        }
        assertTrue(silentPeriods >= 5, "the pause was heard as silence: " + silentPeriods + " periods");
        assertEquals(landed + CLICK_FRAME + 256L * silentPeriods, click, "no frame skipped or repeated around the pause");
    }

    @Test
    void aLoopRegionPlaysOverAndOverWithoutAGap() throws Exception {
        TakeTracks take = clickTake();
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        PlaybackRig.Recorder recorder = new PlaybackRig.Recorder(8 * RATE);
        sim.setOutputs(recorder);
        int loopFrom = 50_000;
        int loopTo = 74_000;
        long landed;
        try (Player player = open(sim, take, false)) {
            player.play(loopFrom, new LoopRegion(loopFrom, loopTo));
            player.start();
            PlaybackRig.waitUntil(() -> recorder.frames >= 7 * RATE, "seven seconds have played");
            landed = player.seekLandedDeviceFrame();
            assertFalse(player.status().ended(), "a loop never ends");
            assertTrue(player.status().playing());
        }
        int length = loopTo - loopFrom;
        for (int k = 0; k < 5; k++) {
            int expected = (int) landed + (CLICK_FRAME - loopFrom) + k * length;
            int from = Math.max((int) landed, expected - length / 2);
            assertEquals(expected, loudestFrame(recorder.samples, from, expected + length / 2), "the click of pass " + (k + 1));
        }
    }
}
