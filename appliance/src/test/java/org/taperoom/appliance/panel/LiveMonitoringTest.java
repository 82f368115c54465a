package org.taperoom.appliance.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimOutputs;

/** The live monitor under serve: the recorder's engine on the simulator, the panel's playback service, the panel's monitor choice. */
class LiveMonitoringTest {
    /** The loudest sample per output channel of the newest period written, kept by the output's thread. */
    private static final class Peaks implements SimOutputs {
        final AtomicReference<float[]> last = new AtomicReference<>(new float[0]);

        @Override
        public void floatPeriod(long frame, float[] interleaved, int frames, int channels) {
            float[] peak = new float[channels];
            for (int f = 0; f < frames; f++) {
                for (int c = 0; c < channels; c++) peak[c] = Math.max(peak[c], Math.abs(interleaved[f * channels + c]));
            }
            last.set(peak);
        }

        @Override
        public void intPeriod(long frame, int[] interleaved, int frames, int channels) {
            throw new AssertionError("the monitor writes floats");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void theRecordersInputsAreHeardOnTheChosenPairWhileItRunsAtTheOutputsRateAndTheOutputIsFreedBeforeItStops(@TempDir Path dir) throws Exception {
        Config config = Config.defaults()
                .with(RecordingKeys.LIBRARY, dir)
                .with(RecordingKeys.CHANNELS, 2)
                .with(RecordingKeys.RATE_HZ, 48000)
                .with(RecordingKeys.PRE_ROLL_SECONDS, 0.0)
                .with(RecordingKeys.RING_SECONDS, 2)
                .with(RecordingKeys.MIN_FREE_MINUTES, 0);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(true));
        Peaks peaks = new Peaks();
        sim.setOutputs(peaks);
        MonitorChoice choice = new MonitorChoice(MonitorRouting.OFF);
        PlaybackService playback = new PlaybackService(sim, "sim", 256, 4, 48000);
        try (RecordingEngine engine = RecordingSetup.engine(config, sim)) {
            engine.start();
            LiveMonitoring.follow(engine, choice, playback);
            assertEquals(-1, playback.metronomeAlonePeriods(), "the monitor is off by default: the output stays closed");

            choice.set(new MonitorRouting(true, MonitorOutputs.parse("3-4"), MonitorMix.parse("1")));
            waitUntil(() -> peaks.last.get().length == 4 && peaks.last.get()[2] > 0.1f, "input 1 is heard on output 3");
            float[] p = peaks.last.get();
            assertEquals(0f, p[0], "output 1 stays silent");
            assertEquals(0f, p[1], "output 2 stays silent");
            assertTrue(p[3] > 0.1f, "input 1 in the middle is heard on output 4 too: " + p[3]);

            choice.set(new MonitorRouting(true, MonitorOutputs.parse("3-4"), MonitorMix.parse("1:0:0:mute")));
            waitUntil(() -> peaks.last.get()[2] == 0f, "the muted input falls silent");

            choice.set(new MonitorRouting(true, MonitorOutputs.parse("3-4"), MonitorMix.parse("2")));
            waitUntil(() -> peaks.last.get()[2] > 0.1f, "input 2 is heard instead");
            engine.close();
            assertEquals(-1, playback.metronomeAlonePeriods(), "the recorder stopped (a pass takes the device): the output is free at once");

            engine.start();
            waitUntil(() -> playback.metronomeAlonePeriods() > 10, "the monitor comes back with the recorder");
            assertTrue(engine.reopen("sim", 2, 44100, "24", 0), "the recorder reopens at 44.1 kHz");
            assertEquals(-1, playback.metronomeAlonePeriods(), "a recorder at another rate than the output's is not monitored");
            assertTrue(engine.reopen("sim", 2, 48000, "24", 0), "the recorder reopens at 48 kHz");
            waitUntil(() -> playback.metronomeAlonePeriods() > 10, "the monitor comes back at the output's rate");
            choice.set(MonitorRouting.OFF);
            assertEquals(-1, playback.metronomeAlonePeriods(), "monitor off: the output is free");
        } finally {
            playback.close();
        }
    }
}
