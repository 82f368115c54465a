package org.taperoom.appliance.dsp.master;

import org.taperoom.appliance.dsp.mix.Biquad;
import org.taperoom.appliance.dsp.mix.Compressor;
import org.taperoom.appliance.dsp.mix.ParametricEq;
import org.taperoom.appliance.dsp.settings.MasterSettings;

/**
 * The master bus before the limiter: a 5 Hz DC blocker (a DC offset would otherwise eat the
 * limiter's headroom without being heard), the master EQ and the stereo-linked glue compressor.
 * Not thread-safe: owned by the render thread.
 */
public final class MasterBus {
    private final Biquad dcLeft = new Biquad();
    private final Biquad dcRight = new Biquad();
    private final ParametricEq eqLeft;
    private final ParametricEq eqRight;
    private final Compressor glue;

    public MasterBus(double rateHz) {
        Biquad.Coefficients dc = Biquad.highPass(rateHz, 5, 0.5);
        dcLeft.set(dc);
        dcRight.set(dc);
        eqLeft = new ParametricEq(rateHz);
        eqRight = new ParametricEq(rateHz);
        glue = new Compressor(rateHz);
    }

    public void configure(MasterSettings s, boolean now) {
        eqLeft.configure(s.eq(), now);
        eqRight.configure(s.eq(), now);
        glue.configure(s.glue());
    }

    public void process(double[] left, double[] right, int count) {
        eqLeft.process(dcLeft, left, count);
        eqRight.process(dcRight, right, count);
        glue.processStereo(left, right, count);
    }

    /** The glue compressor's current gain reduction, for the master meter. */
    public double glueReductionDb() {
        return glue.reductionDb();
    }
}
