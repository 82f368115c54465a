package org.taperoom.appliance.dsp.analysis;

import java.util.List;

/**
 * The key: the whole take's pitch-class distribution correlated with the Krumhansl–Kessler
 * probe-tone profiles in all 24 keys (Krumhansl 1990, the Krumhansl–Schmuckler algorithm), the
 * bass register counted twice (roots and tonic pedals live there). Relative keys (C major,
 * A minor) share their notes, so a tonic cue breaks near-ties: among the keys that fit almost as
 * well as the best, the one whose tonic triad opens or closes the progression, as songs and jams
 * mostly do.
 */
final class KeyFinder {
    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    /** Keys whose correlation is within this of the best one's are near-ties for the tonic cue. */
    private static final double NEAR_TIE = 0.1;
    /**
     * The same for the best key's relative, which has the same notes: in a loop like Am–F–C–G the
     * third chord's tonic shares most notes, and only where the loop starts and ends tells them
     * apart (measured: C major 0.93, A minor 0.72 over three minutes of that loop).
     */
    private static final double RELATIVE_TIE = 0.3;

    /** The best key (tonic pitch class, minor) and its correlation in [-1, 1]. */
    record Result(int tonicPc, boolean minor, double correlation) {}

    private KeyFinder() {}

    /** Null when there is no pitched content at all. */
    static Result find(Chromagram c, List<ChordTracker.Segment> chords) {
        double[] profile = new double[12];
        for (int i = 0; i < c.length(); i++) {
            for (int p = 0; p < 12; p++) profile[p] += c.treble()[i][p] + 2 * c.bass()[i][p];
        }
        double total = 0;
        for (double v : profile) total += v;
        if (total <= 0) return null;
        int first = -1, last = -1;
        for (ChordTracker.Segment s : chords) {
            if (s.state() == ChordTracker.NO_CHORD) continue;
            if (first < 0) first = s.state();
            last = s.state();
        }
        double[][] r = new double[2][12];
        double top = Double.NEGATIVE_INFINITY;
        int topMode = 0, topTonic = 0;
        for (int mode = 0; mode < 2; mode++) {
            for (int tonic = 0; tonic < 12; tonic++) {
                r[mode][tonic] = correlation(profile, mode == 1 ? MINOR : MAJOR, tonic);
                if (r[mode][tonic] > top) {
                    top = r[mode][tonic];
                    topMode = mode;
                    topTonic = tonic;
                }
            }
        }
        int relativeMode = 1 - topMode;
        int relativeTonic = (topTonic + (topMode == 0 ? 9 : 3)) % 12;
        // Among the keys that fit nearly as well as the best, the one the progression opens and
        // closes on; then the best fit.
        Result best = null;
        int bestCue = -1;
        for (int mode = 0; mode < 2; mode++) {
            for (int tonic = 0; tonic < 12; tonic++) {
                boolean relative = mode == relativeMode && tonic == relativeTonic;
                if (r[mode][tonic] < top - (relative ? RELATIVE_TIE : NEAR_TIE)) continue;
                int tonicTriad = tonic + 12 * mode;
                int cue = (first == tonicTriad ? 1 : 0) + (last == tonicTriad ? 1 : 0);
                if (cue > bestCue || (cue == bestCue && r[mode][tonic] > best.correlation())) {
                    bestCue = cue;
                    best = new Result(tonic, mode == 1, r[mode][tonic]);
                }
            }
        }
        return best;
    }

    /** Pearson correlation of {@code x} with {@code profile} rotated to start at {@code tonic}. */
    private static double correlation(double[] x, double[] profile, int tonic) {
        double mx = 0, mp = 0;
        for (int i = 0; i < 12; i++) {
            mx += x[i];
            mp += profile[i];
        }
        mx /= 12;
        mp /= 12;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < 12; i++) {
            double a = x[i] - mx;
            double b = profile[Math.floorMod(i - tonic, 12)] - mp;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        return sxx == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
