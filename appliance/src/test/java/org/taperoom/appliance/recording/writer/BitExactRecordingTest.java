package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimSignal;

/** The samples in the files equal the simulated source, sample for sample. */
class BitExactRecordingTest {

    static Stream<Arguments> formatsAndChannels() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String bits : new String[] {"16", "24", "32f"}) {
            for (int channels : new int[] {1, 2, 8, 32}) b.add(Arguments.of(bits, channels));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}-bit, {1} channels")
    @MethodSource("formatsAndChannels")
    void everyTrackHoldsTheSimulatedSignalSampleForSample(String bits, int channels, @TempDir Path dir) throws Exception {
        int rate = 48000;
        long frames = 12_345; // not a multiple of the period: the take ends mid-period
        SimBackend sim = Recordings.unpaced(SimSignal.SINE, SimSignal.NOISE, SimSignal.INDEX, SimSignal.IMPULSE);
        Recordings.Ended ended = Recordings.record(Recordings.config(dir, channels, rate, bits), sim, frames);
        assertEquals(EndReason.DURATION, ended.reason(), "the take reached its length");
        TakeInfo info = ended.info();
        assertEquals(TakeInfo.COMPLETE, info.state);
        assertEquals(frames, info.frames);
        assertEquals(channels, info.tracks.size());
        int res = Recordings.resolution(bits);
        for (int c = 0; c < channels; c++) {
            RiffReader r = new RiffReader(ended.ref().folder().resolve(info.tracks.get(c).file()));
            assertEquals(frames, r.frames(), "frames of track " + (c + 1));
            for (long i = 0; i < frames; i++) {
                int want = Recordings.expected(sim.options(), c, info.startFrame + i, rate, res);
                int got = r.sampleS32(i);
                if (want != got) {
                    assertEquals(want, got, "track " + (c + 1) + " (" + sim.options().signalOf(c).wireName() + ") frame " + i);
                }
            }
        }
    }
}
