package org.taperoom.appliance.dsp.loudness;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * One native {@code ebur128_state}: created with its channel map in the constructor, freed by
 * {@link #close()}. Owned by the meter that made it, on that meter's one thread.
 */
final class Ebur128State implements AutoCloseable {
    private final String what;
    private Pointer state;

    Ebur128State(ChannelLayout layout, int rateHz, int mode, String what) {
        this.what = what;
        state = Ebur128.ebur128_init(layout.channels(), new NativeLong(rateHz), mode);
        if (state == null) throw new LoudnessException("ebur128_init failed for " + layout + " at " + rateHz + " Hz");
        for (int c = 0; c < layout.channels(); c++) {
            check(Ebur128.ebur128_set_channel(state, c, layout.ebur128Channel(c)), "ebur128_set_channel");
        }
    }

    /** The native state; a meter used after close() is a programming error. */
    Pointer live() {
        if (state == null) throw new IllegalStateException(what + " closed");
        return state;
    }

    /** Throws unless {@code rc} is success (or "no change", which libebur128 reports for repeated settings). */
    static void check(int rc, String call) {
        if (rc != Ebur128.EBUR128_SUCCESS && rc != Ebur128.EBUR128_ERROR_NO_CHANGE) {
            throw new LoudnessException(call + " failed with libebur128 error " + rc);
        }
    }

    @Override
    public void close() {
        if (state == null) return;
        try (Memory holder = new Memory(Native.POINTER_SIZE)) {
            holder.setPointer(0, state);
            Ebur128.ebur128_destroy(holder);
        }
        state = null;
    }
}
