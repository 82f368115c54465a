package org.taperoom.appliance.playback;

import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.recording.ring.FrameRing;

/**
 * The monitor mix on the playback thread: adds the monitored inputs, read straight from the
 * capture ring, to the monitor pair of each period the device is given. Output frame t carries input frame
 * t - {@link #delayFrames()}: both streams of a full-duplex pair count from one start, so the
 * offset is exact; the caller picks the smallest a paced device allows (what the output writes
 * ahead of what is heard, plus two periods: the capture delivers a frame within a period of hearing
 * it, and its thread may run a period late).
 *
 * <p>A second, read-only reader of the capture ring: it never releases frames. The writer thread
 * may release them, but the capture thread overwrites a slot only a whole ring (seconds) later,
 * so frames a few periods old are safe; a frame that could have been overwritten, or that the
 * capture has not delivered yet, is left out and counted. Allocates nothing after construction.
 */
final class MonitorTap {
    private static final float FULL_SCALE = 2147483648f;
    private final FrameRing ring;
    private final int[] lanes;
    private final float[] leftGain;
    private final float[] rightGain;
    /** The monitor pair's first channel, 0-based. */
    private final int pairChannel;
    private final long delayFrames;
    /** The sink has no clock: wait (at most a second) for the inputs instead of leaving them out. */
    private final boolean clockless;
    /** The period with the inputs added; playback thread only. */
    private final float[] mixed;
    /** Input frames left out because they were not captured yet (or too old); written by the playback thread. */
    private volatile long missedFrames;

    MonitorTap(FrameRing ring, MonitorMix mix, long delayFrames, int periodFrames, int channels, int pairChannel, boolean clockless) {
        if (pairChannel + 2 > Math.max(2, channels)) {
            throw new IllegalArgumentException("monitor outputs " + (pairChannel + 1) + "-" + (pairChannel + 2) + " do not exist; the output has " + channels);
        }
        this.pairChannel = pairChannel;
        this.ring = ring;
        this.delayFrames = delayFrames;
        this.clockless = clockless;
        int n = mix.inputs().size();
        this.lanes = new int[n];
        this.leftGain = new float[n];
        this.rightGain = new float[n];
        for (int i = 0; i < n; i++) {
            MonitorMix.Input in = mix.inputs().get(i);
            if (in.input() > ring.tracks()) {
                throw new IllegalArgumentException("monitor input " + in.input() + " does not exist; inputs are 1 to " + ring.tracks());
            }
            lanes[i] = in.input() - 1;
            leftGain[i] = (float) in.leftGain();
            rightGain[i] = channels > 1 ? (float) in.rightGain() : 0;
        }
        this.mixed = new float[periodFrames * channels];
    }

    FrameRing ring() {
        return ring;
    }

    int pairChannel() {
        return pairChannel;
    }

    long delayFrames() {
        return delayFrames;
    }

    long missedFrames() {
        return missedFrames;
    }

    /** Playback thread: {@code programme} plus the inputs due at output frame {@code outputFrame} on the monitor pair, in a buffer of its own. */
    float[] mix(float[] programme, long outputFrame, int periodFrames, int channels) {
        System.arraycopy(programme, 0, mixed, 0, mixed.length);
        long first = outputFrame - delayFrames;
        long end = first + periodFrames;
        if (clockless) {
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (ring.writeFrame() < end && System.nanoTime() < deadline) LockSupport.parkNanos(100_000L);
        }
        long written = ring.writeFrame();
        int mask = ring.mask();
        int missed = 0;
        for (int f = 0; f < periodFrames; f++) {
            long frame = first + f;
            if (frame < 0) continue;
            if (frame >= written || frame + ring.capacityFrames() <= written + periodFrames) {
                missed++;
                continue;
            }
            int at = (int) (frame & mask);
            float left = 0;
            float right = 0;
            for (int i = 0; i < lanes.length; i++) {
                float v = ring.lane(lanes[i])[at] / FULL_SCALE;
                left += v * leftGain[i];
                right += v * rightGain[i];
            }
            mixed[f * channels + pairChannel] += left;
            if (channels > 1) mixed[f * channels + pairChannel + 1] += right;
        }
        if (missed > 0) missedFrames = missedFrames + missed;
        return mixed;
    }
}
