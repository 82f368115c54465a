package org.taperoom.appliance.dsp.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic-programming beat tracking (Ellis 2007): the beat sequence that maximises onset
 * strength at the beats minus a penalty, {@code TIGHTNESS * log²(interval / period)}, for every
 * interval that strays from the period. A soft penalty, so the beats follow drift and rubato.
 */
final class BeatTracker {
    private static final double TIGHTNESS = 60;

    private BeatTracker() {}

    /** Beat positions in (fractional) frames for a beat period of {@code periodFrames}. */
    static double[] track(OnsetEnvelope env, double periodFrames) {
        double[] e = env.strength();
        int n = e.length;
        if (n < 2 * periodFrames) return new double[0];
        double[] score = new double[n];
        int[] back = new int[n];
        int lo = (int) Math.round(periodFrames * 0.5);
        int hi = (int) Math.round(periodFrames * 2);
        double[] penalty = new double[hi + 1];
        for (int d = 1; d <= hi; d++) {
            double l = Math.log(d / periodFrames);
            penalty[d] = -TIGHTNESS * l * l;
        }
        for (int t = 0; t < n; t++) {
            double best = 0;
            int arg = -1;
            for (int d = lo; d <= hi && t - d >= 0; d++) {
                double v = score[t - d] + penalty[d];
                if (arg < 0 || v > best) {
                    best = v;
                    arg = t - d;
                }
            }
            if (arg >= 0 && best > 0) {
                score[t] = e[t] + best;
                back[t] = arg;
            } else {
                score[t] = e[t];
                back[t] = -1;
            }
        }
        // End on the best-scoring frame within the last period whose strength is a real onset.
        int end = n - 1;
        double bestEnd = Double.NEGATIVE_INFINITY;
        for (int t = Math.max(0, n - (int) Math.ceil(periodFrames)); t < n; t++) {
            if (score[t] > bestEnd) {
                bestEnd = score[t];
                end = t;
            }
        }
        List<Integer> beats = new ArrayList<>();
        for (int t = end; t >= 0; t = back[t]) beats.add(t);
        double[] out = new double[beats.size()];
        for (int i = 0; i < out.length; i++) out[i] = refine(e, beats.get(out.length - 1 - i));
        return out;
    }

    /** Sub-frame position of a peak by parabolic interpolation over its neighbours. */
    private static double refine(double[] e, int t) {
        if (t <= 0 || t >= e.length - 1) return t;
        double a = e[t - 1], b = e[t], c = e[t + 1];
        double den = a - 2 * b + c;
        if (den >= 0 || b < a || b < c) return t;
        return t + 0.5 * (a - c) / den;
    }
}
