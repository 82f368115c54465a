package org.taperoom.appliance.playback;

/**
 * The hook that lays a {@link ClickSource} over what a playback thread gives its device, playing
 * or paused: the click's frame 0 is the device frame of the first period after it was set, so a
 * click starts on a period boundary with its accent. A pinned click (a pass's count-in and click,
 * {@link ClickCue}) instead starts and stops at device frames the playback thread gives it. Both
 * go to one output pair only (the monitor pair). Allocates nothing on the playback thread.
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
    /** Playback-thread state: the pinned click, its first and end device frames. */
    private ClickSource pinned;
    private long pinnedOrigin;
    private long pinnedEnd;
    /** The pair the click is heard on, its first channel 0-based; set before the playback thread starts. */
    private int pairChannel;

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

    /** Before the playback thread starts: the click goes to the pair from this channel (0-based). */
    void pair(int firstChannel) {
        if (firstChannel + 2 > Math.max(2, channels)) throw new IllegalArgumentException("the click's outputs " + (firstChannel + 1) + "-" + (firstChannel + 2) + " do not exist; the output has " + channels);
        pairChannel = firstChannel;
    }

    /** Playback thread: {@code c} sounds from device frame {@code origin} (its frame 0) until {@code end}. */
    void pin(ClickSource c, long origin, long end) {
        pinned = c;
        pinnedOrigin = origin;
        pinnedEnd = end;
    }

    /**
     * Playback thread: {@code out} with the click added, as a buffer of its own (out is never
     * written, it may be the shared silence), or out itself when no click is set.
     */
    float[] over(float[] out, long deviceFrame) {
        ClickSource c = click;
        if (c == null) current = null;
        boolean pinnedDue = pinned != null && deviceFrame < pinnedEnd;
        if (c == null && !pinnedDue) return out;
        System.arraycopy(out, 0, period, 0, period.length);
        if (c != null) {
            if (c != current) {
                current = c;
                originDeviceFrame = deviceFrame;
            }
            c.mixInto(period, channels, pairChannel, deviceFrame - originDeviceFrame, periodFrames);
        }
        if (pinnedDue) {
            int frames = (int) Math.min(periodFrames, pinnedEnd - deviceFrame);
            pinned.mixInto(period, channels, pairChannel, deviceFrame - pinnedOrigin, frames);
        }
        return period;
    }
}
