package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.testing.TestAudio;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * A mix change sent while playing is heard from the next period on, gliding over the strips'
 * smoothing ramp: measured on the simulator's paced outputs against two renders, one with each
 * setting.
 */
class MixChangeLatencyTest {
    private static final int PERIOD = 256;
    /** ChannelStrip's ramp: 20 ms. */
    private static final int RAMP_FRAMES = PlaybackRig.RATE / 50;

    @Test
    void aFaderMoveBeginsWithinTwoPeriodsAndTheLookAheadAndSettlesAfterTheSmoothingRamp(@TempDir Path dir) throws Exception {
        Path takeDir = dir.resolve("take");
        TestAudio.writeTake(takeDir, PlaybackRig.RATE, List.of("tone"), List.of(TestAudio.sine(PlaybackRig.RATE, 440, 0.1, 3)));
        TakeTracks take = TakeTracks.find(takeDir);
        RenderSettings before = RenderSettings.parse("""
                {"master": {"normalize": false}, "output": {"sample_format": "f32"}}""");
        RenderSettings after = RenderSettings.parse("""
                {"mix": {"tracks": {"tone": {"fader_db": -20}}}, "master": {"normalize": false}, "output": {"sample_format": "f32"}}""");
        RenderResult a = PlaybackRig.render(take, before, dir.resolve("before.wav"));
        float[] wantBefore = PlaybackRig.readFloats(a.file());
        float[] wantAfter = PlaybackRig.readFloats(PlaybackRig.render(take, after, dir.resolve("after.wav")).file());

        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(true));
        PlaybackRig.Recorder recorder = new PlaybackRig.Recorder((int) a.frames() + 48000);
        sim.setOutputs(recorder);
        long postedAtDeviceFrame;
        long landed;
        int latency;
        try (Player player = Player.open(take, before, a.normalisation(),
                sim.openPlayback("sim", new StreamConfig(2, PlaybackRig.RATE, PERIOD, 4, SampleFormat.FLOAT_LE)), false)) {
            latency = player.latencyFrames();
            player.play(0, LoopRegion.NONE);
            player.start();
            PlaybackRig.waitUntil(() -> player.status().positionFrame() >= PlaybackRig.RATE, "a second has played");
            postedAtDeviceFrame = player.status().periods() * PERIOD;
            player.change(after);
            PlaybackRig.waitUntil(() -> player.status().ended(), "the take has played");
            landed = player.seekLandedDeviceFrame();
        }
        // Take frame k reached the device at device frame landed + k.
        postedAtDeviceFrame -= landed;
        float[] got = java.util.Arrays.copyOfRange(recorder.samples, 2 * (int) landed, recorder.samples.length);
        int frames = (int) a.frames();
        int onset = -1;
        for (int i = 0; i < 2 * frames && onset < 0; i++) {
            if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(wantBefore[i])) onset = i / 2;
        }
        // At the new level: within 1e-4 (-80 dBFS) of the render made with it. Not to the bit: the master's
        // 5 Hz DC blocker keeps a fading trace of the glide the render never had.
        int settled = -1;
        for (int f = frames - 1; f >= 0 && settled < 0; f--) {
            if (Math.abs(got[2 * f] - wantAfter[2 * f]) > 1e-4 || Math.abs(got[2 * f + 1] - wantAfter[2 * f + 1]) > 1e-4) settled = f + 1;
        }
        long onsetAfterPost = onset - postedAtDeviceFrame;
        long settledAfterPost = settled - postedAtDeviceFrame;
        System.out.printf("fader change posted at device frame %d: first changed frame %d frames later (%.1f ms), "
                        + "at the new level %d frames later (%.1f ms); period %d, limiter latency %d, ramp %d%n",
                postedAtDeviceFrame, onsetAfterPost, onsetAfterPost * 1000.0 / PlaybackRig.RATE, settledAfterPost,
                settledAfterPost * 1000.0 / PlaybackRig.RATE, PERIOD, latency, RAMP_FRAMES);
        assertTrue(onset > 0, "the output changed");
        assertTrue(onsetAfterPost >= 0, "nothing changed before the change was sent: " + onsetAfterPost);
        assertTrue(onsetAfterPost <= 2 * PERIOD + latency, "the change began within two periods and the limiter's look-ahead: "
                + onsetAfterPost + " frames");
        assertTrue(settled - onset <= RAMP_FRAMES + PERIOD, "the glide lasted the smoothing ramp: " + (settled - onset) + " frames");
        assertEquals(true, settled < frames, "the output reached the new level");
    }
}
