package org.taperoom.appliance.recording.recover;

import java.nio.file.Path;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * The child process of {@link KillRecoveryTest}: records a take in real time into the library given
 * as the first argument and prints, every 10 ms, the ring position captured so far, until killed.
 */
public final class KillTarget {
    private KillTarget() {}

    public static void main(String[] args) throws Exception {
        Path library = Path.of(args[0]);
        int syncMillis = Integer.parseInt(args[1]);
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.INDEX, SimSignal.NOISE));
        RecordingEngine engine = RecordingSetup.engine(Recordings.config(library, 4, 48000, "24")
                .with(RecordingKeys.FSYNC_INTERVAL_MILLIS, syncMillis), sim);
        engine.start();
        TakeRef ref = engine.startTake(TakeRequest.everything("kill-test"));
        System.out.println("take " + ref.folder());
        while (true) {
            System.out.println("captured " + engine.captureFrame());
            System.out.flush();
            Thread.sleep(10);
        }
    }
}
