package org.taperoom.appliance.recording.ring;

import java.io.IOException;

/**
 * A second consumer of the capture ring, fed by the writer thread alongside the take (always-on
 * capture's rolling buffer). The writer never releases ring frames the tap has not consumed.
 */
public interface RingTap {
    /** Writer thread: consume frames {@code [from, from + frames)} of every lane. */
    void consume(FrameRing ring, long from, int frames) throws IOException;

    /** Writer thread: make what was consumed durable (called at the fsync interval). */
    void sync() throws IOException;
}
