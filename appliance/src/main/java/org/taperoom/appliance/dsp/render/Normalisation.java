package org.taperoom.appliance.dsp.render;

import org.taperoom.appliance.dsp.master.StreamLimiter;
import org.taperoom.appliance.dsp.settings.MasterSettings;

/**
 * The fixed last stage of a programme as a render's analysis left it: the normalisation gain and
 * the limiter's ceiling, look-ahead and release. The playback engine applies the one the last
 * render computed, so what it plays is what that render wrote.
 *
 * @param gainDb          static gain before the limiter
 * @param ceilingLinear   the limiter's ceiling (the master's, less the internal margin, less any
 *                        correction a render made after measuring its file)
 * @param lookaheadFrames the limiter's look-ahead
 * @param releaseFrames   the limiter's release time constant
 */
public record Normalisation(double gainDb, double ceilingLinear, int lookaheadFrames, double releaseFrames) {

    /** The limiter of {@code master} at {@code rate}, after {@code gainDb} of normalisation, before any correction. */
    public static Normalisation of(MasterSettings master, int rate, double gainDb) {
        double limiterCeilingDb = master.ceilingDbtp() - Renderer.CEILING_MARGIN_DB;
        return new Normalisation(gainDb, Math.pow(10, limiterCeilingDb / 20),
                (int) Math.round(master.lookaheadMs() / 1000 * rate), master.releaseMs() / 1000 * rate);
    }

    public double inputGain() {
        return Math.pow(10, gainDb / 20);
    }

    /** A limiter for a stream taking up to {@code maxPushFrames} a push. */
    public StreamLimiter streamLimiter(int rate, int maxPushFrames) {
        return new StreamLimiter(rate, inputGain(), ceilingLinear, lookaheadFrames, releaseFrames, maxPushFrames);
    }
}
