package org.taperoom.appliance.dsp.analysis;

/**
 * Onset strength: the half-wave rectified rise of the log-compressed spectrum (spectral flux,
 * Bello et al. 2005), summed up to 5 kHz, minus its local mean, normalised to unit deviation.
 *
 * @param strength   one value per frame, {@code >= 0}
 * @param frameRateHz frames per second; frame {@code i} is centred on {@code i / frameRateHz} s
 */
record OnsetEnvelope(double[] strength, double frameRateHz) {
    static final int SIZE = 512;
    static final int HOP = 128;

    static OnsetEnvelope of(Signal s) {
        return of(s, 5000);
    }

    /** The envelope of the band below {@code topHz}. */
    static OnsetEnvelope of(Signal s, double topHz) {
        int n = Frames.count(s.samples().length, HOP);
        int top = Math.min(SIZE / 2, (int) (topHz * SIZE / s.rateHz()));
        double[] flux = new double[n];
        double[] prev = new double[SIZE / 2 + 1];
        Frames.each(s.samples(), SIZE, HOP, (i, mags) -> {
            double sum = 0;
            for (int k = 1; k <= top; k++) {
                double l = Math.log1p(1000 * mags[k]);
                double d = l - prev[k];
                if (d > 0) sum += d;
                prev[k] = l;
            }
            flux[i] = i == 0 ? 0 : sum;
        });
        double rate = s.rateHz() / (double) HOP;
        // Remove the slowly varying part (crescendi, pads) so only rises remain.
        int half = (int) Math.round(0.25 * rate);
        double[] out = new double[n];
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + flux[i];
        double sq = 0;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - half), b = Math.min(n, i + half + 1);
            double v = flux[i] - (prefix[b] - prefix[a]) / (b - a);
            out[i] = v > 0 ? v : 0;
            sq += out[i] * out[i];
        }
        double sd = Math.sqrt(sq / Math.max(1, n));
        if (sd > 0) for (int i = 0; i < n; i++) out[i] /= sd;
        return new OnsetEnvelope(out, rate);
    }

    int length() {
        return strength.length;
    }

    /** The largest strength within {@code ±radius} frames of fractional frame {@code at}; 0 outside. */
    double near(double at, int radius) {
        int c = (int) Math.round(at);
        double m = 0;
        for (int i = c - radius; i <= c + radius; i++) if (i >= 0 && i < strength.length) m = Math.max(m, strength[i]);
        return m;
    }
}
