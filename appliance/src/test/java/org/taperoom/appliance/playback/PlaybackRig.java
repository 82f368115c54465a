package org.taperoom.appliance.playback;

import java.io.IOException;
import java.nio.file.Path;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.testing.TestAudio;
import org.taperoom.drivers.sim.SimOutputs;

/** A take, its render, and what a simulated output was given: the playback tests' common ground. */
final class PlaybackRig {
    static final int RATE = 48000;

    private PlaybackRig() {}

    /** The band of {@link TestAudio} as a take of {@code seconds}. */
    static TakeTracks band(Path dir, double seconds) throws IOException {
        Path take = dir.resolve("take");
        TestAudio.writeTake(take, RATE, TestAudio.BAND_NAMES, TestAudio.band(RATE, seconds, 4));
        return TakeTracks.find(take);
    }

    /** Every stage of the chain at work: EQ, an RMS compressor, both sends and buses, pan, the glue, normalisation. */
    static RenderSettings fullChain() throws SettingsException {
        return RenderSettings.parse("""
                {"mix": {"tracks": {"lead": {"reverb_send_db": -10, "delay_send_db": -12, "pan": 0.3,
                                             "compressor": {"on": true, "detection": "rms"}},
                                    "bass": {"trim_db": 3, "pan": -0.4,
                                             "eq": {"high_pass": {"on": true, "frequency_hz": 40}, "peak_1": {"gain_db": 4}},
                                             "compressor": {"on": true, "detection": "peak"}},
                                    "hats": {"fader_db": -6, "pan": 0.7, "polarity_inverted": true}},
                         "delay": {"sync": "1/4"}},
                 "master": {"glue": {"on": true}},
                 "output": {"sample_format": "f32"}}""");
    }

    static RenderResult render(TakeTracks take, RenderSettings settings, Path out) throws Exception {
        return new Renderer(2).render(take, settings, out, RenderProgress.NONE, () -> false);
    }

    /** A float file's interleaved samples, exactly as stored. */
    static float[] readFloats(Path file) throws IOException {
        try (SoundFileReader r = SoundFileReader.open(file)) {
            float[] all = new float[(int) r.frames() * r.channels()];
            float[] chunk = new float[4096 * r.channels()];
            int at = 0;
            int n;
            while ((n = r.read(chunk, 4096)) > 0) {
                System.arraycopy(chunk, 0, all, at, n * r.channels());
                at += n * r.channels();
            }
            return all;
        }
    }

    /** Keeps the first {@code capacityFrames} stereo frames a simulated output is given (channels 0 and 1). */
    static final class Recorder implements SimOutputs {
        final float[] samples;
        /** Frames recorded; written by the playback thread, read by the test. */
        volatile int frames;

        Recorder(int capacityFrames) {
            samples = new float[2 * capacityFrames];
        }

        @Override
        public void floatPeriod(long frame, float[] interleaved, int n, int channels) {
            int f = frames;
            for (int i = 0; i < n && f < samples.length / 2; i++, f++) {
                samples[2 * f] = interleaved[i * channels];
                samples[2 * f + 1] = interleaved[i * channels + 1];
            }
            frames = f;
        }

        @Override
        public void intPeriod(long frame, int[] interleaved, int n, int channels) {
            throw new AssertionError("the playback engine writes floats");
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(2);
        }
    }
}
