package org.taperoom.appliance.recording.recover;

import java.nio.file.Path;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimSignal;

/**
 * The child process of {@link LargeFileRecoveryTest}: records one track of 32-bit float at 96 kHz
 * from the unpaced simulator, as fast as the disk takes it, into the library given first, until killed.
 */
public final class LargeTakeTarget {
    private LargeTakeTarget() {}

    public static void main(String[] args) throws Exception {
        RecordingEngine engine = RecordingSetup.engine(Recordings.config(Path.of(args[0]), 1, 96000, "32f")
                .with(RecordingKeys.RING_SECONDS, 20), Recordings.unpaced(SimSignal.INDEX));
        engine.start();
        TakeRef ref = engine.startTake(TakeRequest.everything("large"));
        System.out.println("take " + ref.folder());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
