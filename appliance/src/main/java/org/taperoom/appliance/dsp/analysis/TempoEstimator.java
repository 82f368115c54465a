package org.taperoom.appliance.dsp.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The beat period: autocorrelation of the onset strength finds the periodicities; the metrical
 * level that is the beat is chosen among the periods related to the strongest one (×1/4 … ×4).
 *
 * <p>The level rule, after the metrical well-formedness idea of Lerdahl and Jackendoff and
 * Klapuri's meter analysis: the beat is the level whose pulses are <em>alike</em> (every other
 * pulse as strong as its neighbours: not the eighth notes, whose off-beats are weaker) and whose
 * positions between pulses are <em>weaker</em> (at a half, a third or two thirds of the period:
 * not the half-note or the bar, which have beats between them). Each candidate level is beat-tracked
 * and scored {@code alike × (1 - between / on)}. This replaces the usual prior around 120 BPM,
 * which turns 60 and 200 BPM songs into octave errors.
 */
final class TempoEstimator {
    static final double MIN_BPM = 40;
    static final double MAX_BPM = 240;

    /**
     * The strongest periodicity must hold this fraction of the onset strength's variance (the
     * autocovariance at its lag over that at 0): below it there is no pulse, only the odd onset
     * and noise (a held tone, a drone, hiss).
     */
    static final double MIN_PERIODICITY = 0.1;

    /** The chosen beat period and its beats (both in frames). */
    record Result(double periodFrames, double[] beatFrames) {}

    private TempoEstimator() {}

    /**
     * @param env the onset strength the beats are tracked on
     * @param low the onset strength below the hi-hat, on which the metrical level is judged
     */
    static Result estimate(OnsetEnvelope env, OnsetEnvelope low) {
        double rate = env.frameRateHz();
        double[] e = env.strength();
        int minLag = (int) Math.floor(rate * 60 / MAX_BPM);
        int maxLag = (int) Math.ceil(rate * 60 / MIN_BPM);
        if (e.length < 2 * maxLag) maxLag = e.length / 2;
        if (maxLag <= minLag + 2) return new Result(0, new double[0]);
        double[] ac = autocorrelation(e, maxLag + 1);
        int best = -1;
        for (int l = minLag; l <= maxLag; l++) if (isPeak(ac, l) && (best < 0 || ac[l] > ac[best])) best = l;
        if (best < 0 || periodicity(e, ac, best) < MIN_PERIODICITY) return new Result(0, new double[0]);
        double strongest = peakLag(ac, best);
        List<Double> candidates = new ArrayList<>();
        for (double ratio : new double[] {0.25, 1 / 3.0, 0.5, 2 / 3.0, 1, 1.5, 2, 3, 4}) {
            double l = strongest * ratio;
            if (l < minLag || l > maxLag) continue;
            double refined = nearestPeak(ac, l, minLag, maxLag);
            if (refined > 0 && ac[(int) Math.round(refined)] > 0.1 * ac[best] && !near(candidates, refined)) candidates.add(refined);
        }
        Result chosen = null;
        double chosenScore = Double.NEGATIVE_INFINITY;
        for (double period : candidates) {
            double[] beats = BeatTracker.track(env, period);
            if (beats.length < 4) continue;
            double s = levelScore(low, beats);
            if (s > chosenScore) {
                chosenScore = s;
                chosen = new Result(meanInterval(beats), beats);
            }
        }
        return chosen == null ? new Result(0, new double[0]) : chosen;
    }

    /** {@code alike × (1 - between / on)} for a tracked beat sequence. */
    static double levelScore(OnsetEnvelope env, double[] beats) {
        double even = 0, odd = 0, between = 0;
        int nEven = 0, nOdd = 0, nBetween = 0;
        double[] fractions = {0.5, 1 / 3.0, 2 / 3.0};
        double[] at = new double[fractions.length];
        for (int i = 0; i + 1 < beats.length; i++) {
            double s = env.near(beats[i], 1);
            if (i % 2 == 0) {
                even += s;
                nEven++;
            } else {
                odd += s;
                nOdd++;
            }
            for (int f = 0; f < fractions.length; f++) at[f] += env.near(beats[i] + fractions[f] * (beats[i + 1] - beats[i]), 1);
            nBetween++;
        }
        if (nEven == 0 || nOdd == 0) return Double.NEGATIVE_INFINITY;
        even /= nEven;
        odd /= nOdd;
        for (double a : at) between = Math.max(between, a / nBetween);
        double on = (even + odd) / 2;
        if (on <= 0) return Double.NEGATIVE_INFINITY;
        double alike = Math.min(even, odd) / Math.max(even, odd);
        return alike * (1 - Math.min(1, between / on));
    }

    static double meanInterval(double[] beats) {
        return (beats[beats.length - 1] - beats[0]) / (beats.length - 1);
    }

    /** Autocovariance at {@code lag} over the variance, from the autocorrelation and the mean. */
    private static double periodicity(double[] e, double[] ac, int lag) {
        double mean = 0;
        for (double v : e) mean += v;
        mean /= e.length;
        double variance = ac[0] - mean * mean;
        return variance <= 0 ? 0 : (ac[lag] - mean * mean) / variance;
    }

    private static boolean near(List<Double> list, double v) {
        for (double x : list) if (Math.abs(x - v) < 0.03 * v) return true;
        return false;
    }

    private static double[] autocorrelation(double[] e, int lags) {
        double[] ac = new double[lags];
        for (int l = 0; l < lags; l++) {
            double s = 0;
            for (int i = 0; i + l < e.length; i++) s += e[i] * e[i + l];
            ac[l] = s / (e.length - l);
        }
        return ac;
    }

    private static boolean isPeak(double[] ac, int l) {
        return l > 0 && l + 1 < ac.length && ac[l] >= ac[l - 1] && ac[l] > ac[l + 1];
    }

    /** The fractional lag of the peak at {@code l} by parabolic interpolation. */
    private static double peakLag(double[] ac, int l) {
        double a = ac[l - 1], b = ac[l], c = ac[l + 1];
        double den = a - 2 * b + c;
        return den < 0 ? l + 0.5 * (a - c) / den : l;
    }

    /** The autocorrelation peak within ±6 % of {@code lag}, or -1. */
    private static double nearestPeak(double[] ac, double lag, int minLag, int maxLag) {
        int from = Math.max(minLag, (int) Math.floor(lag * 0.94));
        int to = Math.min(maxLag, (int) Math.ceil(lag * 1.06));
        int best = -1;
        for (int l = from; l <= to; l++) if (isPeak(ac, l) && (best < 0 || ac[l] > ac[best])) best = l;
        return best < 0 ? -1 : peakLag(ac, best);
    }
}
