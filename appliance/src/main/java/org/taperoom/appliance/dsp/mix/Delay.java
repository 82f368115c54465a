package org.taperoom.appliance.dsp.mix;

import org.taperoom.appliance.dsp.settings.DelaySettings;

/**
 * A feedback delay with a one-pole low-pass in the loop (each repeat darker than the last), in
 * ms or synced to the session tempo. Mono in; the echo goes to both sides of the stereo return.
 *
 * <p>Not thread-safe: owned by the render thread that runs the buses.
 */
public final class Delay {
    private final double rateHz;
    private final double[] line;
    private int delayFrames;
    private int writeIndex;
    private double feedback;
    private double lowPassCoef;
    private double lowPassState;

    public Delay(double rateHz) {
        this.rateHz = rateHz;
        this.line = new double[(int) Math.ceil(4.0 * rateHz) + 1];
        configure(DelaySettings.DEFAULT, 120);
    }

    public void configure(DelaySettings s, double tempoBpm) {
        delayFrames = Math.max(1, Math.min(line.length - 1, (int) Math.round(s.effectiveTimeMs(tempoBpm) / 1000 * rateHz)));
        feedback = s.feedback();
        // damping 0 leaves repeats untouched; 1 puts the loop's corner near 500 Hz.
        double cornerHz = 20000 * Math.pow(500.0 / 20000, s.damping());
        lowPassCoef = s.damping() == 0 ? 1 : 1 - Math.exp(-2 * Math.PI * Math.min(cornerHz, rateHz * 0.45) / rateHz);
    }

    /** Seconds until the repeats have decayed by 60 dB. */
    public double decaySeconds() {
        double t = delayFrames / rateHz;
        return feedback <= 0 ? t : Math.min(20, t * (1 + Math.log(1e-3) / Math.log(feedback)));
    }

    /** Echoes {@code in[0..count)}; writes the wet signal to {@code outL}/{@code outR} (overwritten). */
    public void process(double[] in, double[] outL, double[] outR, int count) {
        for (int i = 0; i < count; i++) {
            int read = writeIndex - delayFrames;
            if (read < 0) read += line.length;
            double echo = line[read];
            lowPassState += lowPassCoef * (echo - lowPassState);
            if (Math.abs(lowPassState) < 1e-25) lowPassState = 0;
            line[writeIndex] = in[i] + lowPassState * feedback;
            if (++writeIndex == line.length) writeIndex = 0;
            outL[i] = echo;
            outR[i] = echo;
        }
    }
}
