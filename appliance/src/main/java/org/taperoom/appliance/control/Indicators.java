package org.taperoom.appliance.control;

import org.taperoom.appliance.recording.capture.MeterSnapshot;

/**
 * The one place the LEDs are decided: the status lamp follows {@link LedPattern#of} the
 * transport's state and the disk warning; a clip on any input lights the clip lamp for
 * {@link #CLIP_FLASH_MILLIS} (or, without a clip lamp, inverts the status lamp for that time).
 *
 * <p>Threading: only the control loop's thread calls {@link #update}; the lamps are written from it.
 */
public final class Indicators {
    public static final long CLIP_FLASH_MILLIS = 120;

    /** An LED as the indicators see it. */
    @FunctionalInterface
    public interface Lamp {
        void set(boolean lit);
    }

    private final Lamp status;
    private final Lamp clip;
    /** Owned by the control loop's thread. */
    private long clipUntilMillis = Long.MIN_VALUE;
    /** Clip counts at the previous update; control thread only. */
    private long[] lastClipCounts = new long[0];

    /** {@code clip} may be null when there is no clip LED. */
    public Indicators(Lamp status, Lamp clip) {
        this.status = status;
        this.clip = clip;
    }

    /**
     * @param nowMillis monotonic time
     * @param meters    the latest meters, or null when none are fresh
     */
    public void update(long nowMillis, TransportState state, boolean diskLow, MeterSnapshot meters) {
        if (meters != null && anyClipped(meters)) clipUntilMillis = nowMillis + CLIP_FLASH_MILLIS;
        boolean clipping = nowMillis < clipUntilMillis;
        boolean statusLit = LedPattern.of(state, diskLow).lit(nowMillis);
        if (clip != null) {
            clip.set(clipping);
            status.set(statusLit);
        } else {
            status.set(clipping != statusLit);
        }
    }

    /** Both lamps off (at shutdown). */
    public void dark() {
        clipUntilMillis = Long.MIN_VALUE;
        status.set(false);
        if (clip != null) clip.set(false);
    }

    /** A clip in the latest period, or in any period since the previous update (the counts moved). */
    private boolean anyClipped(MeterSnapshot m) {
        boolean any = false;
        if (lastClipCounts.length != m.channels()) lastClipCounts = m.clipCounts.clone();
        for (int c = 0; c < m.channels(); c++) {
            if (m.clipped[c] || m.clipCounts[c] != lastClipCounts[c]) any = true;
            lastClipCounts[c] = m.clipCounts[c];
        }
        return any;
    }
}
