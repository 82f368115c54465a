package org.taperoom.appliance.dsp.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.settings.CompressorSettings;

/** The compressor's static curve against the soft-knee formula, and its time behaviour. */
class CompressorTest {
    private static final int RATE = 48000;

    /** Giannoulis et al. 2012, eq. 4, written out here independently of the code under test. */
    private static double expectedOutputDb(double in, double threshold, double ratio, double knee) {
        if (2 * (in - threshold) < -knee) return in;
        if (2 * Math.abs(in - threshold) <= knee) {
            double x = in - threshold + knee / 2;
            return in + (1 / ratio - 1) * x * x / (2 * knee);
        }
        return threshold + (in - threshold) / ratio;
    }

    /** Steady gain (dB) the compressor settles on for a constant input. */
    private static double settledGainDb(CompressorSettings s, double[] signal) {
        Compressor c = new Compressor(RATE);
        c.configure(s);
        double[] y = signal.clone();
        c.process(y, y.length);
        int from = y.length * 3 / 4;
        double in = 0;
        double out = 0;
        for (int i = from; i < y.length; i++) {
            in += signal[i] * signal[i];
            out += y[i] * y[i];
        }
        return 10 * Math.log10(out / in);
    }

    @Test
    void staticCurveFollowsTheSoftKneeFormulaForSteadyLevels() {
        for (boolean rms : new boolean[] {false, true}) {
            CompressorSettings s = new CompressorSettings(true, -20, 4, 6, 5, 50, 2, rms);
            for (double level = -40; level <= 0; level += 2.5) {
                double[] dc = new double[RATE];
                java.util.Arrays.fill(dc, Math.pow(10, level / 20));
                double expected = expectedOutputDb(level, -20, 4, 6) - level + 2;
                assertEquals(expected, settledGainDb(s, dc), 0.05, (rms ? "rms" : "peak") + " at " + level + " dBFS");
            }
        }
    }

    @Test
    void rmsDetectionReadsASineAtItsRmsLevel() {
        CompressorSettings s = new CompressorSettings(true, -30, 3, 0, 5, 100, 0, true);
        double amplitudeDb = -10;
        double[] sine = new double[RATE * 2];
        for (int i = 0; i < sine.length; i++) sine[i] = Math.pow(10, amplitudeDb / 20) * Math.sin(2 * Math.PI * 1000 * i / RATE);
        double rmsDb = amplitudeDb - 10 * Math.log10(2);
        assertEquals(expectedOutputDb(rmsDb, -30, 3, 0) - rmsDb, settledGainDb(s, sine), 0.2);
    }

    @Test
    void attackTakesAboutTheAttackTimeToReachTwoThirdsOfTheReduction() {
        CompressorSettings s = new CompressorSettings(true, -20, 10, 0, 10, 100, 0, false);
        Compressor c = new Compressor(RATE);
        c.configure(s);
        double[] x = new double[RATE];
        java.util.Arrays.fill(x, 1.0);
        c.process(x, RATE / 100);
        double fullReduction = Compressor.staticReductionDb(0, -20, 10, 0);
        assertEquals(1 - Math.exp(-1), c.reductionDb() / fullReduction, 0.02);
    }

    @Test
    void anOffCompressorPassesTheSignalUntouched() {
        Compressor c = new Compressor(RATE);
        c.configure(new CompressorSettings(false, -40, 20, 0, 1, 10, 12, false));
        double[] x = {0.9, -0.5, 0.25};
        c.process(x, 3);
        assertEquals(0.9, x[0]);
        assertEquals(-0.5, x[1]);
        assertTrue(x[2] == 0.25);
    }
}
