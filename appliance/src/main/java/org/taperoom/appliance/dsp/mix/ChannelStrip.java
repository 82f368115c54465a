package org.taperoom.appliance.dsp.mix;

import org.taperoom.appliance.dsp.settings.TrackSettings;

/**
 * One track's path: trim and polarity, EQ (high-pass and four bands), compressor, fader with
 * mute, constant-power pan, and post-fader sends to the reverb and delay buses. Every gain glides
 * over {@link #RAMP_MS} when settings change.
 *
 * <p>Not thread-safe: during a render exactly one worker thread processes a strip per block; the
 * render thread configures it only between renders.
 */
public final class ChannelStrip {
    static final double RAMP_MS = 20;
    private final ParametricEq eq;
    private final Compressor compressor;
    private final SmoothedValue inputGain;
    private final SmoothedValue outputGain;
    private final SmoothedValue panLeft;
    private final SmoothedValue panRight;
    private final SmoothedValue reverbSend;
    private final SmoothedValue delaySend;

    public ChannelStrip(double rateHz) {
        int ramp = (int) Math.round(RAMP_MS / 1000 * rateHz);
        eq = new ParametricEq(rateHz);
        compressor = new Compressor(rateHz);
        inputGain = new SmoothedValue(1, ramp);
        outputGain = new SmoothedValue(1, ramp);
        panLeft = new SmoothedValue(Math.sqrt(0.5), ramp);
        panRight = new SmoothedValue(Math.sqrt(0.5), ramp);
        reverbSend = new SmoothedValue(0, ramp);
        delaySend = new SmoothedValue(0, ramp);
    }

    /** Left gain of the constant-power pan law for {@code pan} in [-1, 1]: cos((pan + 1) * pi / 4). */
    public static double panLeftGain(double pan) {
        return Math.cos((pan + 1) * Math.PI / 4);
    }

    public static double panRightGain(double pan) {
        return Math.sin((pan + 1) * Math.PI / 4);
    }

    /**
     * Applies settings. {@code silenced} is mute or another track's solo. {@code now} jumps to the
     * values (before a render starts); otherwise they glide.
     */
    public void configure(TrackSettings s, boolean silenced, boolean now) {
        eq.configure(s.eq(), now);
        compressor.configure(s.compressor());
        set(inputGain, dbToGain(s.trimDb()) * (s.polarityInverted() ? -1 : 1), now);
        set(outputGain, silenced ? 0 : dbToGain(s.faderDb()), now);
        set(panLeft, panLeftGain(s.pan()), now);
        set(panRight, panRightGain(s.pan()), now);
        set(reverbSend, dbToGain(s.reverbSendDb()), now);
        set(delaySend, dbToGain(s.delaySendDb()), now);
    }

    private static void set(SmoothedValue v, double value, boolean now) {
        if (now) v.setNow(value);
        else v.setTarget(value);
    }

    public static double dbToGain(double db) {
        return db == Double.NEGATIVE_INFINITY ? 0 : Math.pow(10, db / 20);
    }

    /** Whether this strip contributes nothing (silenced, no glide in progress): its file need not be processed. */
    public boolean isSilent() {
        return outputGain.current() == 0 && !outputGain.isSmoothing();
    }

    public boolean sendsToReverb() {
        return reverbSend.current() != 0 || reverbSend.isSmoothing();
    }

    public boolean sendsToDelay() {
        return delaySend.current() != 0 || delaySend.isSmoothing();
    }

    /**
     * Processes {@code mono[0..count)} (modified in place) into the strip's own outputs, all
     * overwritten: the panned stereo pair and the two mono send signals.
     */
    public void process(double[] mono, int count, double[] outL, double[] outR, double[] toReverb, double[] toDelay) {
        if (inputGain.isSmoothing()) {
            for (int i = 0; i < count; i++) mono[i] *= inputGain.next();
        } else {
            double g = inputGain.current();
            if (g != 1) for (int i = 0; i < count; i++) mono[i] *= g;
        }
        eq.process(mono, count);
        compressor.process(mono, count);
        boolean gliding = outputGain.isSmoothing() || panLeft.isSmoothing() || panRight.isSmoothing()
                || reverbSend.isSmoothing() || delaySend.isSmoothing();
        if (gliding) {
            for (int i = 0; i < count; i++) {
                double y = mono[i] * outputGain.next();
                outL[i] = y * panLeft.next();
                outR[i] = y * panRight.next();
                toReverb[i] = y * reverbSend.next();
                toDelay[i] = y * delaySend.next();
            }
            return;
        }
        double fader = outputGain.current();
        double l = fader * panLeft.current();
        double r = fader * panRight.current();
        for (int i = 0; i < count; i++) {
            double x = mono[i];
            outL[i] = x * l;
            outR[i] = x * r;
        }
        double rs = fader * reverbSend.current();
        double ds = fader * delaySend.current();
        // A send that is off is silence: filling costs less than multiplying by zero (the sum is the same).
        if (rs != 0) {
            for (int i = 0; i < count; i++) toReverb[i] = mono[i] * rs;
        } else {
            java.util.Arrays.fill(toReverb, 0, count, 0);
        }
        if (ds != 0) {
            for (int i = 0; i < count; i++) toDelay[i] = mono[i] * ds;
        } else {
            java.util.Arrays.fill(toDelay, 0, count, 0);
        }
    }
}
