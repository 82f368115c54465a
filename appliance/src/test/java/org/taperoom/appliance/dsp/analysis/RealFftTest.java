package org.taperoom.appliance.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RealFftTest {
    @Test
    void magnitudesEqualADirectDftForEverySizeUsed() {
        Random rnd = new Random(7);
        for (int size : new int[] {4, 8, 64, 512, 4096}) {
            double[] x = new double[size];
            for (int i = 0; i < size; i++) x[i] = rnd.nextGaussian();
            double[] mags = new double[size / 2 + 1];
            new RealFft(size).magnitudes(x, mags);
            for (int k = 0; k <= size / 2; k += Math.max(1, size / 64)) {
                double re = 0, im = 0;
                for (int i = 0; i < size; i++) {
                    re += x[i] * Math.cos(2 * Math.PI * k * i / size);
                    im -= x[i] * Math.sin(2 * Math.PI * k * i / size);
                }
                assertEquals(Math.hypot(re, im), mags[k], 1e-9 * size, "size " + size + " bin " + k);
            }
        }
    }
}
