package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimCaptureStream;
import org.taperoom.drivers.sim.SimOutputs;

/**
 * Passes on the demo's interface, the paced simulator without a loopback ({@code sim:signal=band}):
 * its capture and playback count from one start, so a punched pass starts on the input frame its
 * punch-in came back on (the round trip is 0) and holds exactly its region.
 */
class PlainSimPassTest {
    @TempDir
    Path library;

    @Test
    void aPunchedPassOnThePlainSimulatorHoldsExactlyItsRegion() throws Exception {
        String bed = SongRig.take(library, "100000-bed", List.of("bed"), List.of(SongRig.noise(48_000, 0.25, 3)));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Demo", bed);
        String device = "sim:signal=band";
        Config config = Recordings.config(library, 2, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device)
                .with(RecordingKeys.PERIOD_FRAMES, 256);
        SimBackend sim = new SimBackend();
        // Each period the outputs are given, and the capture's own frame at that moment.
        long[] least = {Long.MAX_VALUE};
        sim.setOutputs(new SimOutputs() {
            @Override
            public void floatPeriod(long frame, float[] interleaved, int frames, int channels) {
                SimCaptureStream capture = sim.lastCapture();
                if (capture != null) least[0] = Math.min(least[0], capture.deviceFrameAt(System.nanoTime()) - frame);
            }

            @Override
            public void intPeriod(long frame, int[] interleaved, int frames, int channels) {
                throw new AssertionError("the song is written as floats");
            }
        });
        Overdub overdub = new Overdub(songs, RecordingSetup.engineSettings(config), sim, false);
        long in = 14_400;
        long out = 24_000;
        Overdub.Result r = overdub.record(new Overdub.Request(song.id(), List.of(1), List.of("fix"), 0, 0.1, in, out, 0),
                RoundTrips.forDevice(library, device, SongRig.RATE, 256, 4));
        TakeInfo info = TakeJson.read(r.take().folder());
        System.out.printf("plain simulator: punched pass at song frame %d, take start %d, output start %d, %d frames%n", r.offsetFrames(),
                r.takeStartFrame(), r.outputStartFrame(), info.frames);
        assertEquals(in, r.offsetFrames(), "placed at the punch-in");
        assertEquals(out - in, info.frames, "exactly the region");
        // A period is shown to the outputs as it starts playing; a late reading only adds to the difference.
        System.out.printf("plain simulator: the capture's frame is at least %d frames past the output's as each period starts%n", least[0]);
        assertTrue(Math.abs(least[0]) <= 256, "capture frame t and output frame t are one instant (within a period): " + least[0]);
        assertTrue(r.warnings().isEmpty(), "no warnings: " + r.warnings());
    }
}
