package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimSignal;

/**
 * Past the RIFF size limit a file turns into RF64 in place (its reserved JUNK becomes ds64). The
 * limit is lowered to 200 kB here (rf64ThresholdBytes, a test-only setting) instead of writing 4 GiB.
 */
class Rf64SwitchTest {

    @Test
    void aFilePastTheThresholdBecomesRf64InPlaceAndSoxAndFfmpegReadAllOfIt(@TempDir Path dir) throws Exception {
        int rate = 48000;
        long frames = 3 * rate; // 432 kB of 24-bit samples, twice the threshold
        SimBackend sim = Recordings.unpaced(SimSignal.NOISE);
        Recordings.Ended ended = Recordings.record(Recordings.config(dir, 1, rate, "24")
                .with(RecordingKeys.RF64_THRESHOLD_BYTES, 200_000L), sim, frames);
        TakeInfo info = ended.info();
        Path file = ended.ref().folder().resolve(info.tracks.get(0).file());
        RiffReader r = new RiffReader(file);
        assertEquals("RF64", r.form);
        assertEquals("ds64", r.ids().get(0), "the JUNK chunk became ds64 where it was");
        assertEquals(frames, r.frames(), "data size from ds64");
        assertEquals(r.fileLength() - 8, r.riffSize, "RIFF size from ds64");
        ExternalReaders.SoxView sox = ExternalReaders.soxi(file);
        assertEquals(frames, sox.samples(), "sox reads the RF64 length");
        int[] decoded = ExternalReaders.ffmpegDecode(file);
        int[] want = new int[(int) frames];
        for (int i = 0; i < frames; i++) want[i] = Recordings.expected(sim.options(), 0, info.startFrame + i, rate, 24);
        assertArrayEquals(want, decoded, "ffmpeg decodes every sample of the RF64 file");
    }

    @Test
    void aFileBelowTheThresholdStaysPlainRiff(@TempDir Path dir) throws Exception {
        Recordings.Ended ended = Recordings.record(Recordings.config(dir, 1, 48000, "16")
                .with(RecordingKeys.RF64_THRESHOLD_BYTES, 200_000L), Recordings.unpaced(SimSignal.NOISE), 48000);
        RiffReader r = new RiffReader(ended.ref().folder().resolve(ended.info().tracks.get(0).file()));
        assertEquals("RIFF", r.form);
        assertEquals("JUNK", r.ids().get(0));
        assertEquals(r.fileLength() - 8, r.riffSize);
    }
}
