package org.taperoom.appliance.dsp.mix;

import java.util.List;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.TrackSettings;

/**
 * The mix: one {@link ChannelStrip} per track, summed in track order (so the result does not
 * depend on which thread processed which strip), plus the reverb and delay buses whose returns are
 * solo-safe: soloing a track silences the other tracks and their sends, never the returns.
 *
 * <p>Threads: worker threads call {@link ChannelStrip#process} on distinct strips, then the
 * render thread calls {@link #sum}; the render thread hands blocks over through the executor's
 * happens-before edges.
 */
public final class Mixer {
    private final ChannelStrip[] strips;
    private final Reverb reverb;
    private final Delay delay;
    private final SmoothedValue reverbReturn;
    private final SmoothedValue delayReturn;
    private double[] reverbIn = new double[0];
    private double[] delayIn = new double[0];
    private double[] wetL = new double[0];
    private double[] wetR = new double[0];
    private boolean reverbUsed;
    private boolean delayUsed;

    public Mixer(double rateHz, int tracks) {
        strips = new ChannelStrip[tracks];
        for (int i = 0; i < tracks; i++) strips[i] = new ChannelStrip(rateHz);
        reverb = new Reverb(rateHz);
        delay = new Delay(rateHz);
        int ramp = (int) Math.round(ChannelStrip.RAMP_MS / 1000 * rateHz);
        reverbReturn = new SmoothedValue(1, ramp);
        delayReturn = new SmoothedValue(1, ramp);
    }

    /** Applies the mix; {@code perTrack.get(i)} is track i's settings. */
    public void configure(MixSettings mix, List<TrackSettings> perTrack, boolean now) {
        // A loop, not a stream: the playback thread runs this when a change arrives, and allocates nothing.
        boolean anySolo = false;
        for (int i = 0; i < perTrack.size(); i++) anySolo |= perTrack.get(i).solo();
        for (int i = 0; i < strips.length; i++) {
            TrackSettings t = perTrack.get(i);
            strips[i].configure(t, t.mute() || (anySolo && !t.solo()), now);
        }
        reverb.configure(mix.reverb());
        delay.configure(mix.delay(), mix.tempoBpm());
        double rv = ChannelStrip.dbToGain(mix.reverb().returnDb());
        double dl = ChannelStrip.dbToGain(mix.delay().returnDb());
        if (now) {
            reverbReturn.setNow(rv);
            delayReturn.setNow(dl);
        } else {
            reverbReturn.setTarget(rv);
            delayReturn.setTarget(dl);
        }
        reverbUsed = false;
        delayUsed = false;
        for (ChannelStrip s : strips) {
            reverbUsed |= s.sendsToReverb();
            delayUsed |= s.sendsToDelay();
        }
        reverbUsed &= rv > 0 || reverbReturn.isSmoothing();
        delayUsed &= dl > 0 || delayReturn.isSmoothing();
    }

    public ChannelStrip strip(int track) {
        return strips[track];
    }

    public int tracks() {
        return strips.length;
    }

    /** How long the buses ring after the last input, in seconds (0 when they are unused). */
    public double tailSeconds() {
        double t = 0;
        if (reverbUsed) t = Math.max(t, reverb.decaySeconds());
        if (delayUsed) t = Math.max(t, delay.decaySeconds());
        return t;
    }

    /**
     * Sums the strips' outputs (track order) and the bus returns into {@code mixL}/{@code mixR}
     * (overwritten). {@code outs[t]} holds track t's {L, R, reverb send, delay send}, or null
     * when the track was silent for this block.
     */
    public void sum(double[][][] outs, int count, double[] mixL, double[] mixR) {
        if (reverbIn.length < count) {
            reverbIn = new double[count];
            delayIn = new double[count];
            wetL = new double[count];
            wetR = new double[count];
        }
        java.util.Arrays.fill(mixL, 0, count, 0);
        java.util.Arrays.fill(mixR, 0, count, 0);
        java.util.Arrays.fill(reverbIn, 0, count, 0);
        java.util.Arrays.fill(delayIn, 0, count, 0);
        for (double[][] o : outs) {
            if (o == null) continue;
            double[] l = o[0];
            double[] r = o[1];
            for (int i = 0; i < count; i++) {
                mixL[i] += l[i];
                mixR[i] += r[i];
            }
            if (reverbUsed) add(reverbIn, o[2], count);
            if (delayUsed) add(delayIn, o[3], count);
        }
        if (reverbUsed) {
            reverb.process(reverbIn, wetL, wetR, count);
            addReturn(mixL, mixR, reverbReturn, count);
        }
        if (delayUsed) {
            delay.process(delayIn, wetL, wetR, count);
            addReturn(mixL, mixR, delayReturn, count);
        }
    }

    private void addReturn(double[] mixL, double[] mixR, SmoothedValue gain, int count) {
        for (int i = 0; i < count; i++) {
            double g = gain.next();
            mixL[i] += wetL[i] * g;
            mixR[i] += wetR[i] * g;
        }
    }

    private static void add(double[] into, double[] from, int count) {
        for (int i = 0; i < count; i++) into[i] += from[i];
    }
}
