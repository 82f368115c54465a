package org.taperoom.appliance.dsp.render;

import org.taperoom.appliance.dsp.master.MasterBus;
import org.taperoom.appliance.dsp.mix.Mixer;

/**
 * The master's part of a block, the same for the offline render and the playback engine: the
 * strips' outputs summed in track order with the bus returns, through the master bus, to floats
 * (what the limiter reads). Owned by one thread at a time; allocates only in the constructor.
 *
 * <p>Without a master bus (null) the sum goes to the limiter as it is: an overdub's monitor feed,
 * which must reach the outputs unfiltered so that what is played along to can be recorded back
 * and line up with its source sample for sample.
 */
public final class MasterBlock {
    private final Mixer mixer;
    private final MasterBus bus;
    private final double[] mixL;
    private final double[] mixR;

    /** @param bus the master bus, or null for none (a monitor feed) */
    public MasterBlock(Mixer mixer, MasterBus bus, int maxFrames) {
        this.mixer = mixer;
        this.bus = bus;
        this.mixL = new double[maxFrames];
        this.mixR = new double[maxFrames];
    }

    /**
     * Sums {@code outs} (track t's {L, R, reverb send, delay send}, or null when it was silent)
     * for {@code n} frames, runs the master bus and writes the programme to {@code left}/{@code right}.
     */
    public void process(double[][][] outs, int n, float[] left, float[] right) {
        mixer.sum(outs, n, mixL, mixR);
        if (bus != null) bus.process(mixL, mixR, n);
        for (int i = 0; i < n; i++) left[i] = (float) mixL[i];
        for (int i = 0; i < n; i++) right[i] = (float) mixR[i];
    }
}
