package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * The acceptance test of overdubs: on the simulator's loopback of L frames, calibrated first, a bed lane played
 * through the playback engine and recorded back as a new pass lands on the bed's own frames:
 * the song rendered with the bed and the pass polarity-inverted at equal gain nulls below
 * -100 dBFS, for every latency and period size. A pass one frame off does not (the test can fail).
 */
class OverdubNullTest {
    private static final int BED_FRAMES = 12_000;

    @TempDir
    Path library;

    static Stream<Arguments> latenciesAndPeriods() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int latency : new int[] {0, 1, 37, 256, 1234, 4799}) {
            for (int period : new int[] {64, 128, 256, 512, 1024}) b.add(Arguments.of(latency, period));
        }
        return b.build();
    }

    @ParameterizedTest(name = "loopback {0} frames, period {1}")
    @MethodSource("latenciesAndPeriods")
    void aLoopedBackPassNullsAgainstItsBedBelowMinus100Dbfs(int latency, int period) throws Exception {
        nullTest(latency, period, false);
    }

    @ParameterizedTest(name = "in real time: loopback {0} frames, period {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1234, 1024", "37, 512"})
    void aPassRecordedInRealTimeNullsToo(int latency, int period) throws Exception {
        nullTest(latency, period, true);
    }

    private void nullTest(int latency, int period, boolean paced) throws Exception {
        String bedTake = SongRig.take(library, "100000-bed", List.of("bed"), List.of(SongRig.noise(BED_FRAMES, 0.25, latency * 7L + period)));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Null", bedTake);
        songs.save(song.withStrip("bed", song.strip("bed").withPan(-1)));

        String device = (paced ? "sim:paced" : "sim:unpaced") + ",loopback=" + latency;
        Config config = Recordings.config(library, 2, SongRig.RATE, "24")
                .with(RecordingKeys.DEVICE, device)
                .with(RecordingKeys.PERIOD_FRAMES, period);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(paced));
        // Calibrate first, as a user would: the overdub then uses the measured round trip.
        new Calibrations(library).store(device, SongRig.RATE, period, 4,
                LatencyProbe.measure(sim, device, SongRig.RATE, period, 4, 1, 1, 2, 1, 6000));
        RoundTrip roundTrip = RoundTrips.forDevice(library, device, SongRig.RATE, period, 4);
        assertTrue(roundTrip.measured(), roundTrip.source());
        Overdub overdub = new Overdub(songs, org.taperoom.appliance.service.RecordingSetup.engineSettings(config), sim, !paced);
        Overdub.Result r = overdub.record(new Overdub.Request("null", List.of(1), List.of("dub"), BED_FRAMES / (double) SongRig.RATE, 0),
                roundTrip);
        assertEquals(List.of(), r.warnings());

        Song dubbed = songs.load("null");
        assertEquals(r.offsetFrames(), dubbed.lane("dub").activePass().offsetFrames());
        dubbed = dubbed.withStrip("dub", invert(dubbed.strip("dub").withPan(-1)))
                .withMaster(dubbed.master().withNormalize(false));
        float[] residual = render(dubbed, "null.wav");
        double nullDb = peakDbfs(residual);
        double bedDb = peakDbfs(render(dubbed.withMute("dub", true), "bed.wav"));
        Song oneOff = dubbed.withLane(new Lane("dub", 0, List.of(new Pass(r.take().id(), "01-dub", r.offsetFrames() + 1))));
        double oneOffDb = peakDbfs(render(oneOff, "one-off.wav"));
        System.out.printf((paced ? "paced " : "") + "null: loopback %4d, period %4d: pass at %6d (output start %5d, take start %5d): null %.1f dBFS, bed %.1f dBFS, one frame off %.1f dBFS%n",
                latency, period, r.offsetFrames(), r.outputStartFrame(), r.takeStartFrame(), nullDb, bedDb, oneOffDb);
        assertTrue(bedDb > -20, "the bed is there to null: " + bedDb);
        assertTrue(nullDb < -100, "bed minus pass peaks at " + nullDb + " dBFS" + where(residual));
        assertTrue(oneOffDb > -40, "a pass one frame off does not null: " + oneOffDb);
    }

    private static org.taperoom.appliance.dsp.settings.TrackSettings invert(org.taperoom.appliance.dsp.settings.TrackSettings t) {
        return new org.taperoom.appliance.dsp.settings.TrackSettings(t.trimDb(), t.faderDb(), t.pan(), t.mute(), t.solo(), true, t.eq(),
                t.compressor(), t.reverbSendDb(), t.delaySendDb());
    }

    private float[] render(Song s, String name) throws Exception {
        Path out = library.resolve(name);
        SongArrangement a = SongArrangement.of(s, library);
        new Renderer(1).render(a.tracks(), a.settings(RenderSettings.parse(SongRenderTest.TRANSPARENT)), out, RenderProgress.NONE, () -> false);
        return SongRig.channel(out, 0);
    }

    /** Where the residual is not silent: the first and last such frame and how many there are. */
    private static String where(float[] residual) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < residual.length; i++) {
            if (residual[i] != 0) {
                if (first < 0) first = i;
                last = i;
                count++;
            }
        }
        return " (" + count + " frames not silent, from " + first + " to " + last + " of " + residual.length + ")";
    }

    private static double peakDbfs(float[] samples) {
        double peak = 0;
        for (float f : samples) peak = Math.max(peak, Math.abs(f));
        return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak);
    }
}
