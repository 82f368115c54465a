package org.taperoom.appliance.dsp.mix;

import org.taperoom.appliance.dsp.settings.Band;
import org.taperoom.appliance.dsp.settings.EqSettings;

/**
 * High-pass filter plus four RBJ bands (low shelf, two peaking, high shelf). A change of settings
 * glides each band's frequency, gain and Q over {@link #RAMP_MS} and recomputes the coefficients
 * every {@link #UPDATE_FRAMES} frames, so sweeping a knob live does not click. Flat bands and a
 * switched-off high-pass cost nothing.
 *
 * <p>Not thread-safe: owned by the thread that processes its strip or bus.
 */
public final class ParametricEq {
    static final double RAMP_MS = 30;
    static final int UPDATE_FRAMES = 32;
    private final double rateHz;
    private final Section[] sections = new Section[5];

    private enum Kind { HIGH_PASS, LOW_SHELF, PEAK, HIGH_SHELF }

    private final class Section {
        final Kind kind;
        final Biquad filter = new Biquad();
        final SmoothedValue logFrequency;
        final SmoothedValue gainDb;
        final SmoothedValue q;
        /** 1 when the high-pass is on; a switched filter fades in as a gain-like mix is not possible, so it jumps. */
        boolean enabled;

        Section(Kind kind, int rampFrames) {
            this.kind = kind;
            logFrequency = new SmoothedValue(Math.log(1000), rampFrames);
            gainDb = new SmoothedValue(0, rampFrames);
            q = new SmoothedValue(0.707, rampFrames);
        }

        void set(Band b, boolean now) {
            boolean wasEnabled = enabled;
            enabled = kind == Kind.HIGH_PASS ? b.on() : true;
            if (now || (kind == Kind.HIGH_PASS && !wasEnabled)) {
                logFrequency.setNow(Math.log(b.frequencyHz()));
                gainDb.setNow(b.gainDb());
                q.setNow(b.q());
                // A high-pass that stays off is never run: its coefficients wait until it is switched on.
                if (now || enabled) update();
            } else {
                // A glide leaves the current values where they are, so the coefficients stand until
                // process() moves them; not recomputing them here keeps a change that arrives on the
                // playback thread from allocating.
                logFrequency.setTarget(Math.log(b.frequencyHz()));
                gainDb.setTarget(b.gainDb());
                q.setTarget(b.q());
            }
        }

        boolean active() {
            if (!enabled) return false;
            return kind == Kind.HIGH_PASS || gainDb.current() != 0 || gainDb.isSmoothing();
        }

        boolean smoothing() {
            return logFrequency.isSmoothing() || gainDb.isSmoothing() || q.isSmoothing();
        }

        void advance(int frames) {
            logFrequency.skip(frames);
            gainDb.skip(frames);
            q.skip(frames);
            update();
        }

        void update() {
            double f = Math.exp(logFrequency.current());
            switch (kind) {
                case HIGH_PASS -> filter.setHighPass(rateHz, f, q.current());
                case LOW_SHELF -> filter.setLowShelf(rateHz, f, gainDb.current(), q.current());
                case PEAK -> filter.setPeaking(rateHz, f, gainDb.current(), q.current());
                case HIGH_SHELF -> filter.setHighShelf(rateHz, f, gainDb.current(), q.current());
            }
        }
    }

    public ParametricEq(double rateHz) {
        this.rateHz = rateHz;
        int ramp = (int) Math.round(RAMP_MS / 1000 * rateHz);
        sections[0] = new Section(Kind.HIGH_PASS, ramp);
        sections[1] = new Section(Kind.LOW_SHELF, ramp);
        sections[2] = new Section(Kind.PEAK, ramp);
        sections[3] = new Section(Kind.PEAK, ramp);
        sections[4] = new Section(Kind.HIGH_SHELF, ramp);
    }

    /** Applies settings: {@code now} jumps (before a render starts), otherwise they glide. */
    public void configure(EqSettings s, boolean now) {
        sections[0].set(s.highPass(), now);
        sections[1].set(s.lowShelf(), now);
        sections[2].set(s.peak1(), now);
        sections[3].set(s.peak2(), now);
        sections[4].set(s.highShelf(), now);
    }

    private final Biquad[] steady = new Biquad[6];
    private final double[] cascadeCoefficients = new double[30];
    private final double[] cascadeState = new double[12];

    public void process(double[] buf, int count) {
        process(null, buf, count);
    }

    /**
     * Runs {@code before} (a fixed filter ahead of the EQ, such as the master's DC blocker), then
     * the EQ, in one pass over {@code buf} when nothing glides: the same arithmetic in the same
     * order as running them one after the other.
     */
    public void process(Biquad before, double[] buf, int count) {
        boolean anySmoothing = false;
        int n = 0;
        if (before != null) steady[n++] = before;
        for (Section s : sections) {
            if (!s.active()) continue;
            anySmoothing |= s.smoothing();
            steady[n++] = s.filter;
        }
        if (!anySmoothing) {
            Biquad.processCascade(steady, n, buf, count, cascadeCoefficients, cascadeState);
            return;
        }
        if (before != null) before.process(buf, 0, count);
        for (Section s : sections) {
            if (!s.active()) continue;
            if (!s.smoothing()) {
                s.filter.process(buf, 0, count);
                continue;
            }
            for (int from = 0; from < count; from += UPDATE_FRAMES) {
                int frames = Math.min(UPDATE_FRAMES, count - from);
                s.filter.process(buf, from, frames);
                s.advance(frames);
            }
        }
    }
}
