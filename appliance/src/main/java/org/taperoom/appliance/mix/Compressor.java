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
        for (int i = 0; i < count; i++) buf[i] *= gainFor(buf[i] * buf[i], Math.abs(buf[i]));
    }

    /** Compresses a stereo pair with one linked detector (max of the two channels). */
    public void processStereo(double[] left, double[] right, int count) {
        if (!on) return;
        for (int i = 0; i < count; i++) {
            double l = left[i];
            double r = right[i];
            double g = gainFor(Math.max(l * l, r * r), Math.max(Math.abs(l), Math.abs(r)));
            left[i] = l * g;
            right[i] = r * g;
        }
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
            double levelDb = rms ? 0.5 * DB_PER_NEPER * Math.log(level) : DB_PER_NEPER * Math.log(level);
            target = staticReductionDb(levelDb, thresholdDb, ratio, kneeDb);
        }
        double coef = target > reductionDb ? attackCoef : releaseCoef;
        reductionDb = target + coef * (reductionDb - target);
        if (reductionDb < 1e-6) {
            reductionDb = 0;
            return makeupGain;
        }
        return Math.exp((makeupDb - reductionDb) * NEPER_PER_DB);
    }
}
