package org.taperoom.appliance.dsp.mix;

import org.taperoom.appliance.dsp.settings.ReverbSettings;

/**
 * Freeverb-style stereo reverb (Jezar's public-domain design: eight low-pass-feedback comb
 * filters in parallel and four all-passes in series per channel, the right channel's delays 23
 * samples longer for width), with a pre-delay line in front. Delay lengths are the classic
 * 44.1 kHz tunings scaled to the sample rate. Mono in, stereo out.
 *
 * <p>Not thread-safe: owned by the render thread that runs the buses.
 */
public final class Reverb {
    private static final int[] COMB_TUNING = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    private static final int[] ALLPASS_TUNING = {556, 441, 341, 225};
    private static final int STEREO_SPREAD = 23;
    private static final double INPUT_GAIN = 0.015;
    private static final double WET_SCALE = 3;
    private final double rateHz;
    private final double[][] combL = new double[8][];
    private final double[][] combR = new double[8][];
    private final int[] combIndexL = new int[8];
    private final int[] combIndexR = new int[8];
    private final double[] combStoreL = new double[8];
    private final double[] combStoreR = new double[8];
    private final double[][] allL = new double[4][];
    private final double[][] allR = new double[4][];
    private final int[] allIndexL = new int[4];
    private final int[] allIndexR = new int[4];
    private final double[] preDelay;
    private int preDelayFrames;
    private int preDelayIndex;
    private double feedback;
    private double damp;
    private double wet1;
    private double wet2;

    public Reverb(double rateHz) {
        this.rateHz = rateHz;
        double scale = rateHz / 44100;
        for (int i = 0; i < 8; i++) {
            combL[i] = new double[(int) Math.round(COMB_TUNING[i] * scale)];
            combR[i] = new double[(int) Math.round((COMB_TUNING[i] + STEREO_SPREAD) * scale)];
        }
        for (int i = 0; i < 4; i++) {
            allL[i] = new double[(int) Math.round(ALLPASS_TUNING[i] * scale)];
            allR[i] = new double[(int) Math.round((ALLPASS_TUNING[i] + STEREO_SPREAD) * scale)];
        }
        preDelay = new double[(int) Math.ceil(0.250 * rateHz) + 1];
        configure(ReverbSettings.DEFAULT);
    }

    public void configure(ReverbSettings s) {
        feedback = s.size() * 0.28 + 0.7;
        damp = s.damping() * 0.4;
        wet1 = WET_SCALE * (s.width() / 2 + 0.5);
        wet2 = WET_SCALE * ((1 - s.width()) / 2);
        preDelayFrames = (int) Math.round(s.preDelayMs() / 1000 * rateHz);
    }

    /** Seconds until a tail has decayed by 60 dB, for the render's tail length. */
    public double decaySeconds() {
        double longestComb = combR[7].length / rateHz;
        return Math.min(20, longestComb * Math.log(1e-3) / Math.log(feedback)) + preDelayFrames / rateHz;
    }

    /** Reverberates {@code in[0..count)} into {@code outL}/{@code outR} (overwritten). */
    public void process(double[] in, double[] outL, double[] outR, int count) {
        final double fb = feedback;
        final double d1 = damp;
        final double d2 = 1 - damp;
        for (int i = 0; i < count; i++) {
            double x;
            if (preDelayFrames == 0) {
                x = in[i];
            } else {
                int read = preDelayIndex - preDelayFrames;
                if (read < 0) read += preDelay.length;
                x = preDelay[read];
                preDelay[preDelayIndex] = in[i];
                if (++preDelayIndex == preDelay.length) preDelayIndex = 0;
            }
            x *= INPUT_GAIN;
            double l = 0;
            double r = 0;
            for (int c = 0; c < 8; c++) {
                double[] bl = combL[c];
                int il = combIndexL[c];
                double yl = bl[il];
                double sl = yl * d2 + combStoreL[c] * d1;
                combStoreL[c] = Math.abs(sl) < 1e-25 ? 0 : sl;
                bl[il] = x + combStoreL[c] * fb;
                combIndexL[c] = il + 1 == bl.length ? 0 : il + 1;
                l += yl;
                double[] br = combR[c];
                int ir = combIndexR[c];
                double yr = br[ir];
                double sr = yr * d2 + combStoreR[c] * d1;
                combStoreR[c] = Math.abs(sr) < 1e-25 ? 0 : sr;
                br[ir] = x + combStoreR[c] * fb;
                combIndexR[c] = ir + 1 == br.length ? 0 : ir + 1;
                r += yr;
            }
            for (int a = 0; a < 4; a++) {
                double[] bl = allL[a];
                int il = allIndexL[a];
                double ol = bl[il];
                bl[il] = l + ol * 0.5;
                l = ol - l;
                allIndexL[a] = il + 1 == bl.length ? 0 : il + 1;
                double[] br = allR[a];
                int ir = allIndexR[a];
                double or = br[ir];
                br[ir] = r + or * 0.5;
                r = or - r;
                allIndexR[a] = ir + 1 == br.length ? 0 : ir + 1;
            }
            outL[i] = l * wet1 + r * wet2;
            outR[i] = r * wet1 + l * wet2;
        }
    }
}
