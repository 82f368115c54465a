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

    /**
     * The envelopes of the bands below each of {@code topsHz}, from one pass of spectra: the
     * flux summed up to each top (band {@code b} includes every band below it).
     */
    static OnsetEnvelope[] of(Signal s, double... topsHz) {
        int n = Frames.count(s.samples().length, HOP);
        int[] tops = new int[topsHz.length];
        int highest = 0;
        for (int b = 0; b < tops.length; b++) {
            tops[b] = Math.min(SIZE / 2, (int) (topsHz[b] * SIZE / s.rateHz()));
            highest = Math.max(highest, tops[b]);
        }
        double[][] flux = new double[tops.length][n];
        double[] prev = new double[SIZE / 2 + 1];
        double[] rise = new double[SIZE / 2 + 1];
        int last = highest;
        Frames.each(s.samples(), SIZE, HOP, (i, mags) -> {
            for (int k = 1; k <= last; k++) {
                double l = Math.log1p(1000 * mags[k]);
                double d = l - prev[k];
                rise[k] = d > 0 ? d : 0;
                prev[k] = l;
            }
            if (i == 0) return;
            for (int b = 0; b < tops.length; b++) {
                double sum = 0;
                for (int k = 1; k <= tops[b]; k++) sum += rise[k];
                flux[b][i] = sum;
            }
        });
        double rate = s.rateHz() / (double) HOP;
        OnsetEnvelope[] out = new OnsetEnvelope[tops.length];
        for (int b = 0; b < tops.length; b++) out[b] = new OnsetEnvelope(normalised(flux[b], rate), rate);
        return out;
    }

    /** The flux minus its local mean (so only rises remain, not crescendi or pads), rectified, to unit RMS. */
    private static double[] normalised(double[] flux, double rate) {
        int n = flux.length;
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
        return out;
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
