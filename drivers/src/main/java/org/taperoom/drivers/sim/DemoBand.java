package org.taperoom.drivers.sim;

/**
 * The demo band: a generated rock song, eight bars at 120 BPM in A minor (Am – F – C – G, twice),
 * that loops every {@link #LOOP_SECONDS} seconds, so the mixer and the mastering have something
 * worth hearing. Each channel is one microphone of the band:
 *
 * <table>
 *   <caption>Channel layout (channel c plays part {@code c % 6})</caption>
 *   <tr><th>channel</th><th>part</th><th>what is in it</th></tr>
 *   <tr><td>1</td><td>drums</td><td>kick on 1 and 3 (and the "and" of 3 in every other bar), snare on 2 and 4, hi-hat on every eighth</td></tr>
 *   <tr><td>2</td><td>bass</td><td>eighth notes on the chord's root (41 to 65 Hz), octave jump on the fourth eighth</td></tr>
 *   <tr><td>3</td><td>keys</td><td>the chord as a triad (175 to 392 Hz), struck on 1 and 3, electric-piano tone</td></tr>
 *   <tr><td>4</td><td>lead</td><td>a vocal-like melody (392 to 784 Hz): harmonics shaped by the formants of an "ah", with vibrato</td></tr>
 *   <tr><td>5</td><td>room L</td><td>the band as a room microphone hears it: every part late by 9 to 17 ms, plus a diffuse tail</td></tr>
 *   <tr><td>6</td><td>room R</td><td>the same from the other side (other delays, other tail)</td></tr>
 * </table>
 *
 * <p>Every sample is a pure function of (channel, frame, rate), computed with {@link StrictMath} and a sine table,
 * so the song is the same on every machine and any frame can be computed on its own (a recording
 * can be checked against it). Nothing here allocates: the capture thread calls it per sample.
 */
final class DemoBand {
    private DemoBand() {}

    static final int PARTS = 6;
    static final int DRUMS = 0;
    static final int BASS = 1;
    static final int KEYS = 2;
    static final int LEAD = 3;
    static final int ROOM_LEFT = 4;
    static final int ROOM_RIGHT = 5;

    static final double BEAT_SECONDS = 0.5;
    static final int BEATS_PER_BAR = 4;
    static final int BARS = 8;
    static final double LOOP_SECONDS = BARS * BEATS_PER_BAR * BEAT_SECONDS;

    /** Chord roots per bar as MIDI notes (Am, F, C, G), and the triads above them (MIDI). */
    private static final int[] ROOT = {33, 29, 36, 31, 33, 29, 36, 31};
    private static final int[][] TRIAD = {{57, 60, 64}, {53, 57, 60}, {60, 64, 67}, {55, 59, 62}};
    /** The lead's note on each beat of the loop (MIDI), -1 for a rest. */
    private static final int[] MELODY = {
        76, 74, 72, -1, 72, 74, 72, 69,
        67, 69, 72, 74, 74, -1, 72, 71,
        76, 79, 76, 74, 72, -1, 69, 72,
        74, 72, 71, 67, 69, -1, -1, -1,
    };
    /** Formants of the vowel "ah": centre Hz, bandwidth Hz, gain. */
    private static final double[][] FORMANTS = {{730, 90, 1.0}, {1090, 110, 0.5}, {2440, 170, 0.25}};
    private static final long NOISE_SEED = 0x5EEDBA4DL;

    /**
     * One sine cycle, interpolated linearly: within 2e-8 of the true sine (below a 24-bit step),
     * the same on every machine, and free of the allocation StrictMath.sin makes for large
     * arguments (it reduces them into a new array).
     */
    private static final int SINE_STEPS = 1 << 14;
    private static final double[] SINE = sineTable();
    /** Frequency of each MIDI note, Hz. */
    private static final double[] NOTE_HZ = noteTable();

    private static double[] sineTable() {
        double[] t = new double[SINE_STEPS + 1];
        for (int i = 0; i <= SINE_STEPS; i++) t[i] = StrictMath.sin(2 * Math.PI * i / SINE_STEPS);
        return t;
    }

    private static double[] noteTable() {
        double[] t = new double[128];
        for (int i = 0; i < t.length; i++) t[i] = 440 * StrictMath.pow(2, (i - 69) / 12.0);
        return t;
    }

    static double sin(double radians) {
        double turns = radians * (0.5 / Math.PI);
        double pos = (turns - Math.floor(turns)) * SINE_STEPS;
        int i = (int) pos;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * (pos - i);
    }

    /** The part channel {@code channel} (0-based) plays. */
    static int partOf(int channel) {
        return channel % PARTS;
    }

    /** Frames in one loop of the song at {@code rateHz}. */
    static long loopFrames(int rateHz) {
        return Math.round(LOOP_SECONDS * rateHz);
    }

    /** The sample of channel {@code channel} at device frame {@code frame}, full scale ±1 (peaks stay below -1 dBFS). */
    static double sample(int channel, long frame, int rateHz) {
        long f = Math.floorMod(frame, loopFrames(rateHz));
        return switch (partOf(channel)) {
            case DRUMS -> drums(f, rateHz);
            case BASS -> bass(f, rateHz);
            case KEYS -> keys(f, rateHz);
            case LEAD -> lead(f, rateHz);
            case ROOM_LEFT -> room(f, rateHz, 0.009, 0.013, 0.017, 1);
            default -> room(f, rateHz, 0.011, 0.015, 0.019, 2);
        };
    }

    private static double hz(int midi) {
        return NOTE_HZ[midi];
    }

    /** White noise in ±1 for (stream, frame): counter-based, so any frame is computed on its own. */
    private static double noise(int stream, long frame) {
        return SimSignal.noiseAt(NOISE_SEED, stream, frame) / SimSignal.NOISE_AMPLITUDE;
    }

    static double drums(long frame, int rateHz) {
        double t = (double) frame / rateHz;
        int beat = (int) (t / BEAT_SECONDS);
        int bar = beat / BEATS_PER_BAR;
        int inBar = beat % BEATS_PER_BAR;
        double sinceBeat = t - beat * BEAT_SECONDS;
        double out = 0;
        // Kick on 1 and 3, and on the "and" of 3 in every other bar.
        double sinceKick = -1;
        if (inBar == 0 || inBar == 2) sinceKick = sinceBeat;
        if (inBar == 2 && bar % 2 == 1 && sinceBeat >= BEAT_SECONDS / 2) sinceKick = sinceBeat - BEAT_SECONDS / 2;
        if (sinceKick >= 0) {
            double phase = 2 * Math.PI * (50 * sinceKick + 70 / 30.0 * (1 - StrictMath.exp(-30 * sinceKick)));
            out += 0.55 * StrictMath.exp(-sinceKick / 0.16) * sin(phase);
        }
        // Snare on 2 and 4: a noise burst over a short 190 Hz body.
        if (inBar == 1 || inBar == 3) {
            out += 0.3 * StrictMath.exp(-sinceBeat / 0.09) * noise(11, frame)
                    + 0.2 * StrictMath.exp(-sinceBeat / 0.05) * sin(2 * Math.PI * 190 * sinceBeat);
        }
        // Hi-hat on every eighth: differenced noise (high-passed), accented off the beat.
        double sinceEighth = t % (BEAT_SECONDS / 2);
        boolean offBeat = sinceBeat >= BEAT_SECONDS / 2;
        out += (offBeat ? 0.12 : 0.07) * StrictMath.exp(-sinceEighth / 0.03) * (noise(12, frame) - noise(12, frame - 1)) * 0.5;
        return out;
    }

    static double bass(long frame, int rateHz) {
        double t = (double) frame / rateHz;
        int eighth = (int) (t / (BEAT_SECONDS / 2));
        int bar = eighth / 8;
        double since = t - eighth * (BEAT_SECONDS / 2);
        double f = hz(ROOT[bar] + (eighth % 8 == 3 || eighth % 8 == 7 ? 12 : 0));
        double tone = 0;
        for (int k = 1; k <= 4; k++) tone += sin(2 * Math.PI * k * f * since) / (k * k);
        double gate = since < 0.22 ? 1 : Math.max(0, (0.25 - since) / 0.03);
        double env = Math.min(1, since / 0.004) * (0.6 + 0.4 * StrictMath.exp(-since / 0.08)) * gate;
        return 0.36 * env * tone;
    }

    static double keys(long frame, int rateHz) {
        double t = (double) frame / rateHz;
        int half = (int) (t / (2 * BEAT_SECONDS));
        int bar = half / 2;
        double since = t - half * 2 * BEAT_SECONDS;
        double gate = since < 0.96 ? 1 : Math.max(0, (1.0 - since) / 0.04);
        double env = Math.min(1, since / 0.008) * (0.35 + 0.65 * StrictMath.exp(-since / 0.5)) * gate;
        double out = 0;
        for (int note : TRIAD[bar % TRIAD.length]) {
            double w = 2 * Math.PI * hz(note) * since;
            out += sin(w) + 0.25 * StrictMath.exp(-since / 0.25) * sin(2 * w) + 0.08 * sin(3 * w);
        }
        return 0.2 * env * out;
    }

    static double lead(long frame, int rateHz) {
        double t = (double) frame / rateHz;
        int beat = (int) (t / BEAT_SECONDS);
        int note = MELODY[beat % MELODY.length];
        if (note < 0) return 0;
        double since = t - beat * BEAT_SECONDS;
        double f0 = hz(note);
        // Vibrato (5.5 Hz, ±1.2 %) that sets in after the attack, as a singer's does.
        double depth = Math.min(1, Math.max(0, (since - 0.12) / 0.15));
        double beta = depth * f0 * 0.012 / 5.5;
        double phase = 2 * Math.PI * f0 * since + beta * sin(2 * Math.PI * 5.5 * since);
        double out = 0;
        for (int k = 1; k * f0 < 3600; k++) {
            double fk = k * f0;
            double gain = 0;
            for (double[] formant : FORMANTS) {
                double x = (fk - formant[0]) / formant[1];
                gain += formant[2] / (1 + x * x);
            }
            out += (gain + 0.12 / k) * sin(k * phase);
        }
        double gate = since < 0.44 ? 1 : Math.max(0, (BEAT_SECONDS - since) / 0.06);
        double env = Math.min(1, since / 0.04) * gate;
        return 0.3 * env * out;
    }

    /** A room microphone: every part a little late and softer, plus a diffuse tail after each drum hit. */
    static double room(long frame, int rateHz, double drumsLate, double keysLate, double leadLate, int side) {
        long d = Math.round(drumsLate * rateHz);
        long k = Math.round(keysLate * rateHz);
        long l = Math.round(leadLate * rateHz);
        long loop = loopFrames(rateHz);
        double direct = 0.45 * drums(Math.floorMod(frame - d, loop), rateHz)
                + 0.35 * bass(Math.floorMod(frame - d, loop), rateHz)
                + 0.4 * keys(Math.floorMod(frame - k, loop), rateHz)
                + 0.35 * lead(Math.floorMod(frame - l, loop), rateHz);
        double t = (double) frame / rateHz;
        double sinceBeat = t % BEAT_SECONDS;
        double tail = 0.05 * StrictMath.exp(-sinceBeat / 0.3) * (noise(20 + side, frame) + noise(20 + side, frame - 1)) * 0.5;
        return direct + tail;
    }
}
