package org.taperoom.appliance.dsp.analysis;

/**
 * Pitch-class energy over time, in two registers: bass (55–200 Hz, where the roots are) and
 * treble (200–2000 Hz, where the chord and the melody are). Only spectral peaks count, each at
 * its parabolically interpolated frequency, so drums' broadband noise and window leakage add
 * little. Values are square-root compressed magnitudes.
 *
 * @param bass        [frame][pitch class 0 = C]
 * @param treble      [frame][pitch class]
 * @param frameRateHz frames per second; frame {@code i} is centred on {@code i / frameRateHz} s
 */
record Chromagram(double[][] bass, double[][] treble, double frameRateHz) {
    static final int SIZE = 4096;
    static final int HOP = 1024;
    private static final double BASS_LOW_HZ = 55;
    private static final double SPLIT_HZ = 200;
    private static final double TREBLE_HIGH_HZ = 2000;

    static Chromagram of(Signal s) {
        int n = Frames.count(s.samples().length, HOP);
        double[][] bass = new double[n][12];
        double[][] treble = new double[n][12];
        double binHz = s.rateHz() / (double) SIZE;
        int top = Math.min(SIZE / 2 - 1, (int) (TREBLE_HIGH_HZ / binHz) + 1);
        Frames.each(s.samples(), SIZE, HOP, (i, m) -> {
            for (int k = 2; k <= top; k++) {
                if (!(m[k] > m[k - 1] && m[k] >= m[k + 1])) continue;
                double a = m[k - 1], b = m[k], c = m[k + 1];
                double den = a - 2 * b + c;
                double offset = den < 0 ? 0.5 * (a - c) / den : 0;
                double hz = (k + offset) * binHz;
                if (hz < BASS_LOW_HZ || hz > TREBLE_HIGH_HZ) continue;
                double midi = 69 + 12 * Math.log(hz / 440) / Math.log(2);
                double nearest = Math.rint(midi);
                double off = Math.abs(midi - nearest);
                if (off > 0.4) continue; // between semitones: not a note of the tempered scale
                double peak = b - 0.25 * (a - c) * offset;
                double w = Math.sqrt(peak) * Math.cos(Math.PI * off / 0.8);
                int pc = Math.floorMod((int) nearest, 12);
                (hz < SPLIT_HZ ? bass : treble)[i][pc] += w;
            }
        });
        return new Chromagram(bass, treble, s.rateHz() / (double) HOP);
    }

    int length() {
        return bass.length;
    }
}
