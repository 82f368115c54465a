package org.taperoom.appliance.dsp.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A multi-instrument song with known ground truth, synthesised in the test: kick and snare on
 * the beats (backbeat in 4/4, oom-pah-pah in 3/4), hi-hat eighths, a bass on the chord roots,
 * sustained triad pads, and a melody of chord and scale tones, one chord per bar, closing on
 * the tonic. Beat times follow the tempo with optional linear drift and rubato (a slow swell of
 * the tempo plus per-beat jitter), so the truth is the beat list itself.
 */
public final class SyntheticSong {
    /** A chord of a progression: root in semitones above the tonic, and its quality. */
    public record Degree(int semitones, boolean minor) {}

    /** Common progressions, one chord per bar. */
    public static final List<List<Degree>> MAJOR_PROGRESSIONS = List.of(
            List.of(d(0, false), d(7, false), d(9, true), d(5, false)),   // I–V–vi–IV
            List.of(d(0, false), d(5, false), d(7, false), d(0, false)),  // I–IV–V–I
            List.of(d(0, false), d(9, true), d(5, false), d(7, false)),   // I–vi–IV–V
            List.of(d(0, false), d(2, true), d(7, false), d(0, false)));  // I–ii–V–I
    public static final List<List<Degree>> MINOR_PROGRESSIONS = List.of(
            List.of(d(0, true), d(8, false), d(3, false), d(10, false)),  // i–VI–III–VII
            List.of(d(0, true), d(5, true), d(7, true), d(0, true)),      // i–iv–v–i
            List.of(d(0, true), d(10, false), d(8, false), d(7, false)),  // i–VII–VI–V
            List.of(d(0, true), d(5, true), d(10, false), d(3, false)));  // i–iv–VII–III

    /**
     * @param bpm          tempo at the start
     * @param driftFraction the tempo at the end is {@code bpm * (1 + driftFraction)}
     * @param rubato       depth of the tempo swell and the per-beat jitter (0.04 = ±4 %)
     */
    public record Spec(String name, double bpm, int beatsPerBar, int tonicPc, boolean minor, List<Degree> progression,
                double driftFraction, double rubato, double seconds, int rateHz, long seed) {}

    /** The truth: every beat's time, every bar's chord (root pc, minor) from its downbeat to the next. */
    public record Truth(double[] beatsSeconds, double[] barStartsSeconds, int[] barRootPc, boolean[] barMinor, double endSeconds) {
        /** Mean tempo over the beats. */
        public double tempoBpm() {
            return 60 * (beatsSeconds.length - 1) / (beatsSeconds[beatsSeconds.length - 1] - beatsSeconds[0]);
        }

        /** The triad sounding at {@code t} as state 0–23 (major C…B, minor C…B), or 24 for none. */
        int chordAt(double t) {
            for (int b = 0; b < barStartsSeconds.length; b++) {
                double to = b + 1 < barStartsSeconds.length ? barStartsSeconds[b + 1] : endSeconds;
                if (t >= barStartsSeconds[b] && t < to) return barRootPc[b] + (barMinor[b] ? 12 : 0);
            }
            return 24;
        }
    }

    public record Song(Spec spec, float[] samples, Truth truth) {}

    private static Degree d(int s, boolean m) {
        return new Degree(s, m);
    }

    private SyntheticSong() {}

    public static Song render(Spec spec) {
        Random rnd = new Random(spec.seed());
        int rate = spec.rateHz();
        double lead = 0.3;
        // Beat times: enough bars to fill the length, plus one closing tonic bar.
        int bars = Math.max(3, (int) Math.round((spec.seconds() - 1) * spec.bpm() / 60 / spec.beatsPerBar())) + 1;
        int beats = bars * spec.beatsPerBar();
        double[] beatTimes = new double[beats + 1];
        beatTimes[0] = lead;
        double phase = rnd.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < beats; i++) {
            double progress = i / (double) beats;
            double tempo = spec.bpm() * (1 + spec.driftFraction() * progress);
            double swell = spec.rubato() * Math.sin(2 * Math.PI * i / 8.0 + phase);
            double jitter = spec.rubato() * 0.4 * rnd.nextGaussian();
            beatTimes[i + 1] = beatTimes[i] + 60 / tempo * (1 + swell + jitter);
        }
        double end = beatTimes[beats];
        int n = (int) ((end + 1.0) * rate);
        float[] out = new float[n];
        double[] barStarts = new double[bars];
        int[] roots = new int[bars];
        boolean[] minors = new boolean[bars];
        int[] scale = spec.minor() ? new int[] {0, 2, 3, 5, 7, 8, 10} : new int[] {0, 2, 4, 5, 7, 9, 11};
        for (int bar = 0; bar < bars; bar++) {
            Degree deg = bar == bars - 1 ? new Degree(0, spec.minor()) : spec.progression().get(bar % spec.progression().size());
            int root = Math.floorMod(spec.tonicPc() + deg.semitones(), 12);
            barStarts[bar] = beatTimes[bar * spec.beatsPerBar()];
            roots[bar] = root;
            minors[bar] = deg.minor();
            double barEnd = beatTimes[(bar + 1) * spec.beatsPerBar()];
            int[] triad = {root, root + (deg.minor() ? 3 : 4), root + 7};
            // Pad: the triad voiced around G3–G4.
            for (int pc : triad) {
                int midi = 55 + Math.floorMod(pc - 7, 12);
                tone(out, rate, barStarts[bar], barEnd - barStarts[bar] + 0.05, midiHz(midi), 0.09, new double[] {1, 0.5, 0.25, 0.12}, 0.03, 0.0);
            }
            for (int beat = 0; beat < spec.beatsPerBar(); beat++) {
                int bi = bar * spec.beatsPerBar() + beat;
                double t = beatTimes[bi];
                double next = beatTimes[bi + 1];
                boolean four = spec.beatsPerBar() == 4;
                // Drums.
                if (beat == 0 || (four && beat == 2)) kick(out, rate, t, rnd);
                if ((four && (beat == 1 || beat == 3)) || (!four && beat > 0)) snare(out, rate, t, rnd, four ? 0.35 : 0.22);
                hat(out, rate, t, rnd, 0.10);
                hat(out, rate, (t + next) / 2, rnd, 0.07);
                // Bass: the root on the downbeat (and beat 3 in 4/4), the fifth sometimes.
                if (beat == 0 || (four && beat == 2)) {
                    int bassPc = beat == 2 && rnd.nextInt(3) == 0 ? root + 7 : root;
                    int midi = 36 + Math.floorMod(bassPc, 12);
                    double dur = (four ? beatTimes[bi + 2] : beatTimes[bi + 3]) - t;
                    tone(out, rate, t, dur * 0.95, midiHz(midi), 0.22, new double[] {1, 0.6, 0.4, 0.25, 0.15, 0.1}, 0.005, 2.0);
                }
                // Melody: a chord tone on the beat, sometimes a scale tone on the off-beat; the tonic at the end.
                if (bar == bars - 1) {
                    if (beat == 0) tone(out, rate, t, barEnd - t, midiHz(72 + spec.tonicPc()), 0.10, new double[] {1, 0.3, 0.1}, 0.01, 1.0);
                } else if (rnd.nextInt(6) > 0) {
                    int pc = triad[rnd.nextInt(3)];
                    double dur = rnd.nextBoolean() ? next - t : (next - t) / 2;
                    tone(out, rate, t, dur * 0.9, midiHz(72 + Math.floorMod(pc, 12)), 0.10, new double[] {1, 0.3, 0.1}, 0.01, 1.5);
                    if (dur < next - t && rnd.nextBoolean()) {
                        int spc = spec.tonicPc() + scale[rnd.nextInt(7)];
                        tone(out, rate, (t + next) / 2, (next - t) / 2 * 0.9, midiHz(72 + Math.floorMod(spc, 12)), 0.07, new double[] {1, 0.3, 0.1}, 0.01, 1.5);
                    }
                }
            }
        }
        double[] beatsOut = java.util.Arrays.copyOf(beatTimes, beats);
        return new Song(spec, out, new Truth(beatsOut, barStarts, roots, minors, end));
    }

    static double midiHz(int midi) {
        return 440 * Math.pow(2, (midi - 69) / 12.0);
    }

    /** Additive tone: harmonics' amplitudes relative to the fundamental, attack, exponential decay per second. */
    private static void tone(float[] out, int rate, double at, double seconds, double hz, double amplitude, double[] harmonics,
                             double attackSeconds, double decayPerSecond) {
        int from = (int) (at * rate);
        int len = (int) (seconds * rate);
        double release = 0.02 * rate;
        double decayPerSample = Math.exp(-decayPerSecond / rate);
        for (int h = 0; h < harmonics.length; h++) {
            double f = hz * (h + 1);
            if (f > rate * 0.45) break;
            // A rotating phasor and a geometric envelope: no sin or exp per sample.
            double c = Math.cos(2 * Math.PI * f / rate), s = Math.sin(2 * Math.PI * f / rate);
            double re = 1, im = 0;
            double decay = amplitude * harmonics[h];
            double attack = attackSeconds * rate + 1;
            for (int i = 0; i < len && from + i < out.length; i++) {
                double env = decay * (i < attack ? i / attack : 1);
                if (i > len - release) env *= (len - i) / release;
                out[from + i] += (float) (env * im);
                double r = re * c - im * s;
                im = re * s + im * c;
                re = r;
                decay *= decayPerSample;
            }
        }
    }

    private static void kick(float[] out, int rate, double at, Random rnd) {
        int from = (int) (at * rate);
        double ph = 0;
        for (int i = 0; i < 0.25 * rate && from + i < out.length; i++) {
            double t = i / (double) rate;
            double f = 45 + 90 * Math.exp(-t * 30);
            ph += 2 * Math.PI * f / rate;
            out[from + i] += (float) (0.7 * Math.exp(-t * 14) * Math.sin(ph));
        }
    }

    private static void snare(float[] out, int rate, double at, Random rnd, double amplitude) {
        int from = (int) (at * rate);
        for (int i = 0; i < 0.15 * rate && from + i < out.length; i++) {
            double t = i / (double) rate;
            double noise = rnd.nextGaussian() * 0.5;
            double body = Math.sin(2 * Math.PI * 190 * t);
            out[from + i] += (float) (amplitude * Math.exp(-t * 25) * (noise + 0.5 * body));
        }
    }

    private static void hat(float[] out, int rate, double at, Random rnd, double amplitude) {
        int from = (int) (at * rate);
        double prev = 0;
        for (int i = 0; i < 0.05 * rate && from + i < out.length; i++) {
            double t = i / (double) rate;
            double x = rnd.nextGaussian();
            out[from + i] += (float) (amplitude * Math.exp(-t * 80) * (x - prev) * 0.5);
            prev = x;
        }
    }

    /** The 48-song test set: all 24 keys twice, 60–200 BPM, a quarter in 3/4, a sixth drifting, a sixth with rubato. */
    public static List<Spec> testSet(int rateHz, double seconds) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            int tonic = (i * 7) % 12;
            boolean minor = (i / 12) % 2 == 1;
            double bpm = 60 + 140 * ((i * 0.6180339887) % 1.0);
            int meter = i % 4 == 1 ? 3 : 4;
            double drift = i % 6 == 2 ? (i % 12 == 2 ? 0.08 : -0.08) : 0;
            double rubato = i % 6 == 5 ? 0.04 : 0;
            List<Degree> prog = (minor ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS).get((i / 2) % 4);
            String name = String.format("%02d %s%s %3.0f %d/4%s", i, org.taperoom.appliance.music.Key.of(tonic, minor).chordProName(), "",
                    bpm, meter, drift != 0 ? String.format(" drift%+.0f%%", drift * 100) : rubato > 0 ? " rubato" : "");
            specs.add(new Spec(name, bpm, meter, tonic, minor, prog, drift, rubato, seconds, rateHz, 1000 + i));
        }
        return specs;
    }
}
