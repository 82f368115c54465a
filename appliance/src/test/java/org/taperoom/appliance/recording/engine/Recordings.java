package org.taperoom.appliance.recording.engine;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/** Test recordings: engines on the simulator with a temporary library, and what a take must hold. */
public final class Recordings {
    private Recordings() {}

    /** Defaults for a test: the library in {@code dir}, no pre-roll, no free-space minimum, a short sync interval. */
    public static Config config(Path dir, int channels, int rateHz, String bits) {
        return Config.defaults()
                .with(RecordingKeys.LIBRARY, dir)
                .with(RecordingKeys.CHANNELS, channels)
                .with(RecordingKeys.RATE_HZ, rateHz)
                .with(RecordingKeys.BITS, bits)
                .with(RecordingKeys.PRE_ROLL_SECONDS, 0.0)
                .with(RecordingKeys.RING_SECONDS, 2)
                .with(RecordingKeys.MIN_FREE_MINUTES, 0)
                .with(RecordingKeys.FSYNC_INTERVAL_MILLIS, 200);
    }

    /** An ended take: where it is, why it ended, and its metadata. */
    public record Ended(TakeRef ref, EndReason reason, String detail, TakeInfo info) {}

    /**
     * Starts an engine on {@code sim}, records a take of {@code frames} frames (or until it ends by
     * itself), closes the engine and returns the take.
     */
    public static Ended record(Config config, SimBackend sim, long frames) throws Exception {
        try (RecordingEngine engine = RecordingSetup.engine(config, sim)) {
            CompletableFuture<Ended> ended = new CompletableFuture<>();
            engine.addListener(new RecorderListener() {
                @Override
                public void takeEnded(TakeRef take, EndReason reason, String detail) {
                    try {
                        ended.complete(new Ended(take, reason, detail, TakeJson.read(take.folder())));
                    } catch (Exception e) {
                        ended.completeExceptionally(e);
                    }
                }
            });
            engine.start();
            engine.startTake(TakeRequest.everything("test"), frames);
            return ended.get(120, TimeUnit.SECONDS);
        }
    }

    /** Unpaced simulator with these signals. */
    public static SimBackend unpaced(SimSignal... signals) {
        return new SimBackend(SimOptions.defaults().withPaced(false).withSignals(signals));
    }

    /** The sample the simulator produced for channel {@code c} at device frame {@code frame}, at gain 1. */
    public static int expected(SimOptions o, int channel, long frame, int rateHz, int bits) {
        return SimSignal.sample(o.signalOf(channel), channel, frame, rateHz, bits, o.seed(), 1.0);
    }

    /** Resolution bits of a bits setting ("32f" carries 24). */
    public static int resolution(String bits) {
        return bits.equals("16") ? 16 : 24;
    }
}
