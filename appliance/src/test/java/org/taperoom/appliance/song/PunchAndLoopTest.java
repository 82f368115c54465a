package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * Punch and loop passes on the simulator's loopback, over a bed of noise played hard left into
 * output 1, which comes back on input 1: a punched pass holds exactly the bed's frames between
 * punch-in and punch-out, sample for sample, and sits at the punch-in; the pre-roll before it is
 * heard but not recorded. A looped region gives one pass per cycle, each the region exactly.
 */
class PunchAndLoopTest {
    private static final int BED_FRAMES = 30_000;

    @TempDir
    Path library;

    private float[] bed;

    private Overdub overdub(int loopback, int period) throws Exception {
        bed = SongRig.as24Bit(SongRig.noise(BED_FRAMES, 0.25, 11));
        String bedTake = SongRig.take(library, "100000-bed", List.of("bed"), List.of(bed));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Punch", bedTake);
        songs.save(song.withStrip("bed", song.strip("bed").withPan(-1)));
        Config config = Recordings.config(library, 2, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device(loopback))
                .with(RecordingKeys.PERIOD_FRAMES, period);
        return new Overdub(songs, RecordingSetup.engineSettings(config), new SimBackend(SimOptions.defaults().withPaced(false)), true);
    }

    private static String device(int loopback) {
        return "sim:unpaced,loopback=" + loopback;
    }

    @ParameterizedTest(name = "loopback {0}, period {1}")
    @CsvSource({"0, 64", "37, 256", "1234, 128", "4799, 1024"})
    void aPunchedPassHoldsExactlyTheFramesBetweenPunchInAndPunchOut(int loopback, int period) throws Exception {
        Overdub overdub = overdub(loopback, period);
        long in = 10_007;
        long out = 17_011;
        double from = 4_000 / (double) SongRig.RATE;
        Overdub.Result r = overdub.record(new Overdub.Request("punch", List.of(1), List.of("dub"), 0, from, in, out, 0),
                RoundTrips.forDevice(library, device(loopback), SongRig.RATE, period, 4));
        assertEquals(List.of(), r.warnings());
        Pass pass = new SongLibrary(library).load("punch").lane("dub").activePass();
        assertEquals(in, pass.offsetFrames(), "the pass sits at the punch-in");
        float[] recorded = track(r);
        assertEquals(out - in, recorded.length, "the pass is exactly the punch region long");
        assertRegion(recorded, (int) in, "punch");
        System.out.printf("punch: loopback %d, period %d: %d frames at %d equal the bed's, sample for sample%n", loopback, period,
                recorded.length, in);
    }

    @Test
    void eachCycleOfALoopIsAPassOfItsOwnAtTheRegionTheLastOneActive() throws Exception {
        Overdub overdub = overdub(1234, 256);
        long in = 6_000;
        long out = 9_000;
        Overdub.Result r = overdub.record(new Overdub.Request("punch", List.of(1), List.of("dub"), 0, 2_000 / (double) SongRig.RATE, in, out, 3),
                RoundTrips.forDevice(library, device(1234), SongRig.RATE, 256, 4));
        assertEquals(List.of(), r.warnings());
        assertEquals(3, r.cycles().size());
        Lane lane = new SongLibrary(library).load("punch").lane("dub");
        assertEquals(3, lane.passes().size());
        assertEquals(2, lane.active(), "the last cycle is the one heard");
        for (int k = 0; k < 3; k++) {
            Pass p = lane.passes().get(k);
            assertEquals(r.cycles().get(k).id(), p.take());
            assertEquals(in, p.offsetFrames());
            TakeInfo info = TakeJson.read(r.cycles().get(k).folder());
            float[] recorded = SongRig.channel(r.cycles().get(k).folder().resolve(info.tracks.get(0).file()), 0);
            assertEquals(out - in, recorded.length, "cycle " + (k + 1) + " is the region long");
            assertRegion(recorded, (int) in, "cycle " + (k + 1));
        }
    }

    private static float[] track(Overdub.Result r) throws Exception {
        TakeInfo info = TakeJson.read(r.take().folder());
        return SongRig.channel(r.take().folder().resolve(info.tracks.get(0).file()), 0);
    }

    /** {@code recorded} equals the bed from {@code at} on, and not one frame off. */
    private void assertRegion(float[] recorded, int at, String what) {
        int differ = 0;
        int first = -1;
        for (int k = 0; k < recorded.length; k++) {
            if (recorded[k] != bed[at + k]) {
                differ++;
                if (first < 0) first = k;
            }
        }
        assertEquals(0, differ, what + ": frames that differ from the bed's (first at " + first + ")");
        int offByOne = 0;
        for (int k = 0; k < recorded.length; k++) if (recorded[k] != bed[at + k + 1]) offByOne++;
        assertTrue(offByOne > recorded.length / 2, what + ": the comparison would see one frame off");
    }
}
