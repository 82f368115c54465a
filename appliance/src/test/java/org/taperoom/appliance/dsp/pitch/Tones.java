package org.taperoom.appliance.dsp.pitch;

import java.util.Random;

/** Test tones for the tuner: sines, and a bass-guitar-like tone whose fundamental is weak. */
public final class Tones {
    private Tones() {}

    /** Equal-tempered frequency of a MIDI note for A4 = 440 Hz, detuned by {@code cents}. */
    public static double hz(int midi, double cents) {
        return 440 * Math.pow(2, (midi - 69 + cents / 100) / 12);
    }

    public static float[] sine(int rateHz, double hz, double seconds, double amplitude) {
        float[] x = new float[(int) (seconds * rateHz)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rateHz));
        return x;
    }

    /**
     * A plucked bass string: the fundamental at a seventh of the second harmonic, strong
     * harmonics up to the tenth (3rd and 4th louder than the fundamental), each decaying a little
     * faster than the one below, random phases, a little noise.
     */
    public static float[] bass(int rateHz, double hz, double seconds, long seed) {
        return bass(rateHz, hz, seconds, seed, true);
    }

    /** The same tone, held without decay when {@code decays} is false (a bowed or synth bass). */
    public static float[] bass(int rateHz, double hz, double seconds, long seed, boolean decays) {
        Random rnd = new Random(seed);
        double[] amps = {0.15, 1.0, 0.8, 0.6, 0.45, 0.3, 0.2, 0.15, 0.1, 0.08};
        double[] phases = new double[amps.length];
        for (int h = 0; h < amps.length; h++) phases[h] = rnd.nextDouble() * 2 * Math.PI;
        float[] x = new float[(int) (seconds * rateHz)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rateHz;
            double v = 0;
            for (int h = 0; h < amps.length; h++) {
                double f = hz * (h + 1);
                if (f > rateHz * 0.45) break;
                v += amps[h] * (decays ? Math.exp(-t * (0.8 + 0.3 * h)) : 1) * Math.sin(2 * Math.PI * f * t + phases[h]);
            }
            x[i] = (float) (0.2 * v + 0.0005 * rnd.nextGaussian());
        }
        return x;
    }
}
