package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
 * A playback underrun in the middle of a pass: the simulated device runs dry for a number of
 * frames (played as silence on its outputs and loopback, its clock running on), as a late write
 * does on a real device. The song skips what the gap took, so the pass nulls against the bed
 * everywhere but the gap and the one period written as it recovered; without realignment
 * everything after the gap would be late by the gap.
 */
class OverdubUnderrunTest {
    private static final int BED_FRAMES = 24_000;

    @TempDir
    Path library;

    @ParameterizedTest(name = "loopback {0}, period {1}: {3} frames lost at device frame {2}")
    @CsvSource({"37, 256, 5000, 777", "1234, 128, 9000, 64", "0, 1024, 3000, 2500"})
    void aPassStaysInLineWithTheSongAfterThePlaybackUnderran(int loopback, int period, long atFrame, int lostFrames) throws Exception {
        float[] bed = SongRig.as24Bit(SongRig.noise(BED_FRAMES, 0.25, 3));
        String bedTake = SongRig.take(library, "100000-bed", List.of("bed"), List.of(bed));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Gap", bedTake);
        songs.save(song.withStrip("bed", song.strip("bed").withPan(-1)));
        String device = "sim:unpaced,loopback=" + loopback;
        Config config = Recordings.config(library, 2, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device)
                .with(RecordingKeys.PERIOD_FRAMES, period);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        sim.injectUnderrun(atFrame, lostFrames);
        Overdub.Result r = new Overdub(songs, RecordingSetup.engineSettings(config), sim, true)
                .record(new Overdub.Request("gap", List.of(1), List.of("dub"), BED_FRAMES / (double) SongRig.RATE, 0),
                        RoundTrips.forDevice(library, device, SongRig.RATE, period, 4));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("underran 1 time(s)") && r.warnings().get(0).contains(lostFrames + " frame(s)")
                && r.warnings().get(0).contains("realigned"), r.warnings().get(0));

        TakeInfo info = TakeJson.read(r.take().folder());
        float[] pass = SongRig.channel(r.take().folder().resolve(info.tracks.get(0).file()), 0);
        long offset = r.offsetFrames();
        int first = -1;
        int last = -1;
        int compared = 0;
        for (int k = 0; k < pass.length; k++) {
            long s = offset + k;
            if (s < 0 || s >= BED_FRAMES) continue;
            compared++;
            if (pass[k] != bed[(int) s]) {
                if (first < 0) first = (int) s;
                last = (int) s;
            }
        }
        System.out.printf("underrun: loopback %d, period %d, %d frames lost: pass differs from the bed only in song frames %d to %d "
                + "(%d frames; gap + period = %d), %d compared%n", loopback, period, lostFrames, first, last, last - first + 1,
                lostFrames + period, compared);
        assertTrue(first >= 0, "the gap is in the pass");
        assertTrue(last - first + 1 <= lostFrames + period, "the pass differs from the bed only within the gap and one period: "
                + first + " to " + last);
        assertTrue(BED_FRAMES - last > 5_000, "thousands of frames after the gap null against the bed: the last differing is " + last);
        assertTrue(compared > BED_FRAMES - 2 * (loopback + 4 * period) - lostFrames, "frames compared: " + compared);
    }
}
