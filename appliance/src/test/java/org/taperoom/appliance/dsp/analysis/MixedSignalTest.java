package org.taperoom.appliance.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.testing.TestAudio;

/** A take's tracks (or a song's lanes) analysed together: their mean, read in step, as one signal. */
class MixedSignalTest {
    @Test
    void theTracksOfATakeAreAnalysedAsTheirMeanUpToTheLimitAndAShortTrackIsSilenceAfterItsEnd(@TempDir Path dir) throws Exception {
        int rate = 48000;
        float[] a = new float[rate * 3], b = new float[rate * 2], mean = new float[rate * 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / rate));
            if (i < b.length) b[i] = (float) (0.5 * Math.sin(2 * Math.PI * 330 * i / rate));
            mean[i] = (a[i] + (i < b.length ? b[i] : 0)) / 2;
        }
        TestAudio.writeTake(dir, rate, List.of("guitar", "voice"), List.of(a, b));
        Path first = dir.resolve("01-guitar.wav"), second = dir.resolve("02-voice.wav");

        Signal mixed = Signal.mixed(List.of(SoundFileReader.open(first), SoundFileReader.open(second)), 60);
        Signal expected = Signal.decimated(mean, rate);
        assertEquals(expected.rateHz(), mixed.rateHz());
        assertArrayEquals(expected.samples(), mixed.samples(), 1e-4f, "24-bit files: the mean to within their resolution");

        Signal limited = Signal.mixed(List.of(SoundFileReader.open(first), SoundFileReader.open(second)), 1.0);
        assertEquals(1.0, limited.seconds(), 0.01, "only the first second is read");
    }
}
