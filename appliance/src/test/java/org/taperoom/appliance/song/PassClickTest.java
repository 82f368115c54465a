package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.playback.ClickSettings;
import org.taperoom.appliance.playback.ClickSound;
import org.taperoom.appliance.playback.ClickSource;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimOutputs;

/**
 * The click and count-in of a pass, on the simulator's loopback with the monitor pair on outputs
 * 3-4: the click is heard there only, never in a recorded file, and a count-in's bars end exactly
 * on the pass's first recorded frame.
 */
class PassClickTest {
    private static final int BED_FRAMES = 48_000;
    private static final int PERIOD = 256;
    private static final int LOOPBACK = 37;
    private static final double BPM = 240;

    @TempDir
    Path library;

    @Test
    void aPassWithTheClickAndACountInIsBitIdenticalToOneWithoutWhenTheLoopbackLeavesOutTheClickOutputs() throws Exception {
        Song song = bed();
        // The same bed in a second song: each pass plays over the bed alone.
        Song twin = new SongLibrary(library).create("Click twin", song.lanes().get(0).activePass().take());
        twin = twin.withTempo(BPM, "4/4");
        new SongLibrary(library).save(twin);
        // Two inputs: outputs 1-2 (the song) come back, outputs 3-4 (the pair, with the click) do not.
        Overdub.Result plain = pass(song, 2, List.of(1, 2), PassCue.NONE, null);
        Overdub.Result clicked = pass(twin, 2, List.of(1, 2), new PassCue(true, 2), null);
        int compared = 0;
        for (int t = 0; t < 2; t++) {
            float[] a = track(plain, t);
            float[] b = track(clicked, t);
            long shift = clicked.offsetFrames() - plain.offsetFrames();
            for (int k = 0; k < b.length; k++) {
                long inA = k + shift;
                if (inA < 0 || inA >= a.length) continue;
                assertEquals(Float.floatToRawIntBits(a[(int) inA]), Float.floatToRawIntBits(b[k]),
                        "input " + (t + 1) + " at song frame " + (clicked.offsetFrames() + k) + " is the same with the click as without");
                compared++;
            }
            assertTrue(SongRig.rms(b) > 0.05, "the song came back on input " + (t + 1));
        }
        System.out.printf("click on vs off: %d frames compared, bit for bit; the counted-in pass starts at song frame %d%n", compared,
                clicked.offsetFrames());
        assertTrue(compared > 30_000, "frames compared: " + compared);
        assertEquals(0, clicked.offsetFrames(), "after the count-in the pass starts on song frame 0, the bar line");
    }

    @Test
    void aCountInsFirstClickAndThePassesFirstFrameAreSampleExact() throws Exception {
        Song song = bed();
        List<long[]> onsets = new ArrayList<>();
        // What the pair is given: the click alone is output 3 minus output 1 (the song's left is on both).
        SimOutputs watch = new SimOutputs() {
            private boolean sounding;

            @Override
            public void floatPeriod(long frame, float[] x, int frames, int channels) {
                for (int f = 0; f < frames; f++) {
                    boolean now = x[f * channels + 2] != x[f * channels];
                    if (now && !sounding) onsets.add(new long[] {frame + f});
                    sounding = now;
                }
            }

            @Override
            public void intPeriod(long frame, int[] x, int frames, int channels) {
                throw new AssertionError("the pass writes floats");
            }
        };
        Overdub.Result r = pass(song, 4, List.of(1, 3), new PassCue(false, 1), watch);
        int rate = SongRig.RATE;
        ClickSettings grid = new ClickSettings(BPM, 4, 1, -12);
        long bar = grid.beatFrame(4, rate);
        // Output frame t comes back on input frame t + loopback: the pass's first frame left the output here.
        long firstFrameOut = r.takeStartFrame() - LOOPBACK;
        System.out.printf("count-in: clicks at output frames %s; the pass's first frame left the output at %d (a bar is %d frames)%n",
                onsets.stream().map(o -> Long.toString(o[0])).toList(), firstFrameOut, bar);
        assertEquals(4, onsets.size(), "one bar of 4/4 is four clicks, and the click stops at the pass");
        assertEquals(firstFrameOut - bar, onsets.get(0)[0], "the first click is one bar before the pass's first frame");
        for (int n = 0; n < 4; n++) assertEquals(firstFrameOut - bar + grid.beatFrame(n, rate), onsets.get(n)[0], "click " + (n + 1));
        assertEquals(0, r.offsetFrames(), "the pass's first frame is song frame 0");
        float[] main = track(r, 0);
        float[] pair = track(r, 1);
        for (int k = 0; k < main.length; k++) assertEquals(main[k], pair[k], "no click after the count-in, at take frame " + k);
    }

    @Test
    void withTheClickOnThePassesFirstFrameIsTheDownbeat() throws Exception {
        Song song = bed();
        Overdub.Result r = pass(song, 4, List.of(1, 3), new PassCue(true, 1), null);
        float[] main = track(r, 0);
        float[] pair = track(r, 1);
        int beat = (int) new ClickSettings(BPM, 4, 1, -12).beatFrame(1, SongRig.RATE);
        double accent = Math.pow(10, -12 / 20.0);
        assertEquals(accent, pair[0] - main[0], 1.5 / 8388608.0, "the accent's first sample at take frame 0");
        assertEquals(0, pair[beat - 1] - main[beat - 1], "silence just before the second beat");
        assertTrue(Math.abs(pair[beat] - main[beat] - accent / 2) < 1.5 / 8388608.0, "the second beat (6 dB below the accent) at its frame");
    }

    @Test
    void thePassesClickSoundsInTheChosenVoiceAndLevel() throws Exception {
        Song song = bed();
        Overdub.Result r = pass(song, 4, List.of(1, 3), new PassCue(true, 1, -20, ClickSound.WOOD), null);
        float[] main = track(r, 0);
        float[] pair = track(r, 1);
        float[] want = new float[(int) Math.round(0.015 * SongRig.RATE)];
        new ClickSource(new ClickSettings(BPM, 4, 1, -20, ClickSound.WOOD), SongRig.RATE).mixInto(want, 1, 0, want.length);
        assertEquals(Math.pow(10, -20 / 20.0), want[0], 1e-6, "the accent's peak at -20 dBFS");
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], pair[k] - main[k], 1.5 / 8388608.0, "the woodblock's accent at take frame " + k);
        }
    }

    private Song bed() throws Exception {
        String bed = SongRig.take(library, "100000-bed", List.of("bed"), List.of(SongRig.noise(BED_FRAMES, 0.25, 7)));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Click", bed).withTempo(BPM, "4/4");
        songs.save(song);
        return song;
    }

    private Overdub.Result pass(Song song, int inputs, List<Integer> armed, PassCue cue, SimOutputs watch) throws Exception {
        String device = "sim:unpaced,signal=noise,loopback=" + LOOPBACK;
        Config config = Recordings.config(library, inputs, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device)
                .with(RecordingKeys.PERIOD_FRAMES, PERIOD);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));
        sim.setOutputs(watch);
        MonitorRouting routing = new MonitorRouting(false, MonitorOutputs.parse("3-4"), MonitorMix.OFF);
        Overdub overdub = new Overdub(new SongLibrary(library), RecordingSetup.engineSettings(config), sim, true, routing);
        return overdub.record(new Overdub.Request(song.id(), armed, List.of(), 0.6, 0, -1, -1, 0, cue),
                RoundTrips.forDevice(library, device, SongRig.RATE, PERIOD, 4));
    }

    private static float[] track(Overdub.Result r, int i) throws Exception {
        TakeInfo info = TakeJson.read(r.take().folder());
        return SongRig.channel(r.take().folder().resolve(info.tracks.get(i).file()), 0);
    }
}
