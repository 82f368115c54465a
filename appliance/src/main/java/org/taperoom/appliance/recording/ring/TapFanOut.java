package org.taperoom.appliance.recording.ring;

import java.io.IOException;
import java.util.Arrays;
import org.tinylog.Logger;

/**
 * Several consumers of the capture ring behind the writer's one tap slot: always-on capture's
 * rolling buffer and the live tuner at once. Members are added and removed from any thread by
 * replacing an immutable array (the caller allocates); the writer thread reads that array once
 * per call and allocates nothing. A member that fails is dropped with one line, and the others
 * go on (on the writer thread, where logging is allowed).
 */
public final class TapFanOut implements RingTap {
    private static final RingTap[] NONE = new RingTap[0];
    /** The members; replaced under this object's lock by any thread, read by the writer thread. */
    private volatile RingTap[] taps = NONE;

    /** Any thread: adds {@code tap} (once; adding it again does nothing). */
    public synchronized void add(RingTap tap) {
        for (RingTap t : taps) if (t == tap) return;
        RingTap[] next = Arrays.copyOf(taps, taps.length + 1);
        next[taps.length] = tap;
        taps = next;
    }

    /** Any thread: removes {@code tap}; the writer may still be inside one last call to it. */
    public synchronized void remove(RingTap tap) {
        RingTap[] now = taps;
        int at = -1;
        for (int i = 0; i < now.length; i++) if (now[i] == tap) at = i;
        if (at < 0) return;
        RingTap[] next = new RingTap[now.length - 1];
        System.arraycopy(now, 0, next, 0, at);
        System.arraycopy(now, at + 1, next, at, now.length - at - 1);
        taps = next;
    }

    public boolean isEmpty() {
        return taps.length == 0;
    }

    public int size() {
        return taps.length;
    }

    /** Writer thread: every member consumes the frames. */
    @Override
    public void consume(FrameRing ring, long from, int frames) {
        RingTap[] now = taps;
        for (RingTap t : now) {
            try {
                t.consume(ring, from, frames);
            } catch (IOException e) {
                dropFailed(t, e);
            }
        }
    }

    /** Writer thread: every member syncs. */
    @Override
    public void sync() {
        RingTap[] now = taps;
        for (RingTap t : now) {
            try {
                t.sync();
            } catch (IOException e) {
                dropFailed(t, e);
            }
        }
    }

    private void dropFailed(RingTap t, IOException e) {
        Logger.warn("a ring tap ({}) stopped: {}", t.getClass().getSimpleName(), e.getMessage());
        remove(t);
    }
}
