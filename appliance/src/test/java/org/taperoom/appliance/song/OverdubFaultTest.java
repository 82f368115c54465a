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
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * A fault during a pass is never silent: the overdub names it, and what was recorded before it
 * still lines up to the sample; a pass is in the song from its first periods on, so a crash
 * leaves it (recovered as any take) in its place.
 */
class OverdubFaultTest {
    @TempDir
    Path library;

    @Test
    void theSongNamesThePassAtItsPlaceWhileItIsStillBeingRecorded() throws Exception {
        String bedTake = SongRig.take(library, "100000-bed", List.of("bed"), List.of(SongRig.noise(4800, 0.25, 5)));
        SongLibrary songs = new SongLibrary(library);
        songs.create("Live", bedTake);
        Config config = Recordings.config(library, 2, SongRig.RATE, "24").with(RecordingKeys.DEVICE, "sim:paced,loopback=100");
        java.util.concurrent.CompletableFuture<Overdub.Result> done = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new Overdub(songs, org.taperoom.appliance.service.RecordingSetup.engineSettings(config), new SimBackend(SimOptions.defaults()), false)
                        .record(new Overdub.Request("live", List.of(1), List.of("dub"), 2.0, 0), new RoundTrip(100, false, "the simulator's loopback"));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        Song during = songs.load("live");
        while (during.lanes().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            during = songs.load("live");
        }
        assertTrue(!done.isDone(), "the pass is still being recorded");
        assertEquals(2, during.lanes().size(), "the song names the pass while it records");
        Overdub.Result r = done.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(during.lane("dub").activePass(), new Pass(r.take().id(), "01-dub", r.offsetFrames()), "the place it was given is the final one");
    }

    @Test
    void anOverrunDuringAPassIsNamedAndTheFramesBeforeItStillLineUp() throws Exception {
        float[] bed = SongRig.noise(12_000, 0.25, 5);
        String bedTake = SongRig.take(library, "100000-bed", List.of("bed"), List.of(bed));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Fault", bedTake);
        songs.save(song.withStrip("bed", song.strip("bed").withPan(-1)));
        String device = "sim:unpaced,loopback=37,overrunAt=6144,overrunFrames=256";
        Config config = Recordings.config(library, 2, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device).with(RecordingKeys.PERIOD_FRAMES, 256);
        Overdub.Result r = new Overdub(songs, org.taperoom.appliance.service.RecordingSetup.engineSettings(config), new SimBackend(SimOptions.defaults().withPaced(false)), true)
                .record(new Overdub.Request("fault", List.of(1), List.of("dub"), 0.25, 0), new RoundTrip(37, false, "the simulator's loopback"));

        TakeInfo info = TakeJson.read(r.take().folder());
        assertEquals(1, info.overruns.size(), "take.json records the overrun");
        long overrunTakeFrame = info.overruns.get(0).frame();
        assertEquals(1, r.warnings().size(), String.valueOf(r.warnings()));
        assertTrue(r.warnings().get(0).startsWith("the capture lost frames at take frame " + overrunTakeFrame), r.warnings().get(0));

        float[] pass = SongRig.channel(r.take().folder().resolve("01-dub.wav"), 0);
        float[] want = SongRig.as24Bit(bed);
        long songFrameOfOverrun = overrunTakeFrame + r.offsetFrames();
        assertTrue(songFrameOfOverrun > 1000 && songFrameOfOverrun < bed.length, "the overrun falls inside the bed: " + songFrameOfOverrun);
        for (long s = 0; s < songFrameOfOverrun; s++) {
            assertEquals(Float.floatToRawIntBits(want[(int) s]), Float.floatToRawIntBits(pass[(int) (s - r.offsetFrames())]), "song frame " + s);
        }
        System.out.printf("fault: overrun at take frame %d (song frame %d); %d frames before it line up; warning: %s%n",
                overrunTakeFrame, songFrameOfOverrun, songFrameOfOverrun, r.warnings().get(0));
    }
}
