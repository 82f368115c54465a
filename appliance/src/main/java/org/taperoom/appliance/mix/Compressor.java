package org.taperoom.appliance.mix;

import org.taperoom.appliance.settings.CompressorSettings;

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
    private final double sampleRate;
    private final double rmsCoef;
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

    public Compressor(double sampleRate) {
        this.sampleRate = sampleRate;
        this.rmsCoef = 1 - Math.exp(-1 / (0.010 * sampleRate));
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
        attackCoef = Math.exp(-1 / (s.attackMs() / 1000 * sampleRate));
        releaseCoef = Math.exp(-1 / (s.releaseMs() / 1000 * sampleRate));
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
        if (!on) return;
        if (!rms) {
            for (int i = 0; i < count; i++) buf[i] *= gainFor(buf[i] * buf[i], Math.abs(buf[i]));
            return;
        }
        // RMS detection at control rate: the mean square moves with a 10 ms time constant, so the
        // gain computer (a log and an exp) runs once per CONTROL_FRAMES frames, the attack/release
        // filter steps by the same span, and the gain is interpolated linearly in between. The
        // mean square itself is still updated every sample.
        int i = 0;
        while (i < count) {
            int n = Math.min(CONTROL_FRAMES, count - i);
            double ms = meanSquare;
            for (int k = 0; k < n; k++) {
                double x = buf[i + k];
                ms += rmsCoef * (x * x - ms);
            }
            meanSquare = ms;
            double startGain = gain;
            updateGainAtControlRate(ms, n);
            double step = (gain - startGain) / n;
            for (int k = 0; k < n; k++) buf[i + k] *= startGain + step * (k + 1);
            i += n;
        }
    }

    /** Frames per gain-computer update in RMS mode (8 frames = 6 kHz control rate at 48 kHz). */
    static final int CONTROL_FRAMES = 8;

    /** Compresses a stereo pair with one linked detector (max of the two channels). */
    public void processStereo(double[] left, double[] right, int count) {
        if (!on) return;
        if (!rms) {
            for (int i = 0; i < count; i++) {
                double l = left[i];
                double r = right[i];
                double g = gainFor(Math.max(l * l, r * r), Math.max(Math.abs(l), Math.abs(r)));
                left[i] = l * g;
                right[i] = r * g;
            }
            return;
        }
        // RMS at control rate, as in process(), on the louder channel's square.
        int i = 0;
        while (i < count) {
            int n = Math.min(CONTROL_FRAMES, count - i);
            double ms = meanSquare;
            for (int k = 0; k < n; k++) {
                double l = left[i + k];
                double r = right[i + k];
                ms += rmsCoef * (Math.max(l * l, r * r) - ms);
            }
            meanSquare = ms;
            double startGain = gain;
            updateGainAtControlRate(ms, n);
            double step = (gain - startGain) / n;
            for (int k = 0; k < n; k++) {
                double g = startGain + step * (k + 1);
                left[i + k] *= g;
                right[i + k] *= g;
            }
            i += n;
        }
    }

    /** One control-rate step: the gain computer on mean square {@code ms}, attack/release over {@code n} frames. */
    private void updateGainAtControlRate(double ms, int n) {
        double target = ms <= quietBelow ? 0 : staticReductionDb(0.5 * DB_PER_NEPER * ln(ms), thresholdDb, ratio, kneeDb);
        double coef = target > reductionDb ? attackCoef : releaseCoef;
        double spanCoef = n == CONTROL_FRAMES ? (coef == attackCoef ? attackSpan : releaseSpan) : Math.pow(coef, n);
        reductionDb = target + spanCoef * (reductionDb - target);
        if (reductionDb < 1e-6) reductionDb = 0;
        gain = reductionDb == 0 ? makeupGain : exp((makeupDb - reductionDb) * NEPER_PER_DB);
    }

    private double gainFor(double square, double peak) {
        double level;
        double target;
        if (rms) {
            meanSquare += rmsCoef * (square - meanSquare);
            level = meanSquare;
        } else {
            level = peak;
        }
        if (level <= quietBelow) {
            target = 0;
        } else {
            double levelDb = rms ? 0.5 * DB_PER_NEPER * ln(level) : DB_PER_NEPER * ln(level);
            target = staticReductionDb(levelDb, thresholdDb, ratio, kneeDb);
        }
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
