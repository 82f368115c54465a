package org.taperoom.appliance.dsp.mix;

/**
 * A second-order IIR section (transposed direct form II) with coefficients from the RBJ Audio EQ
 * Cookbook, computed and run in double precision: float state would add audible noise to a
 * 20 Hz high-pass at 48 kHz.
 *
 * <p>Not thread-safe: the render or audio thread that owns the channel strip owns it.
 */
public final class Biquad {
    private double b0 = 1;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double z1;
    private double z2;

    /** Normalised coefficients (a0 = 1). */
    public record Coefficients(double b0, double b1, double b2, double a1, double a2) {
        public static final Coefficients IDENTITY = new Coefficients(1, 0, 0, 0, 0);

        /** Magnitude response in dB at {@code frequencyHz}. */
        public double magnitudeDb(double frequencyHz, double rateHz) {
            double w = 2 * Math.PI * frequencyHz / rateHz;
            double cos1 = Math.cos(w);
            double sin1 = Math.sin(w);
            double cos2 = Math.cos(2 * w);
            double sin2 = Math.sin(2 * w);
            double nr = b0 + b1 * cos1 + b2 * cos2;
            double ni = -(b1 * sin1 + b2 * sin2);
            double dr = 1 + a1 * cos1 + a2 * cos2;
            double di = -(a1 * sin1 + a2 * sin2);
            return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
        }
    }

    public static Coefficients highPass(double rateHz, double frequencyHz, double q) {
        Biquad b = new Biquad();
        b.setHighPass(rateHz, frequencyHz, q);
        return b.coefficients();
    }

    public static Coefficients lowPass(double rateHz, double frequencyHz, double q) {
        Biquad b = new Biquad();
        b.setLowPass(rateHz, frequencyHz, q);
        return b.coefficients();
    }

    public static Coefficients peaking(double rateHz, double frequencyHz, double gainDb, double q) {
        Biquad b = new Biquad();
        b.setPeaking(rateHz, frequencyHz, gainDb, q);
        return b.coefficients();
    }

    public static Coefficients lowShelf(double rateHz, double frequencyHz, double gainDb, double q) {
        Biquad b = new Biquad();
        b.setLowShelf(rateHz, frequencyHz, gainDb, q);
        return b.coefficients();
    }

    public static Coefficients highShelf(double rateHz, double frequencyHz, double gainDb, double q) {
        Biquad b = new Biquad();
        b.setHighShelf(rateHz, frequencyHz, gainDb, q);
        return b.coefficients();
    }

    /** The coefficients in use. */
    public Coefficients coefficients() {
        return new Coefficients(b0, b1, b2, a1, a2);
    }

    // The set* designs below compute the cookbook's coefficients straight into this section (state
    // kept): an EQ that glides recomputes them every few frames on the audio thread, which must not
    // allocate a Coefficients object each time.

    public void setHighPass(double rateHz, double frequencyHz, double q) {
        double w0 = 2 * Math.PI * frequencyHz / rateHz;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        set((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    public void setLowPass(double rateHz, double frequencyHz, double q) {
        double w0 = 2 * Math.PI * frequencyHz / rateHz;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        set((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    public void setPeaking(double rateHz, double frequencyHz, double gainDb, double q) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * frequencyHz / rateHz;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha / a;
        set((1 + alpha * a) / a0, -2 * cos / a0, (1 - alpha * a) / a0, -2 * cos / a0, (1 - alpha / a) / a0);
    }

    public void setLowShelf(double rateHz, double frequencyHz, double gainDb, double q) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * frequencyHz / rateHz;
        double cos = Math.cos(w0);
        double beta = 2 * Math.sqrt(a) * Math.sin(w0) / (2 * q);
        double a0 = (a + 1) + (a - 1) * cos + beta;
        set(a * ((a + 1) - (a - 1) * cos + beta) / a0,
                2 * a * ((a - 1) - (a + 1) * cos) / a0,
                a * ((a + 1) - (a - 1) * cos - beta) / a0,
                -2 * ((a - 1) + (a + 1) * cos) / a0,
                ((a + 1) + (a - 1) * cos - beta) / a0);
    }

    public void setHighShelf(double rateHz, double frequencyHz, double gainDb, double q) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * frequencyHz / rateHz;
        double cos = Math.cos(w0);
        double beta = 2 * Math.sqrt(a) * Math.sin(w0) / (2 * q);
        double a0 = (a + 1) - (a - 1) * cos + beta;
        set(a * ((a + 1) + (a - 1) * cos + beta) / a0,
                -2 * a * ((a - 1) + (a + 1) * cos) / a0,
                a * ((a + 1) + (a - 1) * cos - beta) / a0,
                2 * ((a - 1) - (a + 1) * cos) / a0,
                ((a + 1) - (a - 1) * cos - beta) / a0);
    }

    private void set(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    /** Takes new coefficients and keeps the state, so a gradual change does not click. */
    public void set(Coefficients c) {
        b0 = c.b0;
        b1 = c.b1;
        b2 = c.b2;
        a1 = c.a1;
        a2 = c.a2;
    }

    public void reset() {
        z1 = 0;
        z2 = 0;
    }

    /**
     * Runs {@code buf[0..count)} through {@code stages[0..n)} in series, one sample through all
     * stages before the next: each stage's recursion then overlaps with the others' in the CPU
     * pipeline, where stage-by-stage passes would wait on one recursion at a time. {@code c}
     * (5n) and {@code z} (2n) are the caller's scratch, so the audio path allocates nothing.
     */
    static void processCascade(Biquad[] stages, int n, double[] buf, int count, double[] c, double[] z) {
        if (n == 0) return;
        if (n == 1) {
            stages[0].process(buf, 0, count);
            return;
        }
        for (int s = 0; s < n; s++) {
            Biquad q = stages[s];
            c[5 * s] = q.b0;
            c[5 * s + 1] = q.b1;
            c[5 * s + 2] = q.b2;
            c[5 * s + 3] = q.a1;
            c[5 * s + 4] = q.a2;
            z[2 * s] = q.z1;
            z[2 * s + 1] = q.z2;
        }
        if (n == 3) {
            cascade3(buf, count, c, z);
        } else if (n == 4) {
            cascade4(buf, count, c, z);
        } else if (n == 5) {
            cascade5(buf, count, c, z);
        } else {
            cascadeAny(n, buf, count, c, z);
        }
        for (int s = 0; s < n; s++) {
            stages[s].z1 = Math.abs(z[2 * s]) < 1e-30 ? 0 : z[2 * s];
            stages[s].z2 = Math.abs(z[2 * s + 1]) < 1e-30 ? 0 : z[2 * s + 1];
        }
    }

    private static void cascadeAny(int n, double[] buf, int count, double[] c, double[] z) {
        for (int i = 0; i < count; i++) {
            double x = buf[i];
            for (int s = 0, k = 0, m = 0; s < n; s++, k += 5, m += 2) {
                double y = c[k] * x + z[m];
                z[m] = c[k + 1] * x - c[k + 3] * y + z[m + 1];
                z[m + 1] = c[k + 2] * x - c[k + 4] * y;
                x = y;
            }
            buf[i] = x;
        }
    }

    /*
     * The same arithmetic as cascadeAny, in the same order (so the same bits), with every
     * coefficient and state in a local: the JIT keeps them in registers, where the general loop
     * stores each state to the array and loads it back on the next sample, putting a store-to-load
     * round trip into every stage's recursion. Four stages is a strip's usual EQ (high-pass, low
     * shelf, two peaks) or the master's DC blocker and three bands, five the full set.
     */
    private static void cascade4(double[] buf, int count, double[] c, double[] z) {
        final double b00 = c[0], b01 = c[1], b02 = c[2], a01 = c[3], a02 = c[4];
        final double b10 = c[5], b11 = c[6], b12 = c[7], a11 = c[8], a12 = c[9];
        final double b20 = c[10], b21 = c[11], b22 = c[12], a21 = c[13], a22 = c[14];
        final double b30 = c[15], b31 = c[16], b32 = c[17], a31 = c[18], a32 = c[19];
        double z01 = z[0], z02 = z[1], z11 = z[2], z12 = z[3], z21 = z[4], z22 = z[5], z31 = z[6], z32 = z[7];
        for (int i = 0; i < count; i++) {
            double x = buf[i];
            double y = b00 * x + z01;
            z01 = b01 * x - a01 * y + z02;
            z02 = b02 * x - a02 * y;
            x = y;
            y = b10 * x + z11;
            z11 = b11 * x - a11 * y + z12;
            z12 = b12 * x - a12 * y;
            x = y;
            y = b20 * x + z21;
            z21 = b21 * x - a21 * y + z22;
            z22 = b22 * x - a22 * y;
            x = y;
            y = b30 * x + z31;
            z31 = b31 * x - a31 * y + z32;
            z32 = b32 * x - a32 * y;
            buf[i] = y;
        }
        z[0] = z01;
        z[1] = z02;
        z[2] = z11;
        z[3] = z12;
        z[4] = z21;
        z[5] = z22;
        z[6] = z31;
        z[7] = z32;
    }

    private static void cascade3(double[] buf, int count, double[] c, double[] z) {
        final double b00 = c[0], b01 = c[1], b02 = c[2], a01 = c[3], a02 = c[4];
        final double b10 = c[5], b11 = c[6], b12 = c[7], a11 = c[8], a12 = c[9];
        final double b20 = c[10], b21 = c[11], b22 = c[12], a21 = c[13], a22 = c[14];
        double z01 = z[0], z02 = z[1], z11 = z[2], z12 = z[3], z21 = z[4], z22 = z[5];
        for (int i = 0; i < count; i++) {
            double x = buf[i];
            double y = b00 * x + z01;
            z01 = b01 * x - a01 * y + z02;
            z02 = b02 * x - a02 * y;
            x = y;
            y = b10 * x + z11;
            z11 = b11 * x - a11 * y + z12;
            z12 = b12 * x - a12 * y;
            x = y;
            y = b20 * x + z21;
            z21 = b21 * x - a21 * y + z22;
            z22 = b22 * x - a22 * y;
            buf[i] = y;
        }
        z[0] = z01;
        z[1] = z02;
        z[2] = z11;
        z[3] = z12;
        z[4] = z21;
        z[5] = z22;
    }

    private static void cascade5(double[] buf, int count, double[] c, double[] z) {
        cascade4(buf, count, c, z);
        // A fifth stage after four: the same per-sample order as one pass through five, because
        // each stage only reads its own state and the previous stage's output for the same sample.
        final double b0 = c[20], b1 = c[21], b2 = c[22], a1 = c[23], a2 = c[24];
        double z1 = z[8], z2 = z[9];
        for (int i = 0; i < count; i++) {
            double x = buf[i];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            buf[i] = y;
        }
        z[8] = z1;
        z[9] = z2;
    }

    /** Filters {@code buf[from..from+count)} in place. */
    public void process(double[] buf, int from, int count) {
        double s1 = z1;
        double s2 = z2;
        final double c0 = b0;
        final double c1 = b1;
        final double c2 = b2;
        final double d1 = a1;
        final double d2 = a2;
        for (int i = from, end = from + count; i < end; i++) {
            double x = buf[i];
            double y = c0 * x + s1;
            s1 = c1 * x - d1 * y + s2;
            s2 = c2 * x - d2 * y;
            buf[i] = y;
        }
        // Flush denormals: a decaying tail would otherwise slow the loop by orders of magnitude.
        z1 = Math.abs(s1) < 1e-30 ? 0 : s1;
        z2 = Math.abs(s2) < 1e-30 ? 0 : s2;
    }
}
