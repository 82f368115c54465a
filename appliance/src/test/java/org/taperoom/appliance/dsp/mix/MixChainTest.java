package org.taperoom.appliance.dsp.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.settings.Band;
import org.taperoom.appliance.dsp.settings.DelaySettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.ReverbSettings;
import org.taperoom.appliance.dsp.settings.TrackSettings;

/** The mixing chain's laws: pan, mute, solo with solo-safe returns, polarity, smoothing, buses. */
class MixChainTest {
    private static final int RATE = 48000;

    private static TrackSettings track(double faderDb, double pan, boolean mute, boolean solo, boolean polarity, double reverbSendDb,
                                       double delaySendDb) {
        TrackSettings d = TrackSettings.DEFAULT;
        return new TrackSettings(0, faderDb, pan, mute, solo, polarity, d.eq(), d.compressor(), reverbSendDb, delaySendDb);
    }

    /** Runs tracks through a configured mixer; returns {left, right}. */
    private static double[][] mix(MixSettings mix, List<TrackSettings> tracks, List<double[]> inputs, int frames) {
        Mixer m = new Mixer(RATE, tracks.size());
        m.configure(mix, tracks, true);
        double[][] out = {new double[frames], new double[frames]};
        int block = 1000;
        double[][][] outs = new double[tracks.size()][][];
        double[] l = new double[block];
        double[] r = new double[block];
        for (int pos = 0; pos < frames; pos += block) {
            int n = Math.min(block, frames - pos);
            for (int t = 0; t < tracks.size(); t++) {
                double[] mono = new double[block];
                double[] in = inputs.get(t);
                for (int i = 0; i < n; i++) mono[i] = pos + i < in.length ? in[pos + i] : 0;
                outs[t] = new double[4][block];
                m.strip(t).process(mono, n, outs[t][0], outs[t][1], outs[t][2], outs[t][3]);
            }
            m.sum(outs, n, l, r);
            System.arraycopy(l, 0, out[0], pos, n);
            System.arraycopy(r, 0, out[1], pos, n);
        }
        return out;
    }

    private static double[] constant(double v, int n) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    private static double goertzelPower(double[] x, int from, int to, double hz) {
        double w = 2 * Math.PI * hz / RATE;
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            re += x[i] * Math.cos(w * i);
            im += x[i] * Math.sin(w * i);
        }
        return (re * re + im * im) / ((to - from) * (double) (to - from));
    }

    @Test
    void constantPowerPanKeepsPowerAndHardPansSilenceTheOtherSide() {
        for (double pan : new double[] {-1, -0.5, 0, 0.3, 1}) {
            double[][] y = mix(MixSettings.DEFAULT, List.of(track(0, pan, false, false, false, Double.NEGATIVE_INFINITY,
                    Double.NEGATIVE_INFINITY)), List.of(constant(0.5, 100)), 100);
            double power = y[0][50] * y[0][50] + y[1][50] * y[1][50];
            assertEquals(0.25, power, 1e-9, "pan " + pan);
        }
        double[][] left = mix(MixSettings.DEFAULT, List.of(track(0, -1, false, false, false, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY)), List.of(constant(0.5, 100)), 100);
        assertEquals(0, left[1][50], 1e-12);
        assertEquals(0.5, left[0][50], 1e-12);
    }

    @Test
    void faderPolarityAndMuteDoWhatTheySay() {
        double[][] y = mix(MixSettings.DEFAULT, List.of(
                track(-6, 0, false, false, true, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY),
                track(0, 0, true, false, false, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)),
                List.of(constant(0.5, 100), constant(0.9, 100)), 100);
        assertEquals(-0.5 * Math.pow(10, -6 / 20.0) * Math.sqrt(0.5), y[0][50], 1e-9);
    }

    @Test
    void soloSilencesOtherTracksButNotTheReverbReturn() {
        double[] a = new double[RATE];
        double[] b = new double[RATE];
        for (int i = 0; i < RATE / 2; i++) {
            a[i] = 0.3 * Math.sin(2 * Math.PI * 440 * i / RATE);
            b[i] = 0.3 * Math.sin(2 * Math.PI * 1500 * i / RATE);
        }
        MixSettings mix = new MixSettings(120, Map.of(), new ReverbSettings(0, 0, 0.8, 0.3, 1), DelaySettings.DEFAULT);
        double[][] y = mix(mix, List.of(
                track(0, 0, false, true, false, -6, Double.NEGATIVE_INFINITY),
                track(0, 0, false, false, false, -6, Double.NEGATIVE_INFINITY)), List.of(a, b), RATE);
        double soloed = goertzelPower(y[0], 0, RATE / 2, 440);
        double others = goertzelPower(y[0], 0, RATE / 2, 1500);
        assertTrue(others < soloed * 1e-6, "the non-soloed track leaks: " + others + " vs " + soloed);
        double tail = 0;
        for (int i = RATE / 2 + RATE / 10; i < RATE; i++) tail += y[0][i] * y[0][i];
        assertTrue(tail > 1e-4, "the reverb return (solo-safe) should ring after the soloed track stops; tail energy " + tail);
    }

    @Test
    void aFaderMoveGlidesInsteadOfStepping() {
        ChannelStrip s = new ChannelStrip(RATE);
        TrackSettings on = track(0, 0, false, false, false, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        s.configure(on, false, true);
        double[] mono = constant(1, 4800);
        double[] l = new double[4800];
        double[] r = new double[4800];
        double[] rv = new double[4800];
        double[] dl = new double[4800];
        s.process(mono.clone(), 2400, l, r, rv, dl);
        double before = l[2399];
        s.configure(on.withFaderDb(Double.NEGATIVE_INFINITY), false, false);
        double[] l2 = new double[4800];
        s.process(mono.clone(), 4800, l2, r, rv, dl);
        double maxStep = Math.abs(l2[0] - before);
        for (int i = 1; i < 4800; i++) maxStep = Math.max(maxStep, Math.abs(l2[i] - l2[i - 1]));
        assertTrue(maxStep < 0.001, "largest step " + maxStep + " (an unsmoothed jump would be " + before + ")");
        assertEquals(0, l2[4799], 1e-12, "the glide ends at silence");
    }

    @Test
    void anEqChangeGlidesWithoutAClick() {
        ParametricEq eq = new ParametricEq(RATE);
        eq.configure(org.taperoom.appliance.dsp.settings.EqSettings.FLAT, true);
        double[] x = new double[RATE / 10];
        for (int i = 0; i < x.length; i++) x[i] = 0.5 * Math.sin(2 * Math.PI * 200 * i / RATE);
        double[] a = Arrays.copyOfRange(x, 0, x.length / 2);
        double[] b = Arrays.copyOfRange(x, x.length / 2, x.length);
        eq.process(a, a.length);
        var f = org.taperoom.appliance.dsp.settings.EqSettings.FLAT;
        eq.configure(new org.taperoom.appliance.dsp.settings.EqSettings(f.highPass(), new Band(true, 250, 12, 0.707), f.peak1(),
                f.peak2(), f.highShelf()), false);
        eq.process(b, b.length);
        double maxStep = Math.abs(b[0] - a[a.length - 1]);
        for (int i = 1; i < b.length; i++) maxStep = Math.max(maxStep, Math.abs(b[i] - b[i - 1]));
        // A 200 Hz sine at up to +12 dB moves at most 2*pi*200/48000*0.5*4 = 0.052 per sample.
        assertTrue(maxStep < 0.06, "largest step " + maxStep);
        double lastPeak = 0;
        for (int i = b.length - 480; i < b.length; i++) lastPeak = Math.max(lastPeak, Math.abs(b[i]));
        assertTrue(lastPeak > 1.2, "the boost arrived: peak " + lastPeak);
    }

    @Test
    void aTempoSyncedDelayEchoesOnTheDottedEighth() {
        Delay d = new Delay(RATE);
        d.configure(new DelaySettings(0, 0, "1/8d", 0.5, 0), 120);
        double[] in = new double[RATE];
        in[0] = 1;
        double[] l = new double[RATE];
        double[] r = new double[RATE];
        d.process(in, l, r, RATE);
        int first = -1;
        for (int i = 0; i < RATE && first < 0; i++) if (Math.abs(l[i]) > 0.5) first = i;
        assertEquals(RATE * 375 / 1000, first, "1/8 dotted at 120 bpm is 375 ms");
        int second = -1;
        for (int i = first + 1; i < RATE && second < 0; i++) if (Math.abs(l[i]) > 0.2) second = i;
        assertEquals(2 * first, second);
        assertEquals(0.5, l[second], 0.01, "feedback 0.5 halves each repeat when undamped");
    }

    @Test
    void theReverbWaitsForItsPreDelayThenDecays() {
        Reverb rv = new Reverb(RATE);
        rv.configure(new ReverbSettings(0, 50, 0.7, 0.5, 1));
        int n = RATE * 4;
        double[] in = new double[n];
        in[0] = 1;
        double[] l = new double[n];
        double[] r = new double[n];
        rv.process(in, l, r, n);
        int firstOut = -1;
        for (int i = 0; i < n && firstOut < 0; i++) if (l[i] != 0 || r[i] != 0) firstOut = i;
        assertTrue(firstOut >= RATE * 50 / 1000, "output before the 50 ms pre-delay at frame " + firstOut);
        double early = 0;
        double late = 0;
        for (int i = 0; i < RATE / 2; i++) early += l[i] * l[i] + r[i] * r[i];
        for (int i = 3 * RATE; i < n; i++) late += l[i] * l[i] + r[i] * r[i];
        assertTrue(early > 0 && late < early * 1e-4, "tail decays by 40 dB within 3 s: early " + early + ", late " + late);
        double lr = 0;
        for (int i = 0; i < RATE; i++) lr += l[i] * r[i];
        assertTrue(Math.abs(lr) < 0.9 * early / 2, "the two sides differ (stereo)");
    }
}
