package org.taperoom.appliance.dsp.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cascade's unrolled paths (three to five stages: the usual strip and master EQs) and its
 * general loop must give the same bits
 * as running each stage over the block on its own: the render's determinism and every EQ figure
 * checked against ffmpeg rest on that.
 */
class BiquadCascadeTest {
    private static final double RATE = 48000;

    private static Biquad.Coefficients[] bands() {
        return new Biquad.Coefficients[] {
                Biquad.highPass(RATE, 80, 0.707), Biquad.lowShelf(RATE, 150, -2, 0.707), Biquad.peaking(RATE, 1000, 1.5, 1),
                Biquad.peaking(RATE, 5000, -1, 1), Biquad.highShelf(RATE, 9000, 2, 0.707), Biquad.highPass(RATE, 5, 0.5)};
    }

    @Test
    void everyCascadeLengthMatchesStageByStageBitForBit() {
        Random random = new Random(7);
        for (int n = 1; n <= 6; n++) {
            Biquad[] cascade = new Biquad[n];
            Biquad[] alone = new Biquad[n];
            for (int s = 0; s < n; s++) {
                cascade[s] = new Biquad();
                cascade[s].set(bands()[s]);
                alone[s] = new Biquad();
                alone[s].set(bands()[s]);
            }
            double[] c = new double[30];
            double[] z = new double[12];
            // Several blocks of odd sizes, so the state carried between blocks is checked too.
            for (int block : new int[] {4096, 1777, 1, 333}) {
                double[] x = new double[block];
                for (int i = 0; i < block; i++) x[i] = random.nextGaussian() * 0.3;
                double[] viaCascade = x.clone();
                double[] viaStages = x.clone();
                Biquad.processCascade(cascade, n, viaCascade, block, c, z);
                for (Biquad b : alone) b.process(viaStages, 0, block);
                assertArrayEquals(viaStages, viaCascade, 0.0, n + " stages, block of " + block);
            }
        }
    }
}
