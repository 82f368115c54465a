package org.taperoom.appliance.dsp.mix;

import org.taperoom.appliance.dsp.settings.CompressorSettings;

/**
 * Feed-forward compressor with a soft knee and log-domain attack/release smoothing (Giannoulis,
 * Massberg and Reiss, "Digital dynamic range compressor design", JAES 2012). The detector reads
 * the peak of the input or its mean square over 10 ms (RMS); stereo use links both channels to one
 * detector so the image does not move.
 *
 * <p>Not thread-safe: owned by the thread that processes its strip or bus.
 */
public final class Compressor {
    private static final double DB_PER_NEPER = 20 / Math.log(10);
    private static final double NEPER_PER_DB = Math.log(10) / 20;
    private final double rateHz;
    private final double rmsCoef;
    /** {@code (1 - rmsCoef)^CONTROL_FRAMES}: how much of the mean square one control span keeps. */
    private final double rmsSpanKeep;
    /** The weight of each square in a control span's new mean square: {@code rmsCoef * (1 - rmsCoef)^(CONTROL_FRAMES - 1 - j)}. */
    private final double[] rmsSpanWeights = new double[CONTROL_FRAMES];
    private boolean on;
    private boolean rms;
    private double thresholdDb;
    private double ratio;
    private double kneeDb;
    private double makeupDb;
    private double makeupGain;
    private double attackCoef;
    private double releaseCoef;
    /** Linear detector level (peak) or mean square (RMS) below which no gain reduction happens. */
    private double quietBelow;
    private double meanSquare;
    private double reductionDb;
    /** The gain applied at the end of the last control span (RMS mode). */
    private double gain = 1;
    private double attackSpan;
    private double releaseSpan;

    public Compressor(double rateHz) {
        this.rateHz = rateHz;
        this.rmsCoef = 1 - Math.exp(-1 / (0.010 * rateHz));
        this.rmsSpanKeep = Math.pow(1 - rmsCoef, CONTROL_FRAMES);
        for (int j = 0; j < CONTROL_FRAMES; j++) rmsSpanWeights[j] = rmsCoef * Math.pow(1 - rmsCoef, CONTROL_FRAMES - 1 - j);
        configure(CompressorSettings.TRACK_DEFAULT);
    }

    public void configure(CompressorSettings s) {
        on = s.on();
        rms = s.rms();
        thresholdDb = s.thresholdDb();
        ratio = s.ratio();
        kneeDb = s.kneeDb();
        makeupDb = s.makeupDb();
        makeupGain = Math.pow(10, makeupDb / 20);
        attackCoef = Math.exp(-1 / (s.attackMs() / 1000 * rateHz));
        releaseCoef = Math.exp(-1 / (s.releaseMs() / 1000 * rateHz));
        attackSpan = Math.pow(attackCoef, CONTROL_FRAMES);
        releaseSpan = Math.pow(releaseCoef, CONTROL_FRAMES);
        gain = reductionDb == 0 ? makeupGain : Math.exp((makeupDb - reductionDb) * NEPER_PER_DB);
        double kneeStart = Math.pow(10, (thresholdDb - kneeDb / 2) / 20);
        quietBelow = rms ? kneeStart * kneeStart : kneeStart;
    }

    public boolean isOn() {
        return on;
    }

    /**
     * The static curve: gain reduction in dB (>= 0) for a steady detector level in dB. Above the
     * knee it is (1 - 1/ratio) * (level - threshold); inside a knee of width W it is
     * (1 - 1/ratio) * (level - threshold + W/2)^2 / (2W).
     */
    public static double staticReductionDb(double levelDb, double thresholdDb, double ratio, double kneeDb) {
        double over = levelDb - thresholdDb;
        double slope = 1 - 1 / ratio;
        if (2 * over <= -kneeDb) return 0;
        if (kneeDb > 0 && 2 * over < kneeDb) {
            double x = over + kneeDb / 2;
            return slope * x * x / (2 * kneeDb);
        }
        return slope * over;
    }

    /** Current smoothed gain reduction in dB, for meters. */
    public double reductionDb() {
        return reductionDb;
    }

    /** Compresses {@code buf[0..count)} in place (mono). */
    public void process(double[] buf, int count) {
        process(buf, null, count);
    }

    /** Compresses a stereo pair with one linked detector (the louder of the two channels). */
    public void processStereo(double[] left, double[] right, int count) {
        process(left, right, count);
    }

    /**
     * The one path of mono ({@code right == null}) and stereo: the detector's input is the louder
     * channel's square (RMS) or magnitude (peak), and the gain applies to every channel.
     */
    private void process(double[] left, double[] right, int count) {
        if (!on) return;
        double[] det = detectorInput(left, right, count);
        if (!rms) {
            for (int i = 0; i < count; i++) {
                double g = peakGain(det[i]);
                left[i] *= g;
                if (right != null) right[i] *= g;
            }
            return;
        }
        // RMS detection at control rate: the mean square moves with a 10 ms time constant, so the
        // gain computer (a log and an exp) runs once per CONTROL_FRAMES frames, the attack/release
        // filter steps by the same span, and the gain is interpolated linearly in between. The
        // mean square's one-pole filter is stepped a span at a time in closed form (what it keeps
        // of the old value plus a weighted sum of the span's squares): the same filter, without a
        // sample-by-sample recursion whose latency bounded the whole strip.
        int whole = count - count % CONTROL_FRAMES;
        int spans = whole / CONTROL_FRAMES;
        double[] spanMs = spanScratch(spans);
        double ms = meanSquare;
        for (int s = 0; s < spans; s++) {
            ms = spanMeanSquare(ms, det, s * CONTROL_FRAMES);
            spanMs[s] = ms;
        }
        meanSquare = ms;
        gainsAtControlRate(spans);
        double startGain = gain;
        for (int s = 0; s < spans; s++) {
            ramp(left, right, s * CONTROL_FRAMES, CONTROL_FRAMES, startGain, (spanGain[s] - startGain) / CONTROL_FRAMES);
            startGain = spanGain[s];
        }
        gain = startGain;
        if (whole < count) {
            int n = count - whole;
            meanSquare = stepMeanSquare(meanSquare, det, whole, n);
            updateGainAtControlRate(meanSquare, n);
            ramp(left, right, whole, n, startGain, (gain - startGain) / n);
        }
    }

    /** The detector's input for each frame of the block: the louder channel's square (RMS) or magnitude (peak). */
    private double[] detectorInput(double[] left, double[] right, int count) {
        if (detector.length < count) detector = new double[count];
        double[] det = detector;
        if (rms) {
            for (int i = 0; i < count; i++) {
                double l = left[i];
                det[i] = right == null ? l * l : Math.max(l * l, right[i] * right[i]);
            }
        } else {
            for (int i = 0; i < count; i++) det[i] = right == null ? Math.abs(left[i]) : Math.max(Math.abs(left[i]), Math.abs(right[i]));
        }
        return det;
    }

    /** Multiplies {@code frames} frames from {@code at} by the gain gliding from {@code startGain} by {@code step} a frame. */
    private static void ramp(double[] left, double[] right, int at, int frames, double startGain, double step) {
        for (int k = 0; k < frames; k++) {
            double g = startGain + step * (k + 1);
            left[at + k] *= g;
            if (right != null) right[at + k] *= g;
        }
    }

    /** The mean square after the whole control span at {@code at}, from {@code ms}: four independent partial sums. */
    private double spanMeanSquare(double ms, double[] squares, int at) {
        double[] w = rmsSpanWeights;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < CONTROL_FRAMES; k += 4) {
            s0 += w[k] * squares[at + k];
            s1 += w[k + 1] * squares[at + k + 1];
            s2 += w[k + 2] * squares[at + k + 2];
            s3 += w[k + 3] * squares[at + k + 3];
        }
        return rmsSpanKeep * ms + ((s0 + s1) + (s2 + s3));
    }

    /** The mean square after {@code n < CONTROL_FRAMES} squares, one at a time (the end of a block). */
    private double stepMeanSquare(double ms, double[] squares, int at, int n) {
        for (int k = 0; k < n; k++) ms += rmsCoef * (squares[at + k] - ms);
        return ms;
    }

    /**
     * Frames per gain-computer update in RMS mode (16 frames = 3 kHz control rate at 48 kHz, a
     * third of a millisecond: far finer than the 10 ms detector can move; a multiple of 4).
     * The gain computer (a log, the curve, an exp) was the strip's largest cost at 8.
     */
    static final int CONTROL_FRAMES = 16;

    /** The detector's input of the current block, one value a frame; grown to the largest block, then reused. */
    private double[] detector = new double[0];

    /** Per whole span of a block: the mean square at its end, then the gain reached at its end. */
    private double[] spanMs = new double[0];
    private double[] spanGain = new double[0];

    private double[] spanScratch(int spans) {
        if (spanMs.length < spans) {
            spanMs = new double[spans];
            spanGain = new double[spans];
        }
        return spanMs;
    }

    /**
     * The gain computer and the attack/release filter for {@code spans} whole spans, from
     * {@code spanMs} into {@code spanGain}: the same steps as {@link #updateGainAtControlRate},
     * in three passes so that the costly parts (a log and the curve, an exp), which do not depend
     * on one another from span to span, overlap in the processor instead of waiting on each other
     * in one chain (per span, in one loop, they cost ~40 ns; in passes, a fraction).
     */
    private void gainsAtControlRate(int spans) {
        for (int s = 0; s < spans; s++) spanGain[s] = targetReductionDb(spanMs[s]);
        double r = reductionDb;
        for (int s = 0; s < spans; s++) {
            double target = spanGain[s];
            double spanCoef = target > r ? attackSpan : releaseSpan;
            r = target + spanCoef * (r - target);
            if (r < 1e-6) r = 0;
            spanGain[s] = r;
        }
        reductionDb = r;
        for (int s = 0; s < spans; s++) spanGain[s] = spanGain[s] == 0 ? makeupGain : exp((makeupDb - spanGain[s]) * NEPER_PER_DB);
    }

    private double targetReductionDb(double ms) {
        return ms <= quietBelow ? 0 : staticReductionDb(0.5 * DB_PER_NEPER * ln(ms), thresholdDb, ratio, kneeDb);
    }

    /** One control-rate step: the gain computer on mean square {@code ms}, attack/release over {@code n} frames. */
    private void updateGainAtControlRate(double ms, int n) {
        double target = targetReductionDb(ms);
        double coef = target > reductionDb ? attackCoef : releaseCoef;
        double spanCoef = n == CONTROL_FRAMES ? (coef == attackCoef ? attackSpan : releaseSpan) : Math.pow(coef, n);
        reductionDb = target + spanCoef * (reductionDb - target);
        if (reductionDb < 1e-6) reductionDb = 0;
        gain = reductionDb == 0 ? makeupGain : exp((makeupDb - reductionDb) * NEPER_PER_DB);
    }

    /** Peak mode, one frame: the gain computer and attack/release on the detector's level. */
    private double peakGain(double level) {
        double target = level <= quietBelow ? 0 : staticReductionDb(DB_PER_NEPER * ln(level), thresholdDb, ratio, kneeDb);
        double coef = target > reductionDb ? attackCoef : releaseCoef;
        reductionDb = target + coef * (reductionDb - target);
        if (reductionDb < 1e-6) {
            reductionDb = 0;
            return makeupGain;
        }
        return exp((makeupDb - reductionDb) * NEPER_PER_DB);
    }

    /**
     * Natural log of a positive normal double to within 2e-6 (1e-5 dB): exponent from the bits,
     * the mantissa's log from atanh's series in t = (m - 1) / (m + 1), |t| <= 1/3. Two to three
     * times cheaper than Math.log, and the compressor takes one per sample.
     */
    static double ln(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Math.sqrt(2)) {
            m *= 0.5;
            exponent++;
        }
        double t = (m - 1) / (m + 1);
        double t2 = t * t;
        double series = t * (2 + t2 * (2.0 / 3 + t2 * (2.0 / 5 + t2 * (2.0 / 7 + t2 * (2.0 / 9)))));
        return exponent * 0.6931471805599453 + series;
    }

    /** e^y for |y| < 700 to within 1e-9 relative: 2^k from the bits, 2^f by a degree-7 Taylor polynomial, |f| <= 1/2. */
    static double exp(double y) {
        double z = y * 1.4426950408889634;
        double k = Math.rint(z);
        double f = (z - k) * 0.6931471805599453;
        double p = 1 + f * (1 + f * (1.0 / 2 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120 + f * (1.0 / 720 + f * (1.0 / 5040)))))));
        return p * Double.longBitsToDouble(((long) k + 1023) << 52);
    }
}
