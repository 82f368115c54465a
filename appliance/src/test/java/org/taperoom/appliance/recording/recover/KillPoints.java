package org.taperoom.appliance.recording.recover;

import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.wav.HookedFileOps;

/**
 * File operations that stop at the Nth one, the way a process killed just before it would: the
 * operation does not happen, and neither does any after it (every later one throws too, so no
 * clean-up code gets to tidy up). What was written before stays in the files, as the page cache
 * keeps it after a SIGKILL; so the syncs are counted, not done (a power cut is another test).
 * {@link Death} is an Error so that no {@code catch (IOException)} in the writer can swallow it.
 */
final class KillPoints extends HookedFileOps {
    static final class Death extends Error {
        Death(String where) {
            super(where, null, false, false);
        }
    }

    private final long killBefore;
    private long done;
    private boolean dead;
    /** The operations in order: "write", "fdatasync", "fsync", "truncate", "rename". */
    final List<String> log = new ArrayList<>();

    /** @param killBefore the 0-based index of the operation that never happens; Long.MAX_VALUE for none */
    KillPoints(long killBefore) {
        this.killBefore = killBefore;
    }

    boolean killed() {
        return dead;
    }

    long operations() {
        return done;
    }

    @Override
    protected boolean before(String kind, long pos, int bytes) {
        if (dead || done == killBefore) {
            dead = true;
            throw new Death("killed before " + kind + " #" + done);
        }
        done++;
        log.add(kind);
        return !kind.endsWith("sync");
    }
}
