package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.DuplexStreams;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * The monitor goes to the chosen output pair: on the simulator's loopback (outputs 1-4 come back
 * on inputs 1-4; input 5 keeps its noise) the pair 3-4 carries the song and input 5, outputs 1-2
 * the song alone. A pair the device does not have is refused in one line before anything opens.
 */
class MonitorPairTest {
    private static final int BED_FRAMES = 24_000;
    private static final int PERIOD = 128;
    private static final int LOOPBACK = 37;

    @TempDir
    Path library;

    @Test
    void thePairCarriesTheSongAndTheMonitoredInputWhileOutputsOneAndTwoCarryTheSongAlone() throws Exception {
        Song song = bedHardRight();
        String device = "sim:unpaced,signal=noise,loopback=" + LOOPBACK;
        Config config = Recordings.config(library, 5, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device)
                .with(RecordingKeys.PERIOD_FRAMES, PERIOD);
        MonitorRouting routing = new MonitorRouting(true, MonitorOutputs.parse("3-4"), MonitorMix.parse("5:0:-1"));
        Overdub overdub = new Overdub(new SongLibrary(library), RecordingSetup.engineSettings(config),
                new SimBackend(SimOptions.defaults().withPaced(false)), true, routing);
        Overdub.Result r = overdub.record(new Overdub.Request(song.id(), List.of(1, 2, 3, 4, 5), List.of(), 0.4, 0),
                RoundTrips.forDevice(library, device, SongRig.RATE, PERIOD, 4));
        TakeInfo info = TakeJson.read(r.take().folder());
        float[][] in = new float[5][];
        for (int i = 0; i < 5; i++) in[i] = SongRig.channel(r.take().folder().resolve(info.tracks.get(i).file()), 0);
        int delay = LOOPBACK + 2 * PERIOD;
        int compared = 0;
        for (int k = delay; k < in[0].length; k++) {
            assertEquals(0f, in[0][k], "output 1 (the song's left: silent, the bed is hard right) holds no monitor at take frame " + k);
            assertEquals(in[1][k], in[3][k], "output 4 repeats output 2 (the song's right) at take frame " + k);
            assertEquals(in[4][k - delay], in[2][k], "output 3 carries input 5, the loopback + 2 periods later, at take frame " + k);
            compared++;
        }
        System.out.printf("monitor pair 3-4: %d frames compared, input 5 heard %d frames later on output 3%n", compared, delay);
        assertTrue(compared > 10_000, "frames compared: " + compared);
        assertTrue(SongRig.rms(in[1]) > 0.05 && SongRig.rms(in[4]) > 0.05, "the song and input 5 carry signals");
    }

    @Test
    void aPairTheDeviceDoesNotHaveIsRefusedInOneLine() throws Exception {
        Song song = bedHardRight();
        String device = "sim:unpaced,loopback=0";
        Config config = Recordings.config(library, 2, SongRig.RATE, "24").with(RecordingKeys.DEVICE, device);
        Overdub overdub = new Overdub(new SongLibrary(library), RecordingSetup.engineSettings(config), new TwoOutputs(),
                true, new MonitorRouting(true, MonitorOutputs.parse("3-4"), MonitorMix.parse("1")));
        SongException e = assertThrows(SongException.class, () -> overdub.record(new Overdub.Request(song.id(), List.of(1), List.of(), 0.2, 0),
                RoundTrips.forDevice(library, device, SongRig.RATE, 256, 4)));
        assertEquals("monitor outputs 3-4 do not exist: device sim:unpaced,loopback=0 has outputs 1 to 2", e.getMessage());
    }

    @Test
    void theOutputPairSettingIsTwoNeighbouringOutputsAndBadOnesAreNamed() throws Exception {
        assertEquals(2, MonitorOutputs.parse("3-4").firstChannel());
        assertEquals(4, MonitorOutputs.parse(" 3 - 4 ").channelsNeeded());
        assertEquals("monitor outputs must be two neighbouring outputs such as 1-2 or 3-4, not '3-5'",
                assertThrows(IllegalArgumentException.class, () -> MonitorOutputs.parse("3-5")).getMessage());
        Config off = Recordings.config(library, 2, SongRig.RATE, "24");
        assertEquals(MonitorRouting.OFF, RecordingSetup.monitorRouting(off), "off by default, on outputs 1-2");
        Config bad = off.withTexts(java.util.Map.of("monitorOutputs", "5-7"), "");
        assertEquals("monitor outputs must be two neighbouring outputs such as 1-2 or 3-4, not '5-7'",
                assertThrows(ConfigException.class, () -> RecordingSetup.monitorRouting(bad)).getMessage());
        assertEquals("3:-6:-1,4:0:0:mute", MonitorMix.parse("3:-6:-1, 4:0:0:mute").toText());
        assertEquals(0, MonitorMix.parse("4:0:0:mute").inputs().get(0).leftGain(), "a muted input is not heard");
    }

    private Song bedHardRight() throws Exception {
        String bed = SongRig.take(library, "100000-bed", List.of("bed"), List.of(SongRig.noise(BED_FRAMES, 0.25, 5)));
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Pair", bed);
        song = song.withStrip("bed", song.strip("bed").withPan(1));
        songs.save(song);
        return song;
    }

    /** The simulator, listed as an interface with two outputs (as a stereo USB interface lists itself). */
    private static final class TwoOutputs implements AudioBackend {
        private final SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false));

        @Override
        public List<DeviceInfo> devices() throws AudioDeviceException {
            DeviceInfo d = sim.devices().get(0);
            DeviceInfo.Capabilities p = d.playback();
            return List.of(new DeviceInfo(d.name(), d.longName(), d.capture(), new DeviceInfo.Capabilities(1, 2, p.ratesHz(), p.formats())));
        }

        @Override
        public CaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException {
            return sim.openCapture(deviceName, request);
        }

        @Override
        public PlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException {
            return sim.openPlayback(deviceName, request);
        }

        @Override
        public DuplexStreams openDuplex(String deviceName, StreamConfig capture, StreamConfig playback) throws AudioDeviceException {
            return sim.openDuplex(deviceName, capture, playback);
        }
    }
}
