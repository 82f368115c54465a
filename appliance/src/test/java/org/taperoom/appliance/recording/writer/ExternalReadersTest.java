package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimSignal;

/** sox and ffmpeg, which share no code with Taperoom, read the files as what they are. */
class ExternalReadersTest {

    @ParameterizedTest(name = "{0}-bit at {1} Hz")
    @CsvSource({"16, 44100, 16, Signed Integer PCM, pcm_s16le", "24, 48000, 24, Signed Integer PCM, pcm_s24le",
            "32f, 96000, 32, Floating Point PCM, pcm_f32le"})
    void soxAndFfmpegSeeTheRateChannelsDepthAndLengthAndFfmpegDecodesTheSamples(String bits, int rate, int soxBits, String encoding,
                                                                                  String codec, @TempDir Path dir) throws Exception {
        long frames = rate / 2 + 7;
        SimBackend sim = Recordings.unpaced(SimSignal.NOISE, SimSignal.SINE);
        Recordings.Ended ended = Recordings.record(Recordings.config(dir, 2, rate, bits), sim, frames);
        TakeInfo info = ended.info();
        for (int c = 0; c < 2; c++) {
            Path file = ended.ref().folder().resolve(info.tracks.get(c).file());
            ExternalReaders.SoxView sox = ExternalReaders.soxi(file);
            assertEquals(rate, sox.rateHz(), "sox rate");
            assertEquals(1, sox.channels(), "sox channels");
            assertEquals(soxBits, sox.bits(), "sox bits");
            assertEquals(frames, sox.samples(), "sox samples");
            assertTrue(sox.encoding().contains(encoding), "sox encoding " + sox.encoding());
            ExternalReaders.FfView ff = ExternalReaders.ffprobe(file);
            assertEquals(codec, ff.codec());
            assertEquals(rate, ff.rateHz());
            assertEquals(1, ff.channels());
            assertEquals(frames, ff.durationTs(), "ffprobe duration in samples");
            int[] decoded = ExternalReaders.ffmpegDecode(file);
            int[] want = new int[(int) frames];
            for (int i = 0; i < frames; i++) want[i] = Recordings.expected(sim.options(), c, info.startFrame + i, rate, Recordings.resolution(bits));
            assertArrayEquals(want, decoded, "ffmpeg's decoding of track " + (c + 1) + " equals the source");
        }
    }
}
