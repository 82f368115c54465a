package org.taperoom.appliance.playback;

/**
 * The hook that lays a {@link ClickSource} over what a playback thread gives its device, playing
 * or paused: the click's frame 0 is the device frame of the first period after it was set, so a
 * click starts on a period boundary with its accent. Allocates nothing on the playback thread.
 */
final class ClickOverlay {
    private final float[] period;
    private final int periodFrames;
    private final int channels;
    /** The click to lay over the output, or null; written by any thread, read by the playback thread each period. */
    private volatile ClickSource click;
    /** Playback-thread state: the source last seen and the device frame of its frame 0. */
    private ClickSource current;
    private long originDeviceFrame;

    ClickOverlay(int periodFrames, int channels) {
        this.periodFrames = periodFrames;
        this.channels = channels;
        this.period = new float[periodFrames * channels];
    }

    /** Any thread: the click from the next period on (a new source starts on its accent), or null for none. */
    void set(ClickSource c) {
        click = c;
    }

    ClickSource get() {
        return click;
    }

    /**
     * Playback thread: {@code out} with the click added, as a buffer of its own (out is never
     * written, it may be the shared silence), or out itself when no click is set.
     */
    float[] over(float[] out, long deviceFrame) {
        ClickSource c = click;
        if (c == null) {
            current = null;
            return out;
        }
        if (c != current) {
            current = c;
            originDeviceFrame = deviceFrame;
        }
        System.arraycopy(out, 0, period, 0, period.length);
        c.mixInto(period, channels, deviceFrame - originDeviceFrame, periodFrames);
        return period;
    }
}
