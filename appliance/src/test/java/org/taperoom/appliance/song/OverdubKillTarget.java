package org.taperoom.appliance.song;

import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/** A child JVM for {@link OverdubKillTest}: records a long pass over song {@code kill} in real time until it is killed. */
public final class OverdubKillTarget {
    private OverdubKillTarget() {}

    public static void main(String[] args) throws Exception {
        Path library = Path.of(args[0]);
        var config = Recordings.config(library, 2, SongRig.RATE, "24").with(RecordingKeys.DEVICE, "sim:paced,loopback=100");
        new Overdub(new SongLibrary(library), org.taperoom.appliance.service.RecordingSetup.engineSettings(config), new SimBackend(SimOptions.defaults()), false)
                .record(new Overdub.Request("kill", List.of(1), List.of("dub"), 60, 0), new RoundTrip(100, false, "the simulator's loopback"));
    }
}
