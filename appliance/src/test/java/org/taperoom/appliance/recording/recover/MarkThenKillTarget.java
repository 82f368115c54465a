package org.taperoom.appliance.recording.recover;

import java.nio.file.Path;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * The child process of {@link MarkerKillTest}: records with a sync interval far longer than the
 * test, drops a marker half a second in, and prints the ring position captured every 10 ms until
 * killed.
 */
public final class MarkThenKillTarget {
    private MarkThenKillTarget() {}

    public static void main(String[] args) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.INDEX));
        RecordingEngine engine = RecordingSetup.engine(Recordings.config(Path.of(args[0]), 2, 48000, "24")
                .with(RecordingKeys.FSYNC_INTERVAL_MILLIS, 60_000), sim);
        engine.start();
        TakeRef ref = engine.startTake(TakeRequest.everything("mark-then-kill"));
        System.out.println("take " + ref.folder());
        Thread.sleep(500);
        engine.addMarker("just before the kill", "cli");
        System.out.println("marked " + engine.captureFrame());
        while (true) {
            System.out.println("captured " + engine.captureFrame());
            System.out.flush();
            Thread.sleep(10);
        }
    }
}
