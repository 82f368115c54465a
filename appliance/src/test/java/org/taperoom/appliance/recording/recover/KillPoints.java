package org.taperoom.appliance.recording.recover;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.wav.FileOps;

/**
 * File operations that stop at the Nth one, the way a process killed just before it would: the
 * operation does not happen, and neither does any after it (every later one throws too, so no
 * clean-up code gets to tidy up). What was written before stays in the files, as the page cache
 * keeps it after a SIGKILL. {@link Death} is an Error so that no {@code catch (IOException)} in the
 * writer can swallow it.
 */
final class KillPoints implements FileOps {
    static final class Death extends Error {
        Death(String where) {
            super(where, null, false, false);
        }
    }

    private final long killBefore;
    private long done;
    private boolean dead;
    /** The operations in order: "write", "force", "truncate", "rename". */
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

    private void next(String what) {
        if (dead || done == killBefore) {
            dead = true;
            throw new Death("killed before " + what + " #" + done);
        }
        done++;
        log.add(what);
    }

    @Override
    public void write(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        next("write");
        DIRECT.write(ch, b, pos);
    }

    /** Counted, not done: a killed process's writes stay in the page cache with or without it (a power cut is another test). */
    @Override
    public void force(FileChannel ch, boolean metadata) {
        next("force");
    }

    @Override
    public void truncate(FileChannel ch, long size) throws IOException {
        next("truncate");
        DIRECT.truncate(ch, size);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        next("rename");
        DIRECT.rename(source, target);
    }
}
