package org.taperoom.appliance.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatorTest {
    private static float[] sine(int rate, double hz, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
        return x;
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * x[i];
        return Math.sqrt(s / (to - from));
    }

    @Test
    void feedingInBlocksOfAnySizeGivesTheSameSamplesAsFeedingAtOnce() {
        float[] x = new float[100_003];
        Random rnd = new Random(2);
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
        Decimator whole = new Decimator(4);
        whole.add(x, 0, x.length);
        float[] expected = whole.finish();
        assertEquals(x.length / 4, expected.length);
        Decimator blocks = new Decimator(4);
        for (int at = 0; at < x.length; ) {
            int n = Math.min(x.length - at, 1 + rnd.nextInt(9000));
            blocks.add(x, at, n);
            at += n;
        }
        assertArrayEquals(expected, blocks.finish());
    }

    @Test
    void passesWhatTheAnalysisHearsAndStopsWhatWouldAlias() {
        // 48 kHz to 12 kHz: 2 kHz passes, 9 kHz (which would alias to 3 kHz) is removed.
        float[] pass = Signal.decimated(sine(48000, 2000, 48000), 48000).samples();
        float[] stop = Signal.decimated(sine(48000, 9000, 48000), 48000).samples();
        assertEquals(Math.sqrt(0.5), rms(pass, 100, pass.length - 100), 0.01);
        assertTrue(rms(stop, 100, stop.length - 100) < 0.01 * Math.sqrt(0.5), "9 kHz is 40 dB down: " + rms(stop, 100, stop.length - 100));
    }
}
