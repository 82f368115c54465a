package org.taperoom.hwtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.song.Calibrations;
import org.taperoom.appliance.song.LatencyProbe;
import org.taperoom.appliance.song.Overdub;
import org.taperoom.appliance.song.RoundTrip;
import org.taperoom.appliance.song.RoundTrips;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.appliance.testing.TestAudio;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.alsa.DevicePresence;

/**
 * The loopback rig of {@link AlsaLoopbackTest} (a cable from output 1 to input 1 of a real
 * interface), used as a musician's overdub would use the interface: the round trip is calibrated
 * (an MLS burst out and back, repeated), then a noise bed is played through the playback engine
 * while input 1 records it back as a new pass, placed by that calibration. The calibration must
 * agree with itself within one sample, and the pass must land on the bed's own frames within one
 * sample (the cross-correlation of pass and bed peaks at lag 0 ± 1). The analogue path (converters'
 * filters, the cable, the gain) keeps the null from reaching the simulator's −100 dBFS, so its
 * depth after matching the gain is printed, not asserted.
 *
 * <p>Opt-in, like the rig's other test: {@code -Dtaperoom.hw.device=hw:CARD=UMC1820,DEV=0}
 * (hw-tests/README.md); without it, or without a sound card, skipped with the reason printed.
 */
class OverdubLoopbackRigTest {
    private static final int RATE_HZ = 48000;
    private static final int PERIOD_FRAMES = 256;
    private static final int BUFFER_PERIODS = 4;
    private static final int BED_FRAMES = 5 * RATE_HZ;
    private static final int REPEATS = 8;
    /** How far either side of the placed frame the bed is looked for in the pass. */
    private static final int SEARCH_FRAMES = 480;

    @TempDir
    Path library;

    @Test
    void aPassRecordedThroughTheCableLandsOnItsBedWithinOneSampleOfTheCalibration() throws Exception {
        String device = System.getProperty("taperoom.hw.device");
        if (device == null) skip("runs only on the loopback rig, asked for with -Dtaperoom.hw.device=hw:CARD=...,DEV=0 (hw-tests/README.md)");
        Map<Integer, String> cards = new DevicePresence(DevicePresence.PROC_CARDS, n -> false, DevicePresence.DEFAULT_POLL_INTERVAL).cards();
        if (cards.isEmpty()) skip("no sound card (" + DevicePresence.PROC_CARDS + " lists none); wire the loopback rig of hw-tests/README.md to run it");

        float[] bed = noise(BED_FRAMES, 0.25, 20261207L);
        String bedTake = take("100000-bed", bed);
        SongLibrary songs = new SongLibrary(library);
        Song song = songs.create("Rig", bedTake);

        try (AlsaBackend alsa = new AlsaBackend()) {
            int inputs = alsa.devices().stream().filter(d -> d.name().equals(device)).findFirst()
                    .map(d -> d.capture() == null ? 0 : d.capture().minChannels()).orElse(0);
            if (inputs == 0) skip(device + " cannot capture (busy, or not a duplex interface)");

            LatencyProbe.Measurement m = LatencyProbe.measure(alsa, device, RATE_HZ, PERIOD_FRAMES, BUFFER_PERIODS, 1, 1, inputs, REPEATS, RATE_HZ / 2);
            System.out.printf("calibration on %s: round trip %d frames (%.3f ms), spread %d frames over %d repeats %s, peak %.1f dB above the next%n",
                    device, m.roundTripFrames(), m.roundTripFrames() * 1000.0 / RATE_HZ, m.spreadFrames(), REPEATS, m.eachFrames(), m.peakToSideDb());
            assertTrue(m.spreadFrames() <= 1, "the repeats agree within one sample: " + m.eachFrames());
            new Calibrations(library).store(device, RATE_HZ, PERIOD_FRAMES, BUFFER_PERIODS, m);
            RoundTrip roundTrip = RoundTrips.forDevice(library, device, RATE_HZ, PERIOD_FRAMES, BUFFER_PERIODS);
            assertTrue(roundTrip.measured(), roundTrip.source());

            Config config = Config.defaults()
                    .with(RecordingKeys.LIBRARY, library)
                    .with(RecordingKeys.DEVICE, device)
                    .with(RecordingKeys.CHANNELS, inputs)
                    .with(RecordingKeys.RATE_HZ, RATE_HZ)
                    .with(RecordingKeys.BITS, "24")
                    .with(RecordingKeys.PERIOD_FRAMES, PERIOD_FRAMES)
                    .with(RecordingKeys.PRE_ROLL_SECONDS, 0.0)
                    .with(RecordingKeys.MIN_FREE_MINUTES, 0);
            Overdub overdub = new Overdub(songs, RecordingSetup.engineSettings(config), alsa, false);
            Overdub.Result r = overdub.record(new Overdub.Request(song.id(), List.of(1), List.of("cable"), BED_FRAMES / (double) RATE_HZ, 0), roundTrip);
            System.out.printf("pass %s at frame %d (output start %d, take start %d), warnings %s%n",
                    r.take().id(), r.offsetFrames(), r.outputStartFrame(), r.takeStartFrame(), r.warnings());
            assertEquals(List.of(), r.warnings(), "the pass ran without a fault");

            float[] pass = firstTrack(r.take().folder());
            long offset = r.offsetFrames();
            int bestLag = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int lag = -SEARCH_FRAMES; lag <= SEARCH_FRAMES; lag++) {
                double c = correlation(bed, pass, offset + lag);
                if (c > best) {
                    best = c;
                    bestLag = lag;
                }
            }
            double nullDb = nullDepthDb(bed, pass, offset);
            System.out.printf("the bed is found in the pass at lag %d frames (%.3f ms); null with the gain matched: %.1f dB below the bed%n",
                    bestLag, bestLag * 1000.0 / RATE_HZ, nullDb);
            assertTrue(Math.abs(bestLag) <= 1, "the pass lands on its bed within one sample: lag " + bestLag + " frames");
        }
    }

    private static void skip(String reason) {
        System.out.println("OverdubLoopbackRigTest skipped: " + reason);
        Assumptions.assumeTrue(false, reason);
    }

    /** Σ bed[f]·pass[f − at] over the frames both hold: the pass's frame 0 sits at song frame {@code at}. */
    private static double correlation(float[] bed, float[] pass, long at) {
        double sum = 0;
        for (int i = 0; i < pass.length; i++) {
            long f = at + i;
            if (f >= 0 && f < bed.length) sum += (double) bed[(int) f] * pass[i];
        }
        return sum;
    }

    /** The residual of bed − g·pass at the placed frame, g the least-squares gain, in dB relative to the bed. */
    private static double nullDepthDb(float[] bed, float[] pass, long at) {
        double bp = 0;
        double pp = 0;
        double bb = 0;
        for (int i = 0; i < pass.length; i++) {
            long f = at + i;
            if (f < 0 || f >= bed.length) continue;
            bp += (double) bed[(int) f] * pass[i];
            pp += (double) pass[i] * pass[i];
            bb += (double) bed[(int) f] * bed[(int) f];
        }
        if (pp == 0 || bb == 0) return 0;
        double g = bp / pp;
        double residual = bb - 2 * g * bp + g * g * pp;
        return 10 * Math.log10(Math.max(residual, 1e-30) / bb);
    }

    private String take(String folder, float[] samples) throws Exception {
        Path dir = library.resolve("2026-12-07").resolve(folder);
        TestAudio.writeTake(dir, RATE_HZ, List.of("bed"), List.of(samples));
        TakeInfo info = new TakeInfo();
        info.name = folder;
        info.state = TakeInfo.COMPLETE;
        info.rateHz = RATE_HZ;
        info.bits = "24";
        info.frames = samples.length;
        info.tracks.add(new TakeInfo.Track("01-bed.wav", 1, "bed"));
        TakeJson.write(dir, info);
        return TakeFolders.idOf(library.toAbsolutePath().normalize(), dir.toAbsolutePath().normalize());
    }

    private static float[] firstTrack(Path takeFolder) throws Exception {
        Path file;
        try (var files = Files.list(takeFolder)) {
            file = files.filter(p -> p.getFileName().toString().matches("01-.*\\.wav")).findFirst()
                    .orElseThrow(() -> new AssertionError("no track 1 in " + takeFolder));
        }
        try (SoundFileReader reader = SoundFileReader.open(file)) {
            float[] out = new float[(int) reader.frames()];
            float[] chunk = new float[4096 * reader.channels()];
            int at = 0;
            int n;
            while ((n = reader.read(chunk, 4096)) > 0) {
                for (int i = 0; i < n; i++) out[at + i] = chunk[i * reader.channels()];
                at += n;
            }
            return out;
        }
    }

    private static float[] noise(int frames, double amplitude, long seed) {
        Random r = new Random(seed);
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) s[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        return s;
    }
}
