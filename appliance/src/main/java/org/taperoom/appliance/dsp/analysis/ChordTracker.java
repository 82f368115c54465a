package org.taperoom.appliance.dsp.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Major and minor triads (and no chord) over time: each chroma frame is compared with 24 triad
 * templates (cosine similarity, the bass register adding weight to the root), and a Viterbi path
 * through a 25-state model with a fixed cost per change smooths the result (as Chordino smooths
 * NNLS chroma with an HMM). States 0–11 are major triads on C…B, 12–23 minor, 24 no chord.
 */
final class ChordTracker {
    static final int NO_CHORD = 24;
    /** Cost of changing chord, in units of cosine similarity; about one second of evidence. */
    private static final double CHANGE_COST = 0.9;
    /**
     * The score of "no chord" where there is sound; below it no triad fits. Above a lone note's
     * similarity to every triad holding it (1/√3 = 0.58), so one note is not a chord.
     */
    private static final double NO_CHORD_SCORE = 0.6;
    /** Frames quieter than this fraction of the median frame are silence. */
    private static final double SILENCE_FRACTION = 0.05;
    private static final double BASS_WEIGHT = 0.5;

    /** A run of frames {@code [fromFrame, toFrame)} holding one state. */
    record Segment(int fromFrame, int toFrame, int state) {}

    private ChordTracker() {}

    static List<Segment> track(Chromagram c) {
        int n = c.length();
        List<Segment> out = new ArrayList<>();
        if (n == 0) return out;
        double[] energy = new double[n];
        for (int i = 0; i < n; i++) for (int p = 0; p < 12; p++) energy[i] += c.treble()[i][p] + c.bass()[i][p];
        double[] sorted = energy.clone();
        java.util.Arrays.sort(sorted);
        double silence = SILENCE_FRACTION * sorted[n / 2];
        double[][] emission = new double[n][25];
        for (int i = 0; i < n; i++) {
            if (energy[i] <= silence || energy[i] == 0) {
                emission[i][NO_CHORD] = 1;
                continue;
            }
            double[] v = new double[12];
            double bassTotal = 0;
            for (int p = 0; p < 12; p++) bassTotal += c.bass()[i][p];
            for (int p = 0; p < 12; p++) v[p] = c.treble()[i][p];
            double norm = norm(v);
            for (int s = 0; s < 24; s++) {
                int root = s % 12;
                int third = root + (s < 12 ? 4 : 3);
                double dot = v[root] + v[third % 12] + v[(root + 7) % 12];
                double cos = norm > 0 ? dot / (norm * Math.sqrt(3)) : 0;
                double bassRoot = bassTotal > 0 ? c.bass()[i][root] / bassTotal : 0;
                emission[i][s] = cos + BASS_WEIGHT * bassRoot;
            }
            emission[i][NO_CHORD] = NO_CHORD_SCORE + (bassTotal > 0 ? 0.2 * BASS_WEIGHT : 0);
        }
        int[] path = viterbi(emission);
        int from = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || path[i] != path[from]) {
                out.add(new Segment(from, i, path[from]));
                from = i;
            }
        }
        return out;
    }

    private static int[] viterbi(double[][] emission) {
        int n = emission.length;
        int states = emission[0].length;
        double[] score = emission[0].clone();
        int[][] back = new int[n][states];
        double[] next = new double[states];
        for (int i = 1; i < n; i++) {
            int bestPrev = 0;
            for (int s = 1; s < states; s++) if (score[s] > score[bestPrev]) bestPrev = s;
            for (int s = 0; s < states; s++) {
                double stay = score[s];
                double change = score[bestPrev] - CHANGE_COST;
                if (stay >= change || bestPrev == s) {
                    next[s] = stay + emission[i][s];
                    back[i][s] = s;
                } else {
                    next[s] = change + emission[i][s];
                    back[i][s] = bestPrev;
                }
            }
            double[] t = score;
            score = next;
            next = t;
        }
        int[] path = new int[n];
        int s = 0;
        for (int k = 1; k < states; k++) if (score[k] > score[s]) s = k;
        for (int i = n - 1; i >= 0; i--) {
            path[i] = s;
            s = back[i][s];
        }
        return path;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
