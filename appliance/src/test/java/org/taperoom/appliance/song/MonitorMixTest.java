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
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * The monitor mix on the simulator's loopback: input 3 carries noise and is monitored hard left;
 * output 1 loops back into input 1, which the pass records beside input 3. What went into input 3
 * comes back on input 1 at the monitor's gain, exactly the loopback plus the monitor's delay (two
 * periods: the simulator writes nothing ahead) later. The bed plays hard right, so input 1 holds
 * the monitor alone. On a paced device the same holds with no input frame missed: the monitor adds
 * two periods to the device's own latency and no more.
 */
class MonitorMixTest {
    private static final int BED_FRAMES = 24_000;

    @TempDir
    Path library;

    @ParameterizedTest(name = "loopback {0}, period {1}, monitor at {2} dB")
    @CsvSource({"0, 64, 0, false", "37, 256, 0, false", "1234, 128, -6, false", "4799, 1024, -6, false", "37, 256, 0, true", "1234, 128, -6, true"})
    void whatGoesInComesOutAtTheMonitorGainTwoPeriodsBeyondTheLoopbackExactly(int loopback, int period, double levelDb, boolean paced) throws Exception {
        String bed = SongRig.take(library, "100000-bed", List.of("bed"), List.of(SongRig.noise(BED_FRAMES, 0.25, 5)));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Monitor", bed);
        songs.save(song.withStrip("bed", song.strip("bed").withPan(1)));
        String device = (paced ? "sim:" : "sim:unpaced,") + "signal=noise,loopback=" + loopback;
        Config config = Recordings.config(library, 3, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device)
                .with(RecordingKeys.PERIOD_FRAMES, period);
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(paced));
        Overdub overdub = new Overdub(songs, RecordingSetup.engineSettings(config), sim, !paced, MonitorMix.parse("3:" + levelDb + ":-1"));
        Overdub.Result r = overdub.record(new Overdub.Request("monitor", List.of(1, 3), List.of("looped", "live"), 0.4, 0),
                RoundTrips.forDevice(library, device, SongRig.RATE, period, 4));
        TakeInfo info = TakeJson.read(r.take().folder());
        float[] looped = SongRig.channel(r.take().folder().resolve(info.tracks.get(0).file()), 0);
        float[] live = SongRig.channel(r.take().folder().resolve(info.tracks.get(1).file()), 0);
        int delay = loopback + 2 * period;
        double gain = Math.pow(10, levelDb / 20);
        int compared = 0;
        double worst = 0;
        int missed = 0;
        for (int k = delay; k < looped.length; k++) {
            double want = live[k - delay] * gain;
            double d = Math.abs(looped[k] - want);
            // A frame the capture had not delivered when the output needed it is left out (silence) and counted.
            if (paced && d > 1.5 / 8388608.0 && looped[k] == 0) {
                missed++;
                continue;
            }
            worst = Math.max(worst, d);
            compared++;
        }
        System.out.printf("monitor (%s): loopback %d, period %d, %.0f dB: input heard %d frames later (the loopback + %d periods), "
                + "%d frames compared, worst difference %.3g (1 LSB = %.3g); %d frame(s) left out (the monitor counted %d)%n",
                paced ? "paced" : "unpaced", loopback, period, levelDb, delay, (delay - loopback) / period, compared, worst, 1 / 8388608.0,
                missed, r.monitorMissedFrames());
        assertTrue(missed <= r.monitorMissedFrames(), "every frame left out was counted: " + missed + " > " + r.monitorMissedFrames());
        if (!paced) assertEquals(0, r.monitorMissedFrames(), "an unpaced monitor waits for its inputs");
        assertTrue(compared > 10_000, "frames compared: " + compared);
        if (levelDb == 0) assertEquals(0, worst, "at 0 dB the input comes back bit for bit");
        // The looped-back input truncates to 24 bits (up to one step), the gain rounds in float.
        else assertTrue(worst <= 1.5 / 8388608.0, "within the 24-bit input's step of the monitor gain: " + worst);
        assertTrue(SongRig.rms(live) > 0.01, "input 3 carries a signal");
        double offByOne = 0;
        for (int k = delay; k < looped.length; k++) offByOne = Math.max(offByOne, Math.abs(looped[k] - live[k - delay + 1] * gain));
        assertTrue(offByOne > 0.01, "one frame off it does not match: " + offByOne);
    }

    @Test
    void aMonitorMixIsParsedFromItsTextAndBadTextIsNamed() {
        MonitorMix m = MonitorMix.parse("3:-6:-1, 4");
        assertEquals(List.of(new MonitorMix.Input(3, -6, -1), new MonitorMix.Input(4, 0, 0)), m.inputs());
        assertEquals(0, m.inputs().get(0).rightGain());
        assertEquals(Math.sqrt(0.5), m.inputs().get(1).leftGain(), 1e-12);
        assertEquals(MonitorMix.OFF, MonitorMix.parse(" "));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MonitorMix.parse("3:x"));
        assertEquals("'3:x' is not INPUT[:LEVEL_DB[:PAN[:mute]]] (e.g. 3:-6:-0.5)", e.getMessage());
        assertEquals("monitor pan must be -1 to 1, not 2.0",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MonitorMix.parse("1:0:2")).getMessage());
    }
}
