package org.taperoom.appliance.dsp.analysis;

/**
 * 3/4 or 4/4 from the beats: each beat gets an accent (its onset strength, its onset strength
 * below 200 Hz where kick drum and bass play, and how much the harmony changes there, each
 * standardised), and the accent sequence's autocorrelation at a lag of
 * three beats (and six) is weighed against four (and eight). Chords change and kick drums land on
 * downbeats, so the bar length shows as the lag where accents repeat. Null when neither lag stands
 * out, rather than a guess.
 */
final class MeterFinder {
    private static final double MARGIN = 0.12;

    private MeterFinder() {}

    /** "3/4", "4/4" or null. */
    static String find(OnsetEnvelope env, OnsetEnvelope bass, Chromagram chroma, double[] beatFrames) {
        int n = beatFrames.length - 1;
        if (n < 12) return null;
        double[] onset = new double[n];
        double[] low = new double[n];
        double[] change = new double[n];
        double[] prev = null;
        double toChroma = chroma.frameRateHz() / env.frameRateHz();
        for (int b = 0; b < n; b++) {
            onset[b] = env.near(beatFrames[b], 1);
            low[b] = bass.near(beatFrames[b], 2);
            int from = (int) Math.round(beatFrames[b] * toChroma);
            int to = Math.max(from + 1, (int) Math.round(beatFrames[b + 1] * toChroma));
            double[] v = new double[12];
            for (int i = from; i < to && i < chroma.length(); i++) {
                for (int p = 0; p < 12; p++) v[p] += chroma.treble()[i][p] + chroma.bass()[i][p];
            }
            change[b] = prev == null ? 0 : 1 - cosine(v, prev);
            prev = v;
        }
        standardise(onset);
        standardise(change);
        standardise(low);
        double[] accent = new double[n];
        for (int b = 0; b < n; b++) accent[b] = onset[b] + change[b] + low[b];
        double three = (lagCorrelation(accent, 3) + lagCorrelation(accent, 6)) / 2;
        double four = (lagCorrelation(accent, 4) + lagCorrelation(accent, 8)) / 2;
        if (three > four + MARGIN && three > MARGIN) return "3/4";
        if (four > three + MARGIN && four > MARGIN) return "4/4";
        return null;
    }

    private static double lagCorrelation(double[] x, int lag) {
        double s = 0, a = 0, b = 0;
        for (int i = 0; i + lag < x.length; i++) {
            s += x[i] * x[i + lag];
            a += x[i] * x[i];
            b += x[i + lag] * x[i + lag];
        }
        return a == 0 || b == 0 ? 0 : s / Math.sqrt(a * b);
    }

    private static void standardise(double[] x) {
        double m = 0;
        for (double v : x) m += v;
        m /= x.length;
        double sd = 0;
        for (double v : x) sd += (v - m) * (v - m);
        sd = Math.sqrt(sd / x.length);
        for (int i = 0; i < x.length; i++) x[i] = sd > 0 ? (x[i] - m) / sd : 0;
    }

    private static double cosine(double[] a, double[] b) {
        double s = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 1 : s / Math.sqrt(na * nb);
    }
}
