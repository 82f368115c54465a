package org.taperoom.appliance.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.music.Key;

/**
 * Tempo, key, meter and chord accuracy on 48 synthetic songs with known ground truth (see
 * {@link SyntheticSong#testSet}), with the tables printed and the targets asserted: tempo within
 * ±2 % on ≥ 95 % of songs (octave errors counted apart, and as misses), key exact on ≥ 90 %,
 * chords right on ≥ 80 % of frames, meter never wrong and known on ≥ 90 %.
 */
class AnalysisAccuracyTest {
    private static final int RATE_HZ = 22050;
    private static final double SECONDS = 20;
    private static final List<Row> ROWS = new ArrayList<>();

    /** One song's truth and what the analysis said. */
    record Row(SyntheticSong.Spec spec, double trueBpm, Double bpm, String trueMeter, String meter, Key trueKey, String key,
               double chordFrames, double chordRight) {
        boolean tempoRight() {
            return bpm != null && Math.abs(bpm / trueBpm - 1) <= 0.02;
        }

        /** Within 2 % of ½, ⅓, 2 or 3 times the truth: the right pulse at another metrical level. */
        boolean tempoOctaveError() {
            if (bpm == null || tempoRight()) return false;
            for (double r : new double[] {0.5, 1 / 3.0, 2, 3}) if (Math.abs(bpm / (trueBpm * r) - 1) <= 0.02) return true;
            return false;
        }

        boolean keyRight() {
            return trueKey.displayName().equals(key) || (key != null && Key.parse(key.replace(" major", "").replace(" minor", "m")).equals(trueKey));
        }

        /** MIREX: 1 exact, 0.5 a fifth away in the same mode, 0.3 relative, 0.2 parallel, else 0. */
        double mirexKeyScore() {
            if (key == null) return 0;
            Key k = Key.parse(key.replace(" major", "").replace(" minor", "m"));
            if (k.tonicPc() == trueKey.tonicPc() && k.minor() == trueKey.minor()) return 1;
            int up = Math.floorMod(k.tonicPc() - trueKey.tonicPc(), 12);
            if (k.minor() == trueKey.minor() && (up == 7 || up == 5)) return 0.5;
            if (k.minor() != trueKey.minor()) {
                int relative = trueKey.minor() ? 3 : 9;
                if (up == relative) return 0.3;
                if (up == 0) return 0.2;
            }
            return 0;
        }
    }

    @BeforeAll
    static void analyseTheTestSet() {
        for (SyntheticSong.Spec spec : SyntheticSong.testSet(RATE_HZ, SECONDS)) {
            SyntheticSong.Song song = SyntheticSong.render(spec);
            MusicAnalysis a = MusicAnalyzer.analyze(Signal.decimated(song.samples(), RATE_HZ));
            double frames = 0, right = 0;
            double duration = song.samples().length / (double) RATE_HZ;
            for (double t = 0.05; t < duration; t += 0.1) {
                frames++;
                if (chordState(a, t) == song.truth().chordAt(t)) right++;
            }
            ROWS.add(new Row(spec, song.truth().tempoBpm(), a.tempoBpm(), spec.beatsPerBar() + "/4", a.timeSignature(),
                    Key.of(spec.tonicPc(), spec.minor()), a.key(), frames, right));
        }
        System.out.println("song                          true bpm   bpm    tempo    meter      key                    chords");
        for (Row r : ROWS) {
            System.out.printf("%-28s %7.2f %7.2f  %-7s  %-4s %-4s  %-9s %-10s %s  %5.1f %%%n", r.spec().name(), r.trueBpm(),
                    r.bpm() == null ? Double.NaN : r.bpm(), r.tempoRight() ? "ok" : r.tempoOctaveError() ? "octave" : "MISS",
                    r.meter() == null ? "-" : r.meter(), r.trueMeter().equals(r.meter()) ? "ok" : r.meter() == null ? "?" : "MISS",
                    r.trueKey().displayName(), r.key(), r.keyRight() ? "ok  " : "MISS", 100 * r.chordRight() / r.chordFrames());
        }
        System.out.printf("tempo within ±2 %%: %.1f %%  (octave errors %d, other misses %d)%n", 100 * tempoAccuracy(),
                ROWS.stream().filter(Row::tempoOctaveError).count(), ROWS.stream().filter(r -> !r.tempoRight() && !r.tempoOctaveError()).count());
        System.out.printf("key exact: %.1f %%  MIREX weighted: %.1f %%%n", 100 * keyAccuracy(),
                100 * ROWS.stream().mapToDouble(Row::mirexKeyScore).average().orElse(0));
        System.out.printf("meter right: %.1f %%  (unsure %d)%n", 100 * ROWS.stream().filter(r -> r.trueMeter().equals(r.meter())).count() / (double) ROWS.size(),
                ROWS.stream().filter(r -> r.meter() == null).count());
        System.out.printf("chords, frames right: %.1f %%%n", 100 * chordAccuracy());
    }

    static int chordState(MusicAnalysis a, double t) {
        for (MusicAnalysis.ChordSpan c : a.chords()) {
            if (t >= c.startSeconds() && t < c.endSeconds()) {
                if (c.chord().equals("N")) return 24;
                var sym = org.taperoom.appliance.music.ChordSymbol.parse(c.chord()).orElseThrow();
                return sym.rootPc() + (sym.minor() ? 12 : 0);
            }
        }
        return 24;
    }

    private static double tempoAccuracy() {
        return ROWS.stream().filter(Row::tempoRight).count() / (double) ROWS.size();
    }

    private static double keyAccuracy() {
        return ROWS.stream().filter(Row::keyRight).count() / (double) ROWS.size();
    }

    private static double chordAccuracy() {
        return ROWS.stream().mapToDouble(Row::chordRight).sum() / ROWS.stream().mapToDouble(Row::chordFrames).sum();
    }

    @Test
    void tempoIsWithinTwoPercentOnAtLeast95PercentOfSongs() {
        assertTrue(tempoAccuracy() >= 0.95, "tempo accuracy " + tempoAccuracy());
    }

    @Test
    void keyIsExactOnAtLeast90PercentOfSongs() {
        assertTrue(keyAccuracy() >= 0.90, "key accuracy " + keyAccuracy());
    }

    /**
     * Relative keys share their notes: a minute of Am–F–C–G holds more C than A. Only where the
     * loop starts and ends says A minor (and C–G–Am–F says C major).
     */
    @Test
    void aMinuteOfALoopSharedWithTheRelativeKeyStillGivesTheKeyItOpensAndClosesOn() {
        List<String> found = new ArrayList<>();
        int right = 0;
        int i = 0;
        for (boolean minor : new boolean[] {true, false}) {
            for (int tonic : new int[] {9, 2}) {
                var prog = minor ? SyntheticSong.MINOR_PROGRESSIONS.get(0) : SyntheticSong.MAJOR_PROGRESSIONS.get(0);
                var spec = new SyntheticSong.Spec("loop", 96 + 20 * i, 4, tonic, minor, prog, 0, 0.02, 60, RATE_HZ, 77 + i++);
                MusicAnalysis a = MusicAnalyzer.analyze(Signal.decimated(SyntheticSong.render(spec).samples(), RATE_HZ));
                Key truth = Key.of(tonic, minor);
                found.add(truth.displayName() + " -> " + a.key());
                if (truth.displayName().equals(a.key())) right++;
            }
        }
        System.out.println("one-minute loops: " + found);
        assertTrue(right == 4, found.toString());
    }

    /** A wrong meter misleads more than none: never wrong, and known on at least 90 % of songs. */
    @Test
    void theMeterIsNeverWrongAndKnownOnAtLeast90PercentOfSongs() {
        long wrong = ROWS.stream().filter(r -> r.meter() != null && !r.trueMeter().equals(r.meter())).count();
        long right = ROWS.stream().filter(r -> r.trueMeter().equals(r.meter())).count();
        assertTrue(wrong == 0, wrong + " songs with a wrong meter");
        assertTrue(right >= 0.9 * ROWS.size(), "meter right on " + right + " of " + ROWS.size());
    }

    @Test
    void chordsAreRightOnAtLeast80PercentOfFrames() {
        assertTrue(chordAccuracy() >= 0.80, "chord accuracy " + chordAccuracy());
    }
}
