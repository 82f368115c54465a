package org.taperoom.appliance.playback;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Parameter changes on their way to the playback thread: one slot, the latest change wins (each
 * is a whole state). Any thread posts; the playback thread takes at the start of a period with one
 * atomic swap, never waiting and allocating nothing.
 */
public final class MixMailbox {
    private final AtomicReference<MixChange> slot = new AtomicReference<>();

    /** Any thread: the settings the next block is to use. */
    public void post(MixChange change) {
        slot.set(change);
    }

    /** Playback thread: the change posted since the last take, or null. */
    MixChange take() {
        return slot.getAndSet(null);
    }
}
