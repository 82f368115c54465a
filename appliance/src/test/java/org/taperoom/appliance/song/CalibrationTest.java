package org.taperoom.appliance.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/** Calibration finds each simulated round trip exactly, every repeat agreeing; overdubs then use it. */
class CalibrationTest {
    @TempDir
    Path library;

    @ParameterizedTest(name = "loopback {0} frames, period {1}")
    @CsvSource({"0, 64", "1, 1024", "37, 128", "256, 256", "1234, 512", "4799, 64"})
    void calibrationFindsTheSimulatedRoundTripExactly(int latency, int period) throws Exception {
        String device = "sim:unpaced,loopback=" + latency;
        LatencyProbe.Measurement m = LatencyProbe.measure(new SimBackend(SimOptions.defaults().withPaced(false)), device, 48000, period, 4,
                1, 1, 2, 5, 24000);
        System.out.printf("calibration: loopback %4d, period %4d: found %d, spread %d, each %s, peak %.1f dB above the rest%n",
                latency, period, m.roundTripFrames(), m.spreadFrames(), m.eachFrames(), m.peakToSideDb());
        assertEquals(latency, m.roundTripFrames());
        assertEquals(0, m.spreadFrames());
        assertEquals(List.of((long) latency, (long) latency, (long) latency, (long) latency, (long) latency), m.eachFrames());
    }

    @Test
    void theTestSignalIsAMaximumLengthSequenceWhoseCircularAutocorrelationIsOnePeak() {
        for (int order = 10; order <= 16; order++) {
            byte[] mls = Mls.sequence(order);
            int n = mls.length;
            for (int lag = 0; lag < n; lag++) {
                long c = 0;
                for (int i = 0; i < n; i++) c += mls[i] * mls[(i + lag) % n];
                if (c != (lag == 0 ? n : -1)) throw new AssertionError("order " + order + ": autocorrelation " + c + " at lag " + lag);
                if (order > 12 && lag > 64) break;
            }
        }
    }

    @Test
    void aStoredCalibrationIsWhatTheNextOverdubUsesAndNoLoopbackIsOneLine() throws Exception {
        Object[] r = SongRenderTest.taperoom("calibrate", "--device", "sim:unpaced,loopback=613", "--library", library.toString(), "--json");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("\"round_trip_frames\": 613, \"spread_frames\": 0"), (String) r[1]);
        RoundTrip used = RoundTrips.forDevice(library, "sim:unpaced,loopback=613", 48000, 256, 4);
        assertEquals(613, used.frames());
        assertTrue(used.measured(), used.source());
        RoundTrip otherPeriod = RoundTrips.forDevice(library, "sim:unpaced,loopback=613", 48000, 512, 4);
        assertTrue(!otherPeriod.measured(), "a calibration holds for its own period only: " + otherPeriod.source());

        Object[] none = SongRenderTest.taperoom("calibrate", "--device", "sim:unpaced", "--library", library.toString());
        assertEquals(2, none[0]);
        assertTrue(((String) none[2]).startsWith("taperoom calibrate: no loopback found from output 1 to input 1"), (String) none[2]);
    }

    @Test
    void aLargeBufferIsSearchedAsFarAsItsRoundTripCanReach() throws Exception {
        // 32 periods of 1024 frames: a round trip of 0.65 s, beyond the half second looked at before.
        Object[] r = SongRenderTest.taperoom("calibrate", "--device", "sim:unpaced,loopback=31000", "--library", library.toString(),
                "--period-frames", "1024", "--buffer-periods", "32", "--repeats", "2", "--json");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("\"round_trip_frames\": 31000, \"spread_frames\": 0"), (String) r[1]);
    }
}
