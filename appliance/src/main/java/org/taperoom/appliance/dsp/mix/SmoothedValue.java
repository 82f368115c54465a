package org.taperoom.appliance.dsp.mix;

/**
 * A parameter that glides linearly to a new target over a fixed time, so fader moves, mutes and
 * pan changes do not click ("zipper noise"). Owned by the thread that processes the strip.
 */
public final class SmoothedValue {
    private final int rampFrames;
    private double current;
    private double target;
    private double step;
    private int remaining;

    public SmoothedValue(double initial, int rampFrames) {
        this.current = initial;
        this.target = initial;
        this.rampFrames = Math.max(1, rampFrames);
    }

    public void setTarget(double value) {
        if (value == target) return;
        target = value;
        remaining = rampFrames;
        step = (target - current) / rampFrames;
    }

    /** Jumps to the value (before processing starts). */
    public void setNow(double value) {
        current = target = value;
        remaining = 0;
    }

    public boolean isSmoothing() {
        return remaining > 0;
    }

    public double current() {
        return current;
    }

    public double target() {
        return target;
    }

    /** The value for the next frame. */
    public double next() {
        if (remaining > 0) {
            current += step;
            if (--remaining == 0) current = target;
        }
        return current;
    }

    /** Advances {@code frames} frames and returns the value after them. */
    public double skip(int frames) {
        if (remaining <= 0) return current;
        if (frames >= remaining) {
            remaining = 0;
            current = target;
        } else {
            remaining -= frames;
            current += step * frames;
        }
        return current;
    }
}
